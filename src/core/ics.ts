/**
 * The reconnect calendar: an iCalendar file (RFC 5545) with one all-day recurring event
 * per tracked person, so a calendar app can remind you to reach out. This module decides
 * what the events are and writes the file.
 *
 * Why the writer is hand-written rather than ical.js: ical.js is a full parser, recurrence
 * engine and time-zone library, about 76 KB minified, which would double main.js, and
 * phones load the whole bundle on every start. Writing needs only TEXT escaping, line
 * folding and a dozen properties, all below. ical.js is still the judge: the tests parse
 * every file this writes back with it and expand the recurrence rules (it is a
 * devDependency, never bundled).
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

/**
 * A TEXT value escaped per RFC 5545 §3.3.11: backslash, semicolon and comma get a
 * backslash, every line break (CRLF, CR or LF) becomes `\n`. Other control characters
 * are not allowed in TEXT at all (a stray one pasted into a log line would make strict
 * readers reject the whole file), so they are dropped; a tab is allowed and kept.
 */
export function escapeText(s: string): string {
	return s
		.replace(/\r\n?/g, '\n')
		// eslint-disable-next-line no-control-regex -- finding control characters is the point
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
		.replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** Octets of one code point in UTF-8 (a lone surrogate is written as U+FFFD, 3 octets). */
function utf8Length(cp: number): number {
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** RFC 5545 §3.1: no line longer than 75 octets, excluding the line break. */
export const FOLD_OCTETS = 75;

/**
 * One content line folded at 75 octets: a continuation line starts with one space, which
 * counts toward its 75. Lengths are UTF-8 octets and a break falls only between code
 * points, so no character is ever split across lines. Lines are joined with CRLF and
 * the result has no trailing line break.
 */
export function foldLine(line: string): string {
	const out: string[] = [];
	let start = 0;
	let octets = 0;
	let limit = FOLD_OCTETS;
	for (let i = 0; i < line.length; ) {
		const cp = line.codePointAt(i) ?? 0;
		const units = cp > 0xffff ? 2 : 1;
		const n = utf8Length(cp);
		if (octets + n > limit) {
			out.push(line.slice(start, i));
			start = i;
			octets = 0;
			// Every line after the first spends one octet on the leading space.
			limit = FOLD_OCTETS - 1;
		}
		octets += n;
		i += units;
	}
	out.push(line.slice(start));
	return out.join('\r\n ');
}

/** The RRULE value, parts in RFC 5545's usual order; INTERVAL=1, the default, is left out. */
export function recurValue(r: Recurrence): string {
	const parts = [`FREQ=${r.freq}`];
	if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
	if (r.byMonth !== null) parts.push(`BYMONTH=${r.byMonth}`);
	if (r.byMonthDay !== null) parts.push(`BYMONTHDAY=${r.byMonthDay}`);
	return parts.join(';');
}

/** A DATE value: 2026-11-23 → 20261123. */
function dateValue(d: LocalDate): string {
	return d.replace(/-/g, '');
}

function eventLines(e: CalendarEntry, stamp: string): string[] {
	const r = e.recurrence;
	return [
		'BEGIN:VEVENT',
		`UID:${escapeText(e.uid)}`,
		`DTSTAMP:${stamp}`,
		`DTSTART;VALUE=DATE:${dateValue(r.start)}`,
		`DTEND;VALUE=DATE:${dateValue(addDaysLocal(r.start, 1))}`,
		`RRULE:${recurValue(r)}`,
		`SUMMARY:${escapeText(e.summary)}`,
		`DESCRIPTION:${escapeText(e.description)}`,
		// A reminder, not a meeting: it should not mark the day as busy.
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
	];
}

/** The reconnect calendar as iCalendar text: folded lines, each ending in CRLF. */
export function buildCalendar(
	people: Iterable<Person>,
	today: LocalDate,
	settings: KindredSettings,
	opts?: { prodId?: string },
): string {
	return calendarText(calendarEntries(people, today, settings), today, opts);
}

/** The file for events already computed (the plugin also reports how many there are). */
export function calendarText(entries: readonly CalendarEntry[], today: LocalDate, opts?: { prodId?: string }): string {
	// DTSTAMP is a UTC date-time; today at midnight keeps two exports on one day identical.
	const stamp = `${dateValue(today)}T000000Z`;
	const lines = [
		'BEGIN:VCALENDAR',
		`PRODID:${escapeText(opts?.prodId ?? DEFAULT_PRODID)}`,
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${escapeText(CALENDAR_NAME)}`,
	];
	for (const e of entries) lines.push(...eventLines(e, stamp));
	lines.push('END:VCALENDAR');
	return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
