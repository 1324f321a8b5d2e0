/**
 * The roster: every person note read so far, keyed by path, with a revision counter
 * that moves only when something really changed. Views redraw when the revision moved;
 * the due list is cached per (revision, today, all, settings object) so a pane, a
 * status-bar count and a command asking in the same tick compute it once.
 */
import { noteName } from './person';
import { dueList } from './schedule';
import type { KindredSettings } from './settings';
import type { LocalDate, Person, ScheduledPerson } from './types';

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

function comparePaths(a: Person, b: Person): number {
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

interface DueCache {
	revision: number;
	today: LocalDate;
	all: boolean;
	settings: KindredSettings;
	list: ScheduledPerson[];
}

export class Roster {
	/** Moves on every real change; never moves for an update that changes nothing. */
	revision = 0;
	private readonly people = new Map<string, Person>();
	private cache: DueCache[] = [];

	get size(): number {
		return this.people.size;
	}

	/** Add or replace a person. False (and no new revision) when nothing changed. */
	upsert(person: Person): boolean {
		const old = this.people.get(person.path);
		if (old !== undefined && samePerson(old, person)) return false;
		this.people.set(person.path, person);
		this.bump();
		return true;
	}

	remove(path: string): boolean {
		if (!this.people.delete(path)) return false;
		this.bump();
		return true;
	}

	/**
	 * A note moved. With `person` (re-read at the new path) it replaces the old entry;
	 * without, the old entry is carried over with its new path and name.
	 */
	rename(oldPath: string, newPath: string, person?: Person): void {
		const old = this.people.get(oldPath);
		const moved = person ?? (old ? { ...old, path: newPath, name: noteName(newPath) } : undefined);
		const removed = this.people.delete(oldPath);
		if (moved) this.people.set(newPath, moved);
		if (removed || moved) this.bump();
	}

	clear(): void {
		if (this.people.size === 0) return;
		this.people.clear();
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

	/** The due list for `today` (see schedule.dueList), cached until the roster changes. */
	dueList(today: LocalDate, settings: KindredSettings, opts?: { all?: boolean }): ScheduledPerson[] {
		const all = opts?.all ?? false;
		const hit = this.cache.find(
			(c) => c.revision === this.revision && c.today === today && c.all === all && c.settings === settings,
		);
		if (hit) return [...hit.list];
		const list = dueList(this.all(), today, settings, { all });
		// A few answers for this revision (with and without `all`); bump() empties it.
		this.cache = [...this.cache.slice(-3), { revision: this.revision, today, all, settings, list }];
		return [...list];
	}

	/**
	 * A person by vault path (with or without `.md`), then by name (case-insensitive),
	 * then by alias. Several matches at the same step is an error listing their paths.
	 */
	find(query: string): FindResult {
		let q = query.trim();
		const link = /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(q);
		if (link) q = link[1].trim();
		q = q.replace(/^\.\//, '');
		if (q === '') return { ok: false, reason: 'no person given' };

		const byPath = this.people.get(q) ?? this.people.get(`${q}.md`);
		if (byPath) return { ok: true, person: byPath };

		const lower = q.toLowerCase();
		const everyone = this.all();
		const steps: ((p: Person) => boolean)[] = [
			(p) => p.path.toLowerCase() === lower || p.path.toLowerCase() === `${lower}.md`,
			(p) => p.name.toLowerCase() === lower,
			(p) => p.aliases.some((a) => a.toLowerCase() === lower),
		];
		for (const matches of steps) {
			const found = everyone.filter(matches);
			if (found.length === 1) return { ok: true, person: found[0] };
			if (found.length > 1) {
				return {
					ok: false,
					reason: `"${query.trim()}" matches more than one person: ${found.map((p) => p.path).join(', ')}`,
				};
			}
		}
		return { ok: false, reason: `no person called "${query.trim()}"` };
	}

	private bump(): void {
		this.revision++;
		this.cache = [];
	}
}
