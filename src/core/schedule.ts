/**
 * Placing people on the calendar for a given today: last contact, due date, status and
 * urgency, and the order of the due list (DESIGN.md, "Due" and "Order of a flat list").
 * Pure: the same people, today and settings always give the same list.
 *
 * Cost at 10,000 people: today's day number is computed once per list, a due date is
 * computed on day numbers (no string round trip), and after one change only that person
 * is placed again: patchDueList takes the old version out and puts the new one in by
 * binary search. Nothing is remembered per person (placing someone costs less than
 * remembering it would: a table entry per person, kept alive for the next change). A
 * full sort goes group by group, and compares names by their plain-name keys (by-name.ts),
 * made only for the people whose earlier keys tie.
 */
import { compareNames, plainNameKey } from './by-name';
import { addMonthsDayNumber, dayNumber, fromDayNumber, maxDate } from './dates';
import type { KindredSettings } from './settings';
import type { Cadence, DueStatus, LocalDate, LogEntry, Person, Problem, ScheduledPerson } from './types';

// The name order lives in by-name.ts; re-exported for callers that import it from here.
export { compareNames, comparePlainNames, plainNameKey } from './by-name';

/** Statuses that ask the user to do something; the rest are shown only with `all`. */
const ACTION: ReadonlySet<DueStatus> = new Set<DueStatus>(['overdue', 'due', 'soon', 'never', 'invalid']);

export function needsAction(status: DueStatus): boolean {
	return ACTION.has(status);
}

export interface DueSection {
	status: DueStatus;
	title: string;
}

/** The due pane's sections, in the order of the flat list. */
export const DUE_SECTIONS: readonly DueSection[] = Object.freeze([
	{ status: 'overdue', title: 'Overdue' },
	{ status: 'due', title: 'Due today' },
	{ status: 'never', title: 'Never contacted' },
	{ status: 'soon', title: 'Due soon' },
	{ status: 'invalid', title: 'Needs attention' },
] as const satisfies readonly DueSection[]);

/**
 * Who is due now: overdue, due today and never contacted (not "due soon" or "needs
 * attention"). What the status bar counts and the pane's summary says, so they agree.
 */
export const DUE_NOW: ReadonlySet<DueStatus> = new Set<DueStatus>(['overdue', 'due', 'never']);

/** The sections after DUE_SECTIONS when everyone is listed. */
export const OTHER_SECTIONS: readonly DueSection[] = Object.freeze([
	{ status: 'ok', title: 'Up to date' },
	{ status: 'snoozed', title: 'Snoozed' },
	{ status: 'paused', title: 'Paused' },
	{ status: 'archived', title: 'Archived' },
	{ status: 'untracked', title: 'Not tracked' },
] as const satisfies readonly DueSection[]);

/** Trust 1 weighs 1, trust 5 weighs 2; no trust counts as the middle (3 → 1.5). */
export function trustWeight(trust: number | null): number {
	return 1 + ((trust ?? 3) - 1) / 4;
}

/**
 * Urgency = (days overdue / cadence length in days) × trustWeight(trust).
 * Two weeks late on a fortnightly friend (1.0) outranks two weeks late on a yearly one
 * (0.04); at the same lateness, higher trust ranks first. Due today is 0, so it comes
 * after everyone overdue; not yet due is negative.
 */
export function urgencyOf(daysOverdue: number, cadenceDays: number, trust: number | null): number {
	return (daysOverdue / cadenceDays) * trustWeight(trust);
}

/** What placing someone depends on besides the person: read once per list. */
interface DayContext {
	today: LocalDate;
	todayNumber: number;
	soonWindowDays: number;
	lastContactKey: string;
}

function dayContext(today: LocalDate, settings: KindredSettings): DayContext {
	return {
		today,
		todayNumber: dayNumber(today),
		soonWindowDays: settings.soonWindowDays,
		lastContactKey: settings.keys.lastContact,
	};
}

/**
 * The day number of `last` plus one cadence: addCadence's calendar arithmetic (months
 * and years clamp the day; weeks and days are days) without formatting and re-reading.
 */
function dueDayNumber(last: LocalDate, c: Cadence): number {
	switch (c.unit) {
		case 'day':
			return dayNumber(last) + Math.trunc(c.count);
		case 'week':
			return dayNumber(last) + Math.trunc(7 * c.count);
		case 'month':
			return addMonthsDayNumber(last, c.count);
		case 'year':
			return addMonthsDayNumber(last, 12 * c.count);
	}
}

function place(person: Person, ctx: DayContext): ScheduledPerson {
	const today = ctx.today;
	const problems: Problem[] = [...person.problems];
	let invalid = person.invalid;

	// Entries dated after today are typos or clock trouble: reported, not trusted.
	let lastEntry: LogEntry | null = null;
	for (const entry of person.log) {
		if (entry.date > today) {
			problems.push({ field: 'log', value: entry.date, reason: `is dated after today (${today})` });
		} else if (lastEntry === null || entry.date > lastEntry.date) {
			lastEntry = entry;
		}
	}

	let field = person.lastContactField;
	if (field !== null && field > today) {
		problems.push({ field: ctx.lastContactKey, value: field, reason: `is in the future (today is ${today})` });
		invalid = true;
		field = null;
	}
	const lastContact = maxDate(field, lastEntry?.date ?? null);
	const cadence = person.cadence;
	const cadenceDays = cadence?.days ?? null;

	let due: LocalDate | null = null;
	let daysOverdue: number | null = null;
	if (!invalid && cadence !== null && lastContact !== null) {
		const dueNumber = dueDayNumber(lastContact, cadence);
		due = fromDayNumber(dueNumber);
		daysOverdue = ctx.todayNumber - dueNumber;
	}

	let status: DueStatus;
	// Archived and paused people stay out of the due list even with a value that cannot be
	// read (they were set aside on purpose); the problem is still reported (`due --json`, the
	// pane's problem count, the command line's warnings), never dropped.
	if (person.status === 'archived') status = 'archived';
	else if (person.status === 'paused') status = 'paused';
	else if (invalid) status = 'invalid';
	else if (cadence === null) status = 'untracked';
	else if (person.snoozeUntil !== null && person.snoozeUntil > today) status = 'snoozed';
	else if (daysOverdue === null) status = 'never';
	else if (daysOverdue > 0) status = 'overdue';
	else if (daysOverdue === 0) status = 'due';
	else if (daysOverdue >= -ctx.soonWindowDays) status = 'soon';
	else status = 'ok';

	const urgency = daysOverdue !== null && cadenceDays ? urgencyOf(daysOverdue, cadenceDays, person.trust) : 0;
	return { person, status, lastContact, due, daysOverdue, cadenceDays, lastEntry, urgency, problems };
}

/** Place one person on the calendar for `today`. */
export function schedulePerson(person: Person, today: LocalDate, settings: KindredSettings): ScheduledPerson {
	return place(person, dayContext(today, settings));
}

/** A listed person with their name's sort key, for sorting without the collator. */
interface Keyed {
	sp: ScheduledPerson;
	/**
	 * plainNameKey(person.name), made the first time the sort compares names (in most
	 * groups earlier keys decide nearly every comparison); null when the name needs the
	 * collator.
	 */
	nameKey: string | null | undefined;
}

function byPath(a: ScheduledPerson, b: ScheduledPerson): number {
	// Paths are unique: a plain comparison makes the order total and deterministic.
	return a.person.path < b.person.path ? -1 : a.person.path > b.person.path ? 1 : 0;
}

function byName(a: ScheduledPerson, b: ScheduledPerson): number {
	return compareNames(a.person.name, b.person.name) || byPath(a, b);
}

/** The name key of a keyed person, made on first use. */
function nameKeyOf(k: Keyed): string | null {
	if (k.nameKey === undefined) k.nameKey = plainNameKey(k.sp.person.name);
	return k.nameKey;
}

/** byName for keyed people: their name keys when both have one. */
function byNameKey(a: Keyed, b: Keyed): number {
	const ka = nameKeyOf(a);
	const kb = nameKeyOf(b);
	if (ka === null || kb === null) return byName(a.sp, b.sp);
	return ka < kb ? -1 : ka > kb ? 1 : byPath(a.sp, b.sp);
}

function byTrust(a: ScheduledPerson, b: ScheduledPerson): number {
	return (b.person.trust ?? 0) - (a.person.trust ?? 0);
}

function byDate(a: LocalDate | null, b: LocalDate | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/** Group rank in the flat list; overdue and due share a group ranked by urgency. */
const GROUP: Record<DueStatus, number> = {
	overdue: 0,
	due: 0,
	never: 1,
	soon: 2,
	invalid: 3,
	ok: 4,
	snoozed: 5,
	paused: 6,
	archived: 7,
	untracked: 8,
};

type Order = (a: ScheduledPerson, b: ScheduledPerson) => number;
const noKeys: Order = () => 0;

/**
 * Most urgent first, compared exactly. Urgency is days/cadence × (3 + trust)/4, so two
 * people compare by cross-multiplying whole numbers; comparing the floating-point
 * urgencies calls some equal ones unequal (5/7 × 1 and 4/7 × 1.25), which skipped the
 * "then higher trust" tie-break.
 */
const byUrgency: Order = (a, b) => {
	if (a.cadenceDays === null || b.cadenceDays === null) return b.urgency - a.urgency;
	const ka = (a.daysOverdue ?? 0) * b.cadenceDays * (3 + (a.person.trust ?? 3));
	const kb = (b.daysOverdue ?? 0) * a.cadenceDays * (3 + (b.person.trust ?? 3));
	return kb - ka;
};

/** The order within each group (by GROUP rank) before the name, then the path, decide. */
const BEFORE_NAME: readonly Order[] = [
	// overdue and due: most urgent first, then higher trust, then longer overdue
	(a, b) => byUrgency(a, b) || byTrust(a, b) || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0),
	// never contacted: trust first
	byTrust,
	// soon: soonest due first, then the more urgent
	(a, b) => byDate(a.due, b.due) || byUrgency(a, b),
	// invalid
	noKeys,
	// up to date: soonest due first
	(a, b) => byDate(a.due, b.due),
	// snoozed: back soonest first
	(a, b) => byDate(a.person.snoozeUntil, b.person.snoozeUntil),
	// paused, archived, untracked
	noKeys,
	noKeys,
	noKeys,
];

/** The flat list's order (see dueList); total, so any sort gives the same list. */
export function compareDue(a: ScheduledPerson, b: ScheduledPerson): number {
	const ga = GROUP[a.status];
	const g = ga - GROUP[b.status];
	return g !== 0 ? g : BEFORE_NAME[ga](a, b) || byName(a, b);
}

/**
 * The due list, most urgent first: overdue and due by urgency, never contacted (trust
 * first), soon (soonest first), invalid. With `all`, then up to date (soonest due first),
 * snoozed (back soonest first), paused, archived and untracked (by name). Ties go by
 * name, then path.
 */
export function dueList(
	people: Iterable<Person>,
	today: LocalDate,
	settings: KindredSettings,
	opts?: { all?: boolean },
): ScheduledPerson[] {
	const builder = new DueListBuilder(today, settings, opts);
	for (const person of people) builder.add(person);
	return builder.list();
}

/** Each group's bucket sorted by its own keys, the groups in GROUP order, as one list. */
function sortBuckets(buckets: readonly Keyed[][]): ScheduledPerson[] {
	const out: ScheduledPerson[] = [];
	buckets.forEach((bucket, g) => {
		const before = BEFORE_NAME[g];
		bucket.sort((a, b) => before(a.sp, b.sp) || byNameKey(a, b));
		for (const entry of bucket) out.push(entry.sp);
	});
	return out;
}

/**
 * dueList fed one person at a time: a reader can hand over each person as it is read and
 * let go of the rest (the command line does; for `kindred due`, a third of a vault is up
 * to date). Only the people the list shows are kept. The group is the first sort key:
 * people go into a bucket per group, and each bucket is sorted by its own keys (the same
 * order as sorting everyone with compareDue, in fewer, cheaper steps).
 */
export class DueListBuilder {
	private readonly ctx: DayContext;
	private readonly all: boolean;
	private readonly buckets: Keyed[][] = [[], [], [], [], [], [], [], [], []];

	constructor(today: LocalDate, settings: KindredSettings, opts?: { all?: boolean }) {
		this.ctx = dayContext(today, settings);
		this.all = opts?.all ?? false;
	}

	/** Place one person; kept only when the list shows them. Returns the placement either way. */
	add(person: Person): ScheduledPerson {
		const sp = place(person, this.ctx);
		const status = sp.status;
		if (this.all || ACTION.has(status)) this.buckets[GROUP[status]].push({ sp, nameKey: undefined });
		return sp;
	}

	/** The list of everyone added so far, in dueList's order. */
	list(): ScheduledPerson[] {
		return sortBuckets(this.buckets);
	}
}

/** Up to this many changed people, a patch moves array entries; past it, one copying pass. */
const SPLICE_LIMIT = 16;

/**
 * The due list after some people changed, from the list before: `previous` is what
 * dueList gave for the same today, settings and `all` over a set of people; `removed`
 * are the Person objects that have left that set since (replaced or deleted) and `added`
 * the ones that joined it (new versions included). Costs a binary search per changed
 * person plus moving array entries, instead of placing and sorting everyone: the result
 * is the list dueList would give for the set now, since the order is total (ties end on
 * the unique path).
 */
export function patchDueList(
	previous: readonly ScheduledPerson[],
	removed: readonly Person[],
	added: Iterable<Person>,
	today: LocalDate,
	settings: KindredSettings,
	opts?: { all?: boolean },
): ScheduledPerson[] {
	const all = opts?.all ?? false;
	const ctx = dayContext(today, settings);
	const fresh: ScheduledPerson[] = [];
	for (const person of added) {
		const sp = place(person, ctx);
		if (all || ACTION.has(sp.status)) fresh.push(sp);
	}
	if (removed.length === 1 && fresh.length === 1) {
		const moved = replaceOne(previous, indexOfPerson(previous, removed[0], ctx, all), fresh[0]);
		if (moved !== null) return moved;
	}
	if (removed.length + fresh.length <= SPLICE_LIMIT) {
		// A few changes (the usual one note): take each out and put it back where it sorts.
		const out = previous.slice();
		for (const person of removed) {
			const at = indexOfPerson(out, person, ctx, all);
			if (at >= 0) out.splice(at, 1);
		}
		for (const sp of fresh) out.splice(insertionPoint(out, sp, 0), 0, sp);
		return out;
	}
	// Many: one pass over `previous`, dropping the removed and inserting the newcomers at
	// their places, found by binary search (a stale entry there does not disturb the order).
	fresh.sort(compareDue);
	const gone = new Set<Person>(removed);
	const out: ScheduledPerson[] = [];
	let j = 0;
	let at = fresh.length > 0 ? insertionPoint(previous, fresh[0], 0) : previous.length;
	for (let i = 0; i < previous.length; i++) {
		while (j < fresh.length && at === i) {
			out.push(fresh[j++]);
			if (j < fresh.length) at = insertionPoint(previous, fresh[j], i);
		}
		const sp = previous[i];
		if (!gone.has(sp.person)) out.push(sp);
	}
	while (j < fresh.length) out.push(fresh[j++]);
	return out;
}

/**
 * The list with the entry at `at` taken out and `sp` put where it sorts, in one copy of
 * the list (the usual change: one note edited, its person listed before and after). The
 * entries between the old and the new place move by one; none move when the person keeps
 * their place. Null when there is no entry to take out (`at` is -1).
 */
function replaceOne(previous: readonly ScheduledPerson[], at: number, sp: ScheduledPerson): ScheduledPerson[] | null {
	if (at < 0) return null;
	// The place among the list as it is, stale entry included: the list is sorted, so the
	// binary search holds; past the stale entry, one place less once it is gone.
	let to = insertionPoint(previous, sp, 0);
	if (to > at) to--;
	const out = previous.slice();
	for (let k = at; k < to; k++) out[k] = out[k + 1];
	for (let k = at; k > to; k--) out[k] = out[k - 1];
	out[to] = sp;
	return out;
}

/**
 * Where `person` is in a sorted due list, -1 when not listed. `list` was made for the
 * same today and settings, and placing is pure, so placing the person again gives the
 * entry's sort keys: found by binary search. (A scan covers a caller that breaks that.)
 */
function indexOfPerson(list: readonly ScheduledPerson[], person: Person, ctx: DayContext, all: boolean): number {
	const sp = place(person, ctx);
	if (!all && !ACTION.has(sp.status)) return -1;
	const i = insertionPoint(list, sp, 0) - 1;
	if (i >= 0 && list[i].person === person) return i;
	for (let k = 0; k < list.length; k++) if (list[k].person === person) return k;
	return -1;
}

/** The first index from `from` whose entry sorts after `sp` (list.length when none). */
function insertionPoint(list: readonly ScheduledPerson[], sp: ScheduledPerson, from: number): number {
	let lo = from;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (compareDue(list[mid], sp) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
