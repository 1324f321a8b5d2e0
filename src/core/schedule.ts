/**
 * Placing people on the calendar for a given today: last contact, due date, status and
 * urgency, and the order of the due list (DESIGN.md, "Due" and "Order of a flat list").
 * Pure: the same people, today and settings always give the same list.
 */
import { addCadence } from './cadence';
import { diffDays, maxDate } from './dates';
import type { KindredSettings } from './settings';
import type { DueStatus, LocalDate, LogEntry, Person, Problem, ScheduledPerson } from './types';

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

/** Place one person on the calendar for `today`. */
export function schedulePerson(person: Person, today: LocalDate, settings: KindredSettings): ScheduledPerson {
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
		problems.push({ field: settings.keys.lastContact, value: field, reason: `is in the future (today is ${today})` });
		invalid = true;
		field = null;
	}
	const lastContact = maxDate(field, lastEntry?.date ?? null);
	const cadence = person.cadence;
	const cadenceDays = cadence?.days ?? null;

	let due: LocalDate | null = null;
	let daysOverdue: number | null = null;
	if (!invalid && cadence !== null && lastContact !== null) {
		due = addCadence(lastContact, cadence);
		daysOverdue = diffDays(today, due);
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
	else if (daysOverdue >= -settings.soonWindowDays) status = 'soon';
	else status = 'ok';

	const urgency = daysOverdue !== null && cadenceDays ? urgencyOf(daysOverdue, cadenceDays, person.trust) : 0;
	return { person, status, lastContact, due, daysOverdue, cadenceDays, lastEntry, urgency, problems };
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

function compare(a: ScheduledPerson, b: ScheduledPerson): number {
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
	const out: ScheduledPerson[] = [];
	for (const person of people) {
		const sp = schedulePerson(person, today, settings);
		if (all || needsAction(sp.status)) out.push(sp);
	}
	return out.sort(compare);
}
