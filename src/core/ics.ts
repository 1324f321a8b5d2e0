/**
 * The reconnect calendar: an iCalendar file (RFC 5545) with one all-day recurring event
 * per tracked person, so a calendar app can remind you to reach out. Written with
 * ical.js; this module decides what the events are.
 *
 * - Who: people whose status is ok, soon, due, overdue, never or snoozed (so a cadence,
 *   and not archived, paused, untracked or invalid). Targets get one when they have a
 *   cadence, like everyone else.
 * - First occurrence: the next due date; today when due, overdue or never contacted;
 *   for a snoozed person the later of the due date and the day the snooze ends.
 * - Repeat: the cadence as RRULE FREQ + INTERVAL (see `recurrenceFor` for month ends).
 * - Output is a pure function of (people, today, settings): the UID is a hash of the
 *   note path and DTSTAMP is today at midnight UTC, so two exports of the same vault on
 *   the same day are byte for byte identical and a subscribed calendar sees no churn.
 *   Renaming a note changes its UID: the old event disappears and a new one appears.
 */
import ICAL from 'ical.js';
import { byName } from './by-name';
import { addDaysLocal, daysInMonth } from './dates';
import { formatLogLine } from './logline';
import { schedulePerson } from './schedule';
import type { KindredSettings } from './settings';
import type { Cadence, DueStatus, LocalDate, Person, ScheduledPerson } from './types';

export const DEFAULT_PRODID = '-//Kindred//Reconnect calendar//EN';
export const CALENDAR_NAME = 'Kindred: reconnect';

/** Statuses that get an event. */
export const CALENDAR_STATUSES: ReadonlySet<DueStatus> = new Set<DueStatus>([
	'ok',
	'soon',
	'due',
	'overdue',
	'never',
	'snoozed',
]);

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface Recurrence {
	/** DTSTART: the first occurrence (see `recurrenceFor` for the one case it moves). */
	start: LocalDate;
	freq: Frequency;
	interval: number;
	/** BYMONTH, only with a yearly month-end rule. */
	byMonth: number | null;
	/** BYMONTHDAY=-1 (the last day of the month) when the plain rule would skip months. */
	byMonthDay: -1 | null;
}

export interface CalendarEntry {
	uid: string;
	path: string;
	name: string;
	recurrence: Recurrence;
	summary: string;
	description: string;
}

/** Shortest length of each month (February counts 28: its 29th is missing three years in four). */
const SHORTEST = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parts(d: LocalDate): { y: number; m: number; day: number } {
	return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/**
 * The RRULE for a cadence starting on `start`.
 *
 * Days and weeks map straight to FREQ=DAILY/WEEKLY with INTERVAL. Months and years are
 * calendar units, and RFC 5545 skips a month that lacks the start's day ("monthly on
 * the 31st" never fires in April), where Kindred means the last day of a shorter month
 * (31 Jan + 1 month = 28 Feb). So when the start's day is 29, 30 or 31 and the series
 * visits a month that can lack it, the rule follows the end of the month instead:
 * BYMONTHDAY=-1, with BYMONTH for a yearly rule (29 Feb every year gives 28 Feb in
 * common years). From the 31st, and yearly from 29 February, that is exactly Kindred's
 * own date arithmetic. From the 29th or 30th it is not quite: no portable rule says "the
 * 30th, or the last day when there is none" (the RFC's BYMONTHDAY=28,29,30;BYSETPOS=-1
 * is expanded by ical.js, and so by Thunderbird, as three events a month), so such a
 * series lands on each month's last day, up to two days after the nominal date, rather
 * than skip February. Its first occurrence moves to the end of its own month when it is
 * not already there (30 Jan → 31 Jan), because RFC 5545 leaves a DTSTART the rule would
 * not generate undefined. A series that never reaches a shorter month (every 12 months
 * from 30 January; every 2 months from 30 March) keeps a plain rule.
 */
export function recurrenceFor(start: LocalDate, cadence: Cadence): Recurrence {
	const plain = (freq: Frequency): Recurrence => ({ start, freq, interval: cadence.count, byMonth: null, byMonthDay: null });
	if (cadence.unit === 'day') return plain('DAILY');
	if (cadence.unit === 'week') return plain('WEEKLY');

	const freq: Frequency = cadence.unit === 'year' ? 'YEARLY' : 'MONTHLY';
	const months = cadence.unit === 'year' ? 12 * cadence.count : cadence.count;
	const { y, m, day } = parts(start);
	if (day <= 28) return plain(freq);
	let shortest = 31;
	for (let k = 0; k < 12; k++) shortest = Math.min(shortest, SHORTEST[(m - 1 + k * months) % 12]);
	if (day <= shortest) return plain(freq);

	const last = daysInMonth(y, m);
	const monthEnd = `${start.slice(0, 8)}${String(last).padStart(2, '0')}`;
	return { start: monthEnd, freq, interval: cadence.count, byMonth: freq === 'YEARLY' ? m : null, byMonthDay: -1 };
}

/**
 * The first occurrence for a scheduled person, or null when they get no event: the due
 * date when it is still ahead; today when due, overdue or never contacted; when snoozed,
 * the later of the due date and the first day after the snooze (`snooze_until` itself,
 * the day the person is back in the due list).
 */
export function firstOccurrence(sp: ScheduledPerson, today: LocalDate): LocalDate | null {
	if (!CALENDAR_STATUSES.has(sp.status) || sp.person.cadence === null) return null;
	if (sp.status === 'snoozed') {
		const back = sp.person.snoozeUntil ?? today;
		return sp.due !== null && sp.due > back ? sp.due : back;
	}
	return sp.due !== null && sp.due > today ? sp.due : today;
}

/**
 * A stable UID: 64-bit FNV-1a of the note path's UTF-8 bytes, in hex, `@kindred`.
 * Not cryptographic, only stable and well spread; core cannot use node:crypto.
 */
export function personUid(path: string): string {
	let h = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(path)) {
		h ^= BigInt(byte);
		h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return `${h.toString(16).padStart(16, '0')}@kindred`;
}

/** Text for the event: the last logged note, the last contact, cadence and trust, the note. */
export function describeForCalendar(sp: ScheduledPerson): string {
	const p = sp.person;
	const lines: string[] = [];
	if (sp.lastEntry) lines.push(`Last logged: ${formatLogLine({ ...sp.lastEntry, linked: false }).slice(2)}`);
	if (sp.lastContact === null) lines.push('Never contacted yet.');
	else if (!sp.lastEntry || sp.lastContact > sp.lastEntry.date) lines.push(`Last contact: ${sp.lastContact}`);
	if (p.cadence) {
		const from = p.cadenceSource === 'trust' && p.trust !== null ? ` (the default for trust ${p.trust})` : '';
		lines.push(`Cadence: ${p.cadence.label}${from}`);
	}
	if (p.trust !== null && p.cadenceSource !== 'trust') lines.push(`Trust: ${p.trust}`);
	lines.push(`Note: ${p.path}`);
	return lines.join('\n');
}

/** The events, as data, ordered by name: what `buildCalendar` writes. */
export function calendarEntries(people: Iterable<Person>, today: LocalDate, settings: KindredSettings): CalendarEntry[] {
	const out: CalendarEntry[] = [];
	for (const person of people) {
		const sp = schedulePerson(person, today, settings);
		const first = firstOccurrence(sp, today);
		if (first === null || person.cadence === null) continue;
		out.push({
			uid: personUid(person.path),
			path: person.path,
			name: person.name,
			recurrence: recurrenceFor(first, person.cadence),
			summary: `Reconnect with ${person.name}`,
			description: describeForCalendar(sp),
		});
	}
	return out.sort(byName);
}

/** Line breaks as RFC 5545 text knows them: ical.js escapes `\n`, so a lone CR must go. */
function oneEol(s: string): string {
	return s.replace(/\r\n?/g, '\n');
}

/** The RRULE value; ical.js leaves out INTERVAL=1, its default. */
export function toRecur(r: Recurrence): ICAL.Recur {
	return ICAL.Recur.fromData({
		freq: r.freq,
		interval: r.interval,
		...(r.byMonth !== null ? { bymonth: [r.byMonth] } : {}),
		...(r.byMonthDay !== null ? { bymonthday: [r.byMonthDay] } : {}),
	});
}

function dateValue(d: LocalDate): ICAL.Time {
	return ICAL.Time.fromDateString(d);
}

function eventComponent(e: CalendarEntry, stamp: ICAL.Time): ICAL.Component {
	const ev = new ICAL.Component('vevent');
	const r = e.recurrence;
	ev.addPropertyWithValue('uid', e.uid);
	ev.addPropertyWithValue('dtstamp', stamp);
	ev.addPropertyWithValue('dtstart', dateValue(r.start));
	ev.addPropertyWithValue('dtend', dateValue(addDaysLocal(r.start, 1)));
	ev.addPropertyWithValue('rrule', toRecur(r));
	ev.addPropertyWithValue('summary', oneEol(e.summary));
	ev.addPropertyWithValue('description', oneEol(e.description));
	// A reminder, not a meeting: it should not mark the day as busy.
	ev.addPropertyWithValue('transp', 'TRANSPARENT');
	return ev;
}

/**
 * ical.js measures a folded line in UTF-8 octets and never splits a code point, but its
 * continuation lines are the fold length plus the leading space: 76 octets at its
 * default of 75, one more than RFC 5545 allows. 74 gives first lines of at most 74
 * octets and continuations of at most 75. The setting is global to ical.js, so it is
 * restored afterwards.
 */
const FOLD_LENGTH = 74;

/** The reconnect calendar as iCalendar text with CRLF line endings. */
export function buildCalendar(
	people: Iterable<Person>,
	today: LocalDate,
	settings: KindredSettings,
	opts?: { prodId?: string },
): string {
	const cal = new ICAL.Component('vcalendar');
	cal.addPropertyWithValue('prodid', opts?.prodId ?? DEFAULT_PRODID);
	cal.addPropertyWithValue('version', '2.0');
	cal.addPropertyWithValue('calscale', 'GREGORIAN');
	cal.addPropertyWithValue('x-wr-calname', CALENDAR_NAME);
	const stamp = ICAL.Time.fromDateTimeString(`${today}T00:00:00Z`);
	for (const e of calendarEntries(people, today, settings)) cal.addSubcomponent(eventComponent(e, stamp));

	const previous = ICAL.foldLength;
	ICAL.foldLength = FOLD_LENGTH;
	try {
		return ICAL.stringify(cal.jCal);
	} finally {
		ICAL.foldLength = previous;
	}
}
