/**
 * Reading a person from one note's frontmatter (and, when the body was read, its log).
 * Key names come from settings so an existing vault works without edits. Nothing here
 * throws on user data: every value that cannot be read becomes a Problem, and a problem
 * that affects the schedule marks the person invalid so it is listed, never dropped.
 */
import { parseCadence } from './cadence';
import { readDate, shortValue } from './dates';
import type { KindredSettings } from './settings';
import type { Energy, LogEntry, Person, PersonStatus, Problem } from './types';

const STATUSES: readonly PersonStatus[] = ['target', 'active', 'paused', 'archived'];
const ENERGIES: readonly Energy[] = ['gives', 'neutral', 'drains'];
/** `[[Target]]`, `[[Target|alias]]`, `[[Target#heading]]`, `[[Target#h|alias]]`. */
const WIKILINK = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/;

/** The note's basename: `People/Ana Ruiz.md` → `Ana Ruiz`. */
export function noteName(path: string): string {
	const base = path.slice(path.lastIndexOf('/') + 1);
	return base.replace(/\.md$/i, '');
}

/** The link target of `[[Target|alias]]` / `[[Target#h]]`, or null when not a wikilink. */
export function linkTarget(value: string): string | null {
	const m = WIKILINK.exec(value.trim());
	if (!m) return null;
	const target = m[1].trim();
	return target === '' ? null : target;
}

/** YAML gives null for `key:` with nothing after it; treat that and '' as absent. */
function isBlank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A list written as YAML list or as one comma-separated string. */
function textList(v: unknown): string[] | null {
	const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [v] : null;
	if (items === null) return null;
	const out: string[] = [];
	for (const item of items) {
		if (item === null || item === undefined) continue;
		if (typeof item !== 'string' && typeof item !== 'number') return null;
		const s = String(item).trim();
		if (s !== '' && !out.includes(s)) out.push(s);
	}
	return out;
}

/**
 * Unquoted `[[Ana]]` in YAML is a list holding a list holding "Ana" — the most common
 * way to write a link in frontmatter by hand. Read it as the link it was meant to be.
 */
function nestedLink(v: unknown): string | null {
	if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && typeof v[0][0] === 'string') {
		return linkTarget(`[[${v[0][0]}]]`);
	}
	return null;
}

function readTrust(v: unknown): number | null {
	const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
	return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

function newestFirst(log: readonly LogEntry[]): LogEntry[] {
	// Stable: entries on the same day keep the order the note gives them.
	return [...log].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * Read one person note. `frontmatter` is the parsed YAML (null when the note has none);
 * `log` is the note's interaction log when its body was read.
 */
export function readPerson(
	path: string,
	frontmatter: Record<string, unknown> | null | undefined,
	settings: KindredSettings,
	log?: LogEntry[] | null,
): Person {
	const keys = settings.keys;
	const fm: Record<string, unknown> = frontmatter ?? {};
	const problems: Problem[] = [];
	let invalid = false;
	const problem = (field: string, value: unknown, reason: string, blocks: boolean): void => {
		problems.push({ field, value: shortValue(value), reason });
		if (blocks) invalid = true;
	};
	const get = (key: string): unknown => (Object.prototype.hasOwnProperty.call(fm, key) ? fm[key] : undefined);

	const person: Person = {
		path,
		name: noteName(path),
		aliases: [],
		cadence: null,
		cadenceSource: null,
		trust: null,
		lastContactField: null,
		status: 'active',
		snoozeUntil: null,
		circles: [],
		knows: [],
		introducedBy: null,
		energy: null,
		log: newestFirst(log ?? []),
		problems,
		invalid: false,
	};

	const aliases = get(keys.aliases);
	if (!isBlank(aliases)) {
		const list = textList(aliases);
		if (list) person.aliases = list;
		else problem(keys.aliases, aliases, 'must be a name or a list of names', false);
	}

	const rawCadence = get(keys.cadence);
	const hasCadence = !isBlank(rawCadence);

	const rawTrust = get(keys.trust);
	if (!isBlank(rawTrust)) {
		person.trust = readTrust(rawTrust);
		// A bad trust only blocks the schedule when it is what sets the cadence.
		if (person.trust === null) problem(keys.trust, rawTrust, 'must be a whole number from 1 to 5', !hasCadence);
	}

	if (hasCadence) {
		const c = parseCadence(rawCadence);
		if (c.ok) {
			person.cadence = c.cadence;
			person.cadenceSource = 'note';
		} else problem(keys.cadence, rawCadence, c.reason, true);
	} else if (person.trust !== null) {
		const setting = settings.cadenceByTrust[String(person.trust) as '1' | '2' | '3' | '4' | '5'];
		const c = parseCadence(setting);
		if (c.ok) {
			person.cadence = c.cadence;
			person.cadenceSource = 'trust';
		} else problem(keys.cadence, setting, `the default for trust ${person.trust} in settings is not usable: ${c.reason}`, true);
	}

	const rawLast = get(keys.lastContact);
	if (!isBlank(rawLast)) {
		const d = readDate(rawLast);
		if (d.ok) person.lastContactField = d.date;
		else problem(keys.lastContact, rawLast, d.reason, true);
	}

	const rawStatus = get(keys.status);
	if (!isBlank(rawStatus)) {
		const s = typeof rawStatus === 'string' ? rawStatus.trim().toLowerCase() : '';
		if ((STATUSES as readonly string[]).includes(s)) person.status = s as PersonStatus;
		else problem(keys.status, rawStatus, `must be one of ${STATUSES.join(', ')}`, true);
	}

	const rawSnooze = get(keys.snoozeUntil);
	if (!isBlank(rawSnooze)) {
		const d = readDate(rawSnooze);
		if (d.ok) person.snoozeUntil = d.date;
		else problem(keys.snoozeUntil, rawSnooze, d.reason, true);
	}

	const rawCircles = get(keys.circles);
	if (!isBlank(rawCircles)) {
		const list = textList(rawCircles);
		if (list) person.circles = list;
		else problem(keys.circles, rawCircles, 'must be a word or a list of words', false);
	}

	const rawKnows = get(keys.knows);
	if (!isBlank(rawKnows)) {
		const nested = nestedLink(rawKnows);
		const items: unknown[] = nested !== null ? [`[[${nested}]]`] : Array.isArray(rawKnows) ? rawKnows : [rawKnows];
		for (const item of items) {
			if (isBlank(item)) continue;
			const target = typeof item === 'string' ? linkTarget(item) : nestedLink(item);
			if (target === null) problem(keys.knows, item, 'is not a link; write it as "[[Name]]"', false);
			else if (!person.knows.includes(target)) person.knows.push(target);
		}
	}

	const rawIntro = get(keys.introducedBy);
	if (!isBlank(rawIntro)) {
		const nested = nestedLink(rawIntro);
		if (nested !== null) person.introducedBy = nested;
		else if (typeof rawIntro === 'string') person.introducedBy = linkTarget(rawIntro) ?? rawIntro.trim();
		else problem(keys.introducedBy, rawIntro, 'must be a link like "[[Name]]"', false);
	}

	const rawEnergy = get(keys.energy);
	if (!isBlank(rawEnergy)) {
		const e = typeof rawEnergy === 'string' ? rawEnergy.trim().toLowerCase() : '';
		if ((ENERGIES as readonly string[]).includes(e)) person.energy = e as Energy;
		else problem(keys.energy, rawEnergy, `must be one of ${ENERGIES.join(', ')}`, false);
	}

	person.invalid = invalid;
	return person;
}
