/**
 * Placing people on the calendar for a given today: last contact, due date, status and
 * urgency, and the order of the due list (DESIGN.md, "Due" and "Order of a flat list").
 * Pure: the same people, today and settings always give the same list.
 *
 * Cost at 10,000 people: today's day number is computed once per list, a due date is
 * computed on day numbers (no string round trip), and each person's placement is
 * remembered for (that Person object, today, the settings it reads), so after one change
 * only that person is placed again; patchDueList then re-sorts by merging.
 */
import { addMonthsDayNumber, dayNumber, fromDayNumber, maxDate } from './dates';
import type { KindredSettings } from './settings';
import type { Cadence, DueStatus, LocalDate, LogEntry, Person, Problem, ScheduledPerson } from './types';

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
	if (invalid) status = 'invalid';
	else if (person.status === 'archived') status = 'archived';
	else if (person.status === 'paused') status = 'paused';
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

interface Placed {
	today: LocalDate;
	soonWindowDays: number;
	lastContactKey: string;
	sp: ScheduledPerson;
}

/**
 * Each person's last placement. A Person is never edited in place (the roster replaces
 * the object on every change), so the object is the key; the entry goes with it.
 */
const placed = new WeakMap<Person, Placed>();

/** schedulePerson, remembered for this Person object, today and the settings it reads. */
function placeOnce(person: Person, ctx: DayContext): ScheduledPerson {
	const hit = placed.get(person);
	if (hit && hit.today === ctx.today && hit.soonWindowDays === ctx.soonWindowDays && hit.lastContactKey === ctx.lastContactKey) {
		return hit.sp;
	}
	const sp = place(person, ctx);
	placed.set(person, { today: ctx.today, soonWindowDays: ctx.soonWindowDays, lastContactKey: ctx.lastContactKey, sp });
	return sp;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byName(a: ScheduledPerson, b: ScheduledPerson): number {
	const n = collator.compare(a.person.name, b.person.name);
	if (n !== 0) return n;
	// Paths are unique: a plain comparison makes the order total and deterministic.
	return a.person.path < b.person.path ? -1 : a.person.path > b.person.path ? 1 : 0;
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

/** The flat list's order (see dueList); total, so any sort gives the same list. */
export function compareDue(a: ScheduledPerson, b: ScheduledPerson): number {
	const g = GROUP[a.status] - GROUP[b.status];
	if (g !== 0) return g;
	let c = 0;
	switch (GROUP[a.status]) {
		case 0: // overdue and due: most urgent first, then higher trust, then longer overdue
			c = b.urgency - a.urgency || byTrust(a, b) || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
			break;
		case 1: // never contacted: trust first
			c = byTrust(a, b);
			break;
		case 2: // soon: soonest due first, then the more urgent
			c = byDate(a.due, b.due) || b.urgency - a.urgency;
			break;
		case 4: // up to date: soonest due first
			c = byDate(a.due, b.due);
			break;
		case 5: // snoozed: back soonest first
			c = byDate(a.person.snoozeUntil, b.person.snoozeUntil);
			break;
	}
	return c || byName(a, b);
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
	const all = opts?.all ?? false;
	const ctx = dayContext(today, settings);
	const out: ScheduledPerson[] = [];
	for (const person of people) {
		const sp = placeOnce(person, ctx);
		if (all || ACTION.has(sp.status)) out.push(sp);
	}
	return out.sort(compareDue);
}

/**
 * The due list after some people changed, from the list before: `previous` is what
 * dueList gave for the same today, settings and `all`, and every person whose path is
 * not in `changed` is the same as then. `current` gives a changed path's person now
 * (undefined when removed). Costs one pass over `previous` plus sorting the changed few:
 * the result is the list dueList would give, since the order is total (ties end on the
 * unique path).
 */
export function patchDueList(
	previous: readonly ScheduledPerson[],
	changed: ReadonlySet<string>,
	current: (path: string) => Person | undefined,
	today: LocalDate,
	settings: KindredSettings,
	opts?: { all?: boolean },
): ScheduledPerson[] {
	const all = opts?.all ?? false;
	const ctx = dayContext(today, settings);
	const added: ScheduledPerson[] = [];
	for (const path of changed) {
		const person = current(path);
		if (person === undefined) continue;
		const sp = placeOnce(person, ctx);
		if (all || ACTION.has(sp.status)) added.push(sp);
	}
	added.sort(compareDue);
	const out: ScheduledPerson[] = [];
	let j = 0;
	for (const sp of previous) {
		if (changed.has(sp.person.path)) continue;
		while (j < added.length && compareDue(added[j], sp) < 0) out.push(added[j++]);
		out.push(sp);
	}
	while (j < added.length) out.push(added[j++]);
	return out;
}
