/**
 * The roster: every person note read so far, keyed by path, with a revision counter
 * that moves only when something really changed. Views redraw when the revision moved;
 * the due list is cached per (revision, today, all, settings object) so a pane, a
 * status-bar count and a command asking in the same tick compute it once.
 *
 * After a change, the next list is patched from the last one computed for the same today
 * and settings: the roster logs which paths changed since (and whom they replaced), and
 * only those people are taken out and placed again (schedule.patchDueList), so one
 * changed note costs a binary search and an array copy rather than scheduling and
 * sorting everyone again. It also never sorts everyone by path where order does not matter.
 */
import { maxDate } from './dates';
import { noteName } from './person';
import { dueList, patchDueList } from './schedule';
import type { KindredSettings } from './settings';
import type { LocalDate, Person, ScheduledPerson } from './types';

/**
 * A name or path as find compares it: case aside, and accents however they were typed (é
 * as one letter, or e and a combining accent, as macOS file names and some keyboards give them).
 */
export function foldName(s: string): string {
	return s.normalize('NFC').toLowerCase();
}

export type FindResult = { ok: true; person: Person } | { ok: false; reason: string };

/** Structural equality for plain data (what readPerson builds: no Dates, no cycles). */
export function samePerson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((x, i) => samePerson(x, b[i]));
	}
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	const ka = Object.keys(ra);
	if (ka.length !== Object.keys(rb).length) return false;
	return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && samePerson(ra[k], rb[k]));
}

/**
 * The newest date a person's schedule rests on: `last_contact` or the newest log entry
 * (the log is newest first). After today, it is a problem that depends on the day (see
 * schedule's place): the only kind a person can have without one of their own.
 */
function newestDate(p: Person): LocalDate | null {
	return maxDate(p.lastContactField, p.log.length > 0 ? p.log[0].date : null);
}

function comparePaths(a: Person, b: Person): number {
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

interface DueCache {
	revision: number;
	today: LocalDate;
	all: boolean;
	settings: KindredSettings;
	list: readonly ScheduledPerson[];
}

/** The last list computed for one value of `all`, and where the change log stood then. */
interface DueBase {
	today: LocalDate;
	soonWindowDays: number;
	lastContactKey: string;
	list: readonly ScheduledPerson[];
	logEpoch: number;
	logLength: number;
}

/** Past this many logged changes a full recompute is as cheap as a patch: start over. */
const CHANGE_LOG_LIMIT = 4096;

export class Roster {
	/** Moves on every real change; never moves for an update that changes nothing. */
	revision = 0;
	private readonly people = new Map<string, Person>();
	private cache: DueCache[] = [];
	/** Paths changed (upserted, removed, renamed) since the log last started over... */
	private changeLog: string[] = [];
	/** ...and the Person each replaced or removed (undefined: there was none). */
	private replacedLog: (Person | undefined)[] = [];
	/** Moves when the log starts over; a base from an older epoch cannot be patched. */
	private logEpoch = 0;
	private readonly bases = new Map<boolean, DueBase>();
	/** How many people's notes have a problem of their own: kept as people come and go. */
	private problems = 0;
	/**
	 * For everyone else, how many rest on each newest date (newestDate), so those dated
	 * after a day are counted by date rather than person by person; made when first asked,
	 * then kept as people come and go (null until then).
	 */
	private newest: Map<LocalDate, number> | null = null;

	get size(): number {
		return this.people.size;
	}

	/**
	 * How many people have a problem on `today`, listed in the due list or not: those whose
	 * note has one, and those whose last contact or a log entry is dated after today. The
	 * same people as those with problems in dueList(today, all), counted without placing
	 * anyone: by date, over the few distinct newest dates.
	 */
	problemCount(today: LocalDate): number {
		let newest = this.newest;
		if (newest === null) {
			newest = this.newest = new Map();
			for (const p of this.people.values()) if (p.problems.length === 0) this.countNewest(newest, p, 1);
		}
		let n = this.problems;
		for (const [date, count] of newest) if (date > today) n += count;
		return n;
	}

	/** Add or replace a person. False (and no new revision) when nothing changed. */
	upsert(person: Person): boolean {
		const old = this.people.get(person.path);
		if (old !== undefined && samePerson(old, person)) return false;
		this.people.set(person.path, person);
		this.track(old, -1);
		this.track(person, 1);
		this.bump(person.path, old);
		return true;
	}

	/**
	 * Add someone whose path the roster does not hold yet, without looking first: for a
	 * build into an empty roster, whose walk of the vault meets each path once (the
	 * lookup that upsert makes is a cache miss per person at 10,000).
	 */
	add(person: Person): void {
		this.people.set(person.path, person);
		this.track(person, 1);
		this.bump(person.path, undefined);
	}

	remove(path: string): boolean {
		const old = this.people.get(path);
		if (!this.people.delete(path)) return false;
		this.track(old, -1);
		this.bump(path, old);
		return true;
	}

	/**
	 * A note moved. With `person` (re-read at the new path) it replaces the old entry;
	 * without, the old entry is carried over with its new path and name.
	 */
	rename(oldPath: string, newPath: string, person?: Person): void {
		const old = this.people.get(oldPath);
		const moved = person ?? (old ? { ...old, path: newPath, name: noteName(newPath) } : undefined);
		const replaced = this.people.get(newPath);
		const removed = this.people.delete(oldPath);
		if (removed) this.track(old, -1);
		if (moved) {
			// The entry at the new path goes (unless it was the one just taken out).
			if (newPath !== oldPath) this.track(replaced, -1);
			this.people.set(newPath, moved);
			this.track(moved, 1);
		}
		if (removed || moved) {
			this.bump(oldPath, old);
			this.bump(newPath, replaced, false);
		}
	}

	clear(): void {
		if (this.people.size === 0) return;
		this.people.clear();
		this.problems = 0;
		this.newest = null;
		this.bump();
	}

	get(path: string): Person | undefined {
		return this.people.get(path);
	}

	has(path: string): boolean {
		return this.people.has(path);
	}

	/** Everyone, in path order. */
	all(): Person[] {
		return [...this.people.values()].sort(comparePaths);
	}

	/** Everyone, in no particular order (no copy, no sort): for passes where order does not matter. */
	values(): IterableIterator<Person> {
		return this.people.values();
	}

	/** Every path, in no particular order. */
	paths(): IterableIterator<string> {
		return this.people.keys();
	}

	/**
	 * The due list for `today` (see schedule.dueList), cached until the roster changes.
	 * Every caller gets the cached list itself, typed read-only: a copy per call would cost
	 * a step per person each time the pane or the status bar asks. (Not frozen either: V8
	 * slices and iterates a frozen array about ten times slower, and the next patch slices it.)
	 */
	dueList(today: LocalDate, settings: KindredSettings, opts?: { all?: boolean }): readonly ScheduledPerson[] {
		const all = opts?.all ?? false;
		const hit = this.cache.find(
			(c) => c.revision === this.revision && c.today === today && c.all === all && c.settings === settings,
		);
		if (hit) return hit.list;
		const list = this.computeDueList(today, settings, all);
		// A few answers for this revision (with and without `all`); bump() empties it.
		this.cache = [...this.cache.slice(-3), { revision: this.revision, today, all, settings, list }];
		return list;
	}

	/** Patched from the last list when only a few people changed since, else computed afresh. */
	private computeDueList(today: LocalDate, settings: KindredSettings, all: boolean): readonly ScheduledPerson[] {
		const base = this.bases.get(all);
		let list: readonly ScheduledPerson[];
		if (
			base !== undefined &&
			base.logEpoch === this.logEpoch &&
			base.today === today &&
			base.soonWindowDays === settings.soonWindowDays &&
			base.lastContactKey === settings.keys.lastContact
		) {
			// Per changed path: the person the base list saw (the first replaced), and who is there now.
			const before = new Map<string, Person | undefined>();
			for (let i = base.logLength; i < this.changeLog.length; i++) {
				const path = this.changeLog[i];
				if (!before.has(path)) before.set(path, this.replacedLog[i]);
			}
			if (before.size === 0) list = base.list;
			else {
				const removed: Person[] = [];
				const added: Person[] = [];
				for (const [path, old] of before) {
					if (old !== undefined) removed.push(old);
					const now = this.people.get(path);
					if (now !== undefined) added.push(now);
				}
				list = patchDueList(base.list, removed, added, today, settings, { all });
			}
		} else {
			list = dueList(this.people.values(), today, settings, { all });
		}
		this.bases.set(all, {
			today,
			soonWindowDays: settings.soonWindowDays,
			lastContactKey: settings.keys.lastContact,
			list,
			logEpoch: this.logEpoch,
			logLength: this.changeLog.length,
		});
		return list;
	}

	/**
	 * A person by vault path (with or without `.md`), then by name or alias
	 * (case-insensitive). Several matches at the same step is an error listing their paths:
	 * a name that is also someone else's alias is one of them (logging the wrong person
	 * is worse than asking for the path).
	 */
	find(query: string): FindResult {
		let q = query.trim();
		const link = /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(q);
		if (link) q = link[1].trim();
		q = q.replace(/^\.\//, '');
		if (q === '') return { ok: false, reason: 'no person given' };

		const byPath = this.people.get(q) ?? this.people.get(`${q}.md`);
		if (byPath) return { ok: true, person: byPath };

		const lower = foldName(q);
		const steps: ((p: Person) => boolean)[] = [
			(p) => foldName(p.path) === lower || foldName(p.path) === `${lower}.md`,
			(p) => foldName(p.name) === lower || p.aliases.some((a) => foldName(a) === lower),
		];
		for (const matches of steps) {
			const found: Person[] = [];
			for (const p of this.people.values()) if (matches(p)) found.push(p);
			if (found.length === 1) return { ok: true, person: found[0] };
			if (found.length > 1) {
				// Only the matches are sorted: the message lists them in path order.
				found.sort(comparePaths);
				return {
					ok: false,
					reason: `"${query.trim()}" matches more than one person: ${found.map((p) => p.path).join(', ')}`,
				};
			}
		}
		return { ok: false, reason: `no person called "${query.trim()}"` };
	}

	/** Count `p` in (1) or out (-1) of problemCount's tallies. */
	private track(p: Person | undefined, delta: 1 | -1): void {
		if (p === undefined) return;
		if (p.problems.length > 0) this.problems += delta;
		else if (this.newest !== null) this.countNewest(this.newest, p, delta);
	}

	/** Count someone with no problem of their own in (1) or out (-1) by their newest date. */
	private countNewest(newest: Map<LocalDate, number>, p: Person, delta: 1 | -1): void {
		const date = newestDate(p);
		if (date === null) return;
		const n = (newest.get(date) ?? 0) + delta;
		if (n === 0) newest.delete(date);
		else newest.set(date, n);
	}

	/**
	 * A new revision (unless `newRevision` is false: the second half of a rename): `path`
	 * changed, replacing `old`. With no path anything may have, so patching starts over.
	 * The log is kept only while there is a list to patch.
	 */
	private bump(path?: string, old?: Person, newRevision = true): void {
		if (newRevision) this.revision++;
		if (this.cache.length > 0) this.cache = [];
		if (this.bases.size === 0) return;
		if (path === undefined || this.changeLog.length >= CHANGE_LOG_LIMIT) {
			this.changeLog = [];
			this.replacedLog = [];
			this.logEpoch++;
			this.bases.clear();
			return;
		}
		this.changeLog.push(path);
		this.replacedLog.push(old);
	}
}
