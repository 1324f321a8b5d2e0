/**
 * Reading a person from one note's frontmatter (and, when the body was read, its log).
 * Key names come from settings so an existing vault works without edits. Nothing here
 * throws on user data: every value that cannot be read becomes a Problem, and a problem
 * that affects the schedule marks the person invalid so it is listed, never dropped.
 *
 * readPerson runs for every person note when the index builds, and the index keeps what
 * it returns, so it computes what repeats once (a vault has a handful of distinct cadence
 * values and trust defaults, each parsed once and shared), reads the note's own keys in
 * one pass, shares frozen empty lists and builds lists at their exact size.
 */
import { parseCadence } from './cadence';
import type { CadenceResult } from './cadence';
import { readDate, shortValue, usualDate } from './dates';
import { rememberedBy } from './memo';
import type { KindredSettings } from './settings';
import type { Cadence, Energy, LocalDate, LogEntry, Person, PersonStatus, Problem } from './types';

const STATUSES: readonly PersonStatus[] = ['target', 'active', 'paused', 'archived'];
const ENERGIES: readonly Energy[] = ['gives', 'neutral', 'drains'];

/** The note's basename: `People/Ana Ruiz.md` → `Ana Ruiz`. */
export function noteName(path: string): string {
	// The last `/` found by hand: lastIndexOf is a call into the runtime, which costs more
	// than the whole rest of this function for the short paths of notes (it runs per person).
	let start = path.length;
	while (start > 0 && path.charCodeAt(start - 1) !== 47) start--;
	let end = path.length;
	// `.md` in any case, without a regex; one slice.
	if (end - start >= 3 && path.charCodeAt(end - 3) === 46 && (path.charCodeAt(end - 2) | 32) === 109 && (path.charCodeAt(end - 1) | 32) === 100) {
		end -= 3;
	}
	return path.slice(start, end);
}

/** Parsed cadences by raw value (text or number). Bounded: a vault has few distinct values. */
const rememberedCadence = rememberedBy<string | number, CadenceResult>(1000, parseCadence);

/**
 * parseCadence, remembered by value. The result (and its Cadence) is shared by everyone
 * with the same value; nothing edits a person's cadence in place.
 */
export function cadenceOf(value: unknown): CadenceResult {
	return typeof value === 'string' || typeof value === 'number' ? rememberedCadence(value) : parseCadence(value);
}

/**
 * The link target of `[[Target|alias]]` / `[[Target#h]]`, or null when not a wikilink.
 * The verdict of /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/ on the trimmed text,
 * without the regex (a property test compares them): any text between `[[` and a final
 * `]]` that holds no `]` matches, and the target runs to the first `|` or `#`.
 */
export function linkTarget(value: string): string | null {
	const s = trimmed(value);
	const n = s.length;
	if (n < 4 || s.charCodeAt(0) !== 91 || s.charCodeAt(1) !== 91 || s.charCodeAt(n - 1) !== 93 || s.charCodeAt(n - 2) !== 93) {
		return null;
	}
	let end = -1;
	for (let i = 2; i < n - 2; i++) {
		const c = s.charCodeAt(i);
		if (c === 93) return null; // `]`
		if (end < 0 && (c === 124 || c === 35)) end = i; // `|` or `#`
	}
	const target = trimmed(s.slice(2, end < 0 ? n - 2 : end));
	return target === '' ? null : target;
}

/** True when trim() would leave `s` as it is: it starts and ends with a visible ASCII character. */
function isTrimmed(s: string): boolean {
	const n = s.length;
	if (n === 0) return true;
	const a = s.charCodeAt(0);
	const b = s.charCodeAt(n - 1);
	return a > 32 && a < 127 && b > 32 && b < 127;
}

/** s.trim(), without a call for the common text that has nothing to trim. */
function trimmed(s: string): string {
	return isTrimmed(s) ? s : s.trim();
}

/** YAML gives null for `key:` with nothing after it; treat that and '' as absent. */
function isBlank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && trimmed(v) === '');
}

/** A list written as YAML list or as one comma-separated string. */
function textList(v: unknown): string[] | null {
	// The usual list, distinct words with nothing to trim: shared, not copied (nothing
	// edits a person's lists, and the note's parsed frontmatter is replaced, not edited,
	// when the note changes).
	if (Array.isArray(v) && isCleanTextList(v)) return v as string[];
	const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [v] : null;
	if (items === null) return null;
	const out: string[] = [];
	for (const item of items) {
		if (item === null || item === undefined) continue;
		if (typeof item !== 'string' && typeof item !== 'number') return null;
		const s = typeof item === 'string' ? trimmed(item) : String(item).trim();
		if (s !== '' && !out.includes(s)) out.push(s);
	}
	return out;
}

/** Every item a non-empty string with nothing to trim, none repeated: textList would return it as it is. */
function isCleanTextList(items: readonly unknown[]): boolean {
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (typeof item !== 'string' || item === '' || !isTrimmed(item)) return false;
		for (let k = 0; k < i; k++) if (items[k] === item) return false;
	}
	return true;
}

/**
 * The link targets of a list of `[[links]]` when every item is one and none repeats,
 * as an exact-size list; null otherwise (the caller then reads item by item).
 */
function cleanLinkTargets(items: readonly unknown[]): string[] | null {
	const out = items.map((item) => (typeof item === 'string' ? linkTarget(item) : null));
	for (let i = 0; i < out.length; i++) {
		const t = out[i];
		if (t === null) return null;
		for (let k = 0; k < i; k++) if (out[k] === t) return null;
	}
	return out as string[];
}

/**
 * What an unquoted `[[…]]` in YAML holds: YAML reads it as a list holding a list holding
 * one value. That value, or undefined for any other shape.
 */
function insideBrackets(v: unknown): unknown {
	return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? (v[0][0] as unknown) : undefined;
}

/**
 * Unquoted `[[Ana]]` in YAML is a list holding a list holding "Ana" — the most common
 * way to write a link in frontmatter by hand. Read it as the link it was meant to be.
 */
function nestedLink(v: unknown): string | null {
	const inner = insideBrackets(v);
	return typeof inner === 'string' ? linkTarget(`[[${inner}]]`) : null;
}

/**
 * A date written as an unquoted link, `last_contact: [[2026-11-16]]` (the date inside as
 * text, or a Date where the parser makes one): read as the quoted link `"[[2026-11-16]]"`
 * is. Anything else as it is.
 */
export function unwrapLinkedDate(v: unknown): unknown {
	const inner = insideBrackets(v);
	if (typeof inner === 'string') return `[[${inner}]]`;
	return inner instanceof Date ? inner : v;
}

/**
 * Circles as textList reads them, and an unquoted `[[Climbing]]` (YAML reads a list
 * holding a list) as the link it was meant to be, whole or as one item of a list. The link
 * is kept as written; normaliseCircle reads `[[Climbing]]` as the circle `climbing`.
 */
function circleList(v: unknown): string[] | null {
	const list = textList(v);
	if (list !== null || !Array.isArray(v)) return list;
	const whole = insideBrackets(v);
	if (typeof whole === 'string') return textList([`[[${whole}]]`]);
	return textList(
		v.map((item: unknown) => {
			const inner = insideBrackets(item);
			return typeof inner === 'string' ? `[[${inner}]]` : item;
		}),
	);
}

function readTrust(v: unknown): number | null {
	const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
	return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

function newestFirst(log: readonly LogEntry[] | null | undefined): LogEntry[] {
	if (!log || log.length === 0) return NONE;
	// The log parser already gives newest first; sort only when it is not.
	let sorted = true;
	for (let i = 1; i < log.length && sorted; i++) sorted = log[i - 1].date >= log[i].date;
	if (sorted) return log.slice();
	// Stable: entries on the same day keep the order the note gives them.
	return [...log].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Bits for the fields readPerson reads; a frontmatter key may feed several (two settings may name one key). */
const ALIASES = 1;
const CADENCE = 2;
const TRUST = 4;
const LAST_CONTACT = 8;
const STATUS = 16;
const SNOOZE_UNTIL = 32;
const CIRCLES = 64;
const KNOWS = 128;
const INTRODUCED_BY = 256;
const ENERGY = 512;

interface KeyIndex {
	/** A copy of the names it was built from (the settings' object may be edited in place). */
	keys: KindredSettings['keys'];
	/** Frontmatter key → the bits of the fields it feeds. */
	bits: Map<string, number>;
}

let keyIndex: KeyIndex | null = null;

function sameNames(c: KeyIndex, k: KindredSettings['keys']): boolean {
	// Compared name by name: building the joined string on every call would cost more.
	const n = c.keys;
	return (
		n.aliases === k.aliases &&
		n.cadence === k.cadence &&
		n.trust === k.trust &&
		n.lastContact === k.lastContact &&
		n.status === k.status &&
		n.snoozeUntil === k.snoozeUntil &&
		n.circles === k.circles &&
		n.knows === k.knows &&
		n.introducedBy === k.introducedBy &&
		n.energy === k.energy
	);
}

/** The key names under these settings, indexed; rebuilt only when a name changed. */
function keyIndexFor(keys: KindredSettings['keys']): KeyIndex {
	const c = keyIndex;
	if (c !== null && sameNames(c, keys)) return c;
	const bits = new Map<string, number>();
	const add = (name: string, bit: number): void => {
		bits.set(name, (bits.get(name) ?? 0) | bit);
	};
	add(keys.aliases, ALIASES);
	add(keys.cadence, CADENCE);
	add(keys.trust, TRUST);
	add(keys.lastContact, LAST_CONTACT);
	add(keys.status, STATUS);
	add(keys.snoozeUntil, SNOOZE_UNTIL);
	add(keys.circles, CIRCLES);
	add(keys.knows, KNOWS);
	add(keys.introducedBy, INTRODUCED_BY);
	add(keys.energy, ENERGY);
	keyIndex = { keys: { ...keys }, bits };
	return keyIndex;
}

/**
 * Shared empty lists for a person without aliases, circles, links, log or problems (most
 * people lack some): frozen, so an edit in place fails loudly instead of reaching everyone.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Exact spellings found in notes, looked up before trimming and lower-casing. */
const STATUS_TEXT: ReadonlyMap<string, PersonStatus> = new Map(STATUSES.map((s) => [s, s]));
const ENERGY_TEXT: ReadonlyMap<string, Energy> = new Map(ENERGIES.map((e) => [e, e]));

/** `problems` with one more; the shared empty list is never pushed to. */
function withProblem(problems: Problem[], field: string, value: unknown, reason: string): Problem[] {
	const list = problems === NONE ? [] : problems;
	list.push({ field, value: shortValue(value), reason });
	return list;
}

/**
 * Read one person note. `frontmatter` is the parsed YAML (null when the note has none);
 * `log` is the note's interaction log when its body was read.
 *
 * With `links` false, only what the schedule needs is read: the links to other people
 * (`knows`, `introduced_by`), aliases, circles and energy are left unread (empty), with
 * any problems they have. The due list does not need them, and at 10,000 people reading
 * them is a tenth of the index's start-up build. The plugin's index reads them with the
 * note's body, in its background pass after the pane is drawn (about half a second for
 * 10,000 people): until then the filter and the person picker find people by name only,
 * and the review and the calendar export wait for that pass.
 */
export function readPerson(
	path: string,
	frontmatter: Record<string, unknown> | null | undefined,
	settings: KindredSettings,
	log?: LogEntry[] | null,
	links = true,
): Person {
	const keys = settings.keys;
	// One pass over the note's own keys (looking up ten names in objects of many shapes
	// costs more), then the fields in a fixed order, so problems keep their order.
	let aliases: unknown;
	let rawCadence: unknown;
	let rawTrust: unknown;
	let rawLast: unknown;
	let rawStatus: unknown;
	let rawSnooze: unknown;
	let rawCircles: unknown;
	let rawKnows: unknown;
	let rawIntro: unknown;
	let rawEnergy: unknown;
	if (frontmatter && !links) {
		// Only the schedule's five keys: asked by name.
		const fm = frontmatter;
		const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(fm, key) ? fm[key] : undefined);
		rawCadence = own(keys.cadence);
		rawTrust = own(keys.trust);
		rawLast = own(keys.lastContact);
		rawStatus = own(keys.status);
		rawSnooze = own(keys.snoozeUntil);
	} else if (frontmatter) {
		const { bits } = keyIndexFor(keys);
		for (const key in frontmatter) {
			const b = bits.get(key);
			if (b === undefined || !Object.prototype.hasOwnProperty.call(frontmatter, key)) continue;
			const v = frontmatter[key];
			if (b & ALIASES) aliases = v;
			if (b & CADENCE) rawCadence = v;
			if (b & TRUST) rawTrust = v;
			if (b & LAST_CONTACT) rawLast = v;
			if (b & STATUS) rawStatus = v;
			if (b & SNOOZE_UNTIL) rawSnooze = v;
			if (b & CIRCLES) rawCircles = v;
			if (b & KNOWS) rawKnows = v;
			if (b & INTRODUCED_BY) rawIntro = v;
			if (b & ENERGY) rawEnergy = v;
		}
	}

	// Problems are rare: the list is made on the first, and no closure is made per call
	// (one would capture these two and cost an allocation for every person read).
	let problems: Problem[] = NONE;
	let invalid = false;

	let aliasList: string[] = NONE;
	if (links && !isBlank(aliases)) {
		const list = textList(aliases);
		if (list) aliasList = list.length === 0 ? NONE : list;
		else problems = withProblem(problems, keys.aliases, aliases, 'must be a name or a list of names');
	}

	const hasCadence = !isBlank(rawCadence);

	let trust: number | null = null;
	if (!isBlank(rawTrust)) {
		trust = readTrust(rawTrust);
		// A bad trust only blocks the schedule when it is what sets the cadence.
		if (trust === null) {
			problems = withProblem(problems, keys.trust, rawTrust, 'must be a whole number from 1 to 5');
			if (!hasCadence) invalid = true;
		}
	}

	let cadence: Cadence | null = null;
	let cadenceSource: Person['cadenceSource'] = null;
	if (hasCadence) {
		const c = cadenceOf(rawCadence);
		if (c.ok) {
			cadence = c.cadence;
			cadenceSource = 'note';
		} else {
			problems = withProblem(problems, keys.cadence, rawCadence, c.reason);
			invalid = true;
		}
	} else if (trust !== null) {
		const setting = settings.cadenceByTrust[String(trust) as '1' | '2' | '3' | '4' | '5'];
		const c = cadenceOf(setting);
		if (c.ok) {
			cadence = c.cadence;
			cadenceSource = 'trust';
		} else {
			problems = withProblem(problems, keys.cadence, setting, `the default for trust ${trust} in settings is not usable: ${c.reason}`);
			invalid = true;
		}
	}

	// usualDate first: the two usual spellings need no result object (read per person).
	let lastContactField: LocalDate | null = usualDate(rawLast);
	if (lastContactField === null && !isBlank(rawLast)) {
		const d = readDate(unwrapLinkedDate(rawLast));
		if (d.ok) lastContactField = d.date;
		else {
			problems = withProblem(problems, keys.lastContact, rawLast, d.reason);
			invalid = true;
		}
	}

	let status: PersonStatus = 'active';
	if (!isBlank(rawStatus)) {
		const s =
			typeof rawStatus !== 'string' ? undefined : (STATUS_TEXT.get(rawStatus) ?? STATUS_TEXT.get(rawStatus.trim().toLowerCase()));
		if (s !== undefined) status = s;
		else {
			problems = withProblem(problems, keys.status, rawStatus, `must be one of ${STATUSES.join(', ')}`);
			invalid = true;
		}
	}

	let snoozeUntil: LocalDate | null = usualDate(rawSnooze);
	if (snoozeUntil === null && !isBlank(rawSnooze)) {
		const d = readDate(unwrapLinkedDate(rawSnooze));
		if (d.ok) snoozeUntil = d.date;
		else {
			problems = withProblem(problems, keys.snoozeUntil, rawSnooze, d.reason);
			invalid = true;
		}
	}

	let circles: string[] = NONE;
	if (links && !isBlank(rawCircles)) {
		const list = circleList(rawCircles);
		if (list) circles = list.length === 0 ? NONE : list;
		else problems = withProblem(problems, keys.circles, rawCircles, 'must be a word or a list of words');
	}

	let knows: string[] = NONE;
	const cleanKnows =
		links && Array.isArray(rawKnows) && rawKnows.length > 0 && typeof rawKnows[0] === 'string' ? cleanLinkTargets(rawKnows) : null;
	if (cleanKnows !== null) knows = cleanKnows;
	else if (links && !isBlank(rawKnows)) {
		const nested = nestedLink(rawKnows);
		const items: unknown[] = nested !== null ? [`[[${nested}]]`] : Array.isArray(rawKnows) ? rawKnows : [rawKnows];
		for (const item of items) {
			if (isBlank(item)) continue;
			const target = typeof item === 'string' ? linkTarget(item) : nestedLink(item);
			if (target === null) problems = withProblem(problems, keys.knows, item, 'is not a link; write it as "[[Name]]"');
			else if (knows === NONE) knows = [target];
			else if (!knows.includes(target)) knows.push(target);
		}
	}

	let introducedBy: string | null = null;
	// Obsidian writes a property typed as a list as one, even with one item (or none) in it;
	// a hand-typed `- [[Ben]]` item is then a link in a list in a list.
	const intro: unknown =
		links && Array.isArray(rawIntro) && rawIntro.length <= 1 && nestedLink(rawIntro) === null ? rawIntro[0] : rawIntro;
	if (links && !isBlank(intro)) {
		const nested = nestedLink(intro);
		if (nested !== null) introducedBy = nested;
		else if (typeof intro === 'string') introducedBy = linkTarget(intro) ?? intro.trim();
		else problems = withProblem(problems, keys.introducedBy, rawIntro, 'must be a link like "[[Name]]"');
	}

	let energy: Energy | null = null;
	if (links && !isBlank(rawEnergy)) {
		const e =
			typeof rawEnergy !== 'string' ? undefined : (ENERGY_TEXT.get(rawEnergy) ?? ENERGY_TEXT.get(rawEnergy.trim().toLowerCase()));
		if (e !== undefined) energy = e;
		else problems = withProblem(problems, keys.energy, rawEnergy, `must be one of ${ENERGIES.join(', ')}`);
	}

	return {
		path,
		name: noteName(path),
		aliases: aliasList,
		cadence,
		cadenceSource,
		trust,
		lastContactField,
		status,
		snoozeUntil,
		circles,
		knows,
		introducedBy,
		energy,
		log: newestFirst(log),
		problems,
		invalid,
	};
}
