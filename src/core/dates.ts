/**
 * Local calendar dates (`yyyy-MM-dd`). Kindred's dates are days on a calendar, never
 * instants, so the same vault gives the same answer in every time zone.
 *
 * Why the arithmetic is done on UTC day numbers rather than date-fns' local-time
 * functions: a local `Date` cannot represent a day its zone skipped (Pacific/Kiritimati
 * has no 1994-12-31; `new Date(1994, 11, 31, 12)` is 1995-01-01 there), and local
 * midnights move with daylight saving. A UTC day number has neither problem. date-fns
 * still provides today's local date; the tests check our month arithmetic against
 * date-fns' `addMonths`.
 */
import { lightFormat } from 'date-fns';
import type { LocalDate } from './types';

const MS_PER_DAY = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date, optionally followed by a time (`T10:00`, ` 10:00:00Z`, ...), which is ignored. */
const WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export type DateResult = { ok: true; date: LocalDate } | { ok: false; reason: string };

interface Ymd {
	y: number;
	m: number;
	d: number;
}

export function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
	return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

function isRealDate(y: number, m: number, d: number): boolean {
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function formatYmd({ y, m, d }: Ymd): LocalDate {
	return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function toYmd(date: LocalDate): Ymd {
	const match = SHAPE.exec(date);
	if (!match || !isRealDate(+match[1], +match[2], +match[3])) {
		throw new Error(`Not a local date: "${date}"`);
	}
	return { y: +match[1], m: +match[2], d: +match[3] };
}

/** 0–9 as a number, or -1: a digit test that needs no regex (these run per person, per list). */
function digit(s: string, i: number): number {
	const c = s.charCodeAt(i) - 48;
	return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The y, m, d of a well-formed real `yyyy-MM-dd`, or null. Same verdict as SHAPE plus
 * isRealDate, without a regex or a match array: the schedule reads two dates per person.
 */
function parseLocalDate(s: string): Ymd | null {
	return s.length === 10 ? parseLocalDateAt(s, 0) : null;
}

/** parseLocalDate of the 10 characters of `s` from `at` (the caller checked they exist). */
function parseLocalDateAt(s: string, at: number): Ymd | null {
	const packed = packedDateAt(s, at);
	if (packed < 0) return null;
	return { y: Math.floor(packed / 10000), m: Math.floor(packed / 100) % 100, d: packed % 100 };
}

/** True when the 10 characters of `s` from `at` are a real `yyyy-MM-dd`, with nothing built. */
function isLocalDateAt(s: string, at: number): boolean {
	return packedDateAt(s, at) >= 0;
}

/**
 * The 10 characters of `s` from `at` as y·10000 + m·100 + d when they are a real
 * `yyyy-MM-dd`, else -1: one number rather than an object, so asking costs no allocation.
 */
function packedDateAt(s: string, at: number): number {
	if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return -1;
	const y0 = digit(s, at);
	const y1 = digit(s, at + 1);
	const y2 = digit(s, at + 2);
	const y3 = digit(s, at + 3);
	const m0 = digit(s, at + 5);
	const m1 = digit(s, at + 6);
	const d0 = digit(s, at + 8);
	const d1 = digit(s, at + 9);
	if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1;
	const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	const m = m0 * 10 + m1;
	const d = d0 * 10 + d1;
	return isRealDate(y, m, d) ? y * 10000 + m * 100 + d : -1;
}

/** `[[yyyy-MM-dd]]` exactly, naming a real day: a daily-note link, the other common way to write a date. */
function isDailyNoteLink(s: string): boolean {
	return (
		s.length === 14 &&
		s.charCodeAt(0) === 91 &&
		s.charCodeAt(1) === 91 &&
		s.charCodeAt(12) === 93 &&
		s.charCodeAt(13) === 93 &&
		isLocalDateAt(s, 2)
	);
}

/**
 * The date of the two usual spellings, a plain real `yyyy-MM-dd` (returned as it is) or
 * a `[[yyyy-MM-dd]]` daily-note link, else null: readDate's answer for them without a
 * result object. Anything else (a Date, a time, padding, an error) is readDate's.
 */
export function usualDate(value: unknown): LocalDate | null {
	if (typeof value !== 'string') return null;
	if (value.length === 10) return isLocalDateAt(value, 0) ? value : null;
	return isDailyNoteLink(value) ? value.slice(2, 12) : null;
}

/**
 * Days since 1970-01-01 on the proleptic Gregorian calendar, by arithmetic (H. Hinnant's
 * days_from_civil): the same numbers as a UTC Date gives, without building one.
 */
export function ymdDayNumber(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of a local date; throws on anything but a real `yyyy-MM-dd`. */
export function dayNumber(date: LocalDate): number {
	const ymd = parseLocalDate(date) ?? toYmd(date);
	return ymdDayNumber(ymd.y, ymd.m, ymd.d);
}

/** The inverse of dayNumber (civil_from_days). */
export function fromDayNumber(n: number): LocalDate {
	const z = n + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return formatYmd({ y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d });
}

/**
 * `d` (a real local date) plus `n` calendar months as a day number; the day is clamped to
 * the end of a shorter month. The arithmetic of addMonthsLocal, without the strings.
 */
export function addMonthsDayNumber(date: LocalDate, n: number): number {
	const { y, m, d } = parseLocalDate(date) ?? toYmd(date);
	const total = y * 12 + (m - 1) + Math.trunc(n);
	const ny = Math.floor(total / 12);
	const nm = total - ny * 12 + 1;
	return ymdDayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** True for `yyyy-MM-dd` naming a day that exists (no 2026-02-30, no 2025-02-29). */
export function isLocalDate(s: string): boolean {
	if (s.length === 10 && isLocalDateAt(s, 0)) return true;
	const match = SHAPE.exec(s);
	return match !== null && isRealDate(+match[1], +match[2], +match[3]);
}

/** Shorten a value for a message: what the user wrote, not a dump. */
export function shortValue(value: unknown, max = 60): string {
	let s: string;
	if (typeof value === 'string') s = value;
	else if (value instanceof Date) s = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	else if (value === undefined) s = '';
	else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
	else {
		try {
			s = JSON.stringify(value) ?? typeof value;
		} catch {
			s = typeof value;
		}
	}
	s = s.replace(/\s+/g, ' ').trim();
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Read a frontmatter or command-line value as a local date.
 *
 * - A `Date` (js-yaml turns an unquoted `2026-11-02` into UTC midnight) is read from its
 *   UTC parts: its local parts are the previous day west of Greenwich.
 * - `yyyy-MM-dd`, optionally with a time (`2026-11-02T09:30`, `2026-11-02 09:30:00Z`),
 *   keeps the written date, and `[[yyyy-MM-dd]]` (a daily-note link) is accepted.
 * - A well-formed but impossible date (2026-02-30) is an error, as is anything else.
 */
export function readDate(value: unknown): DateResult {
	if (typeof value === 'string') {
		// The common case, a plain real `yyyy-MM-dd`: it is its own answer.
		// The usual spellings without readDateText's regexes.
		const usual = usualDate(value);
		if (usual !== null) return { ok: true, date: usual };
		return readDateText(value);
	}
	if (value instanceof Date) {
		const time = value.getTime();
		if (isNaN(time)) return { ok: false, reason: 'is not a valid date' };
		const y = value.getUTCFullYear();
		if (y < 1 || y > 9999) return { ok: false, reason: `"${shortValue(value)}" is out of range` };
		// Its UTC day, by arithmetic from the instant (floor: before 1970 too).
		return { ok: true, date: fromDayNumber(Math.floor(time / MS_PER_DAY)) };
	}
	return { ok: false, reason: `"${shortValue(value)}" is not a date (expected yyyy-MM-dd)` };
}

/** readDate for text that is not a plain `yyyy-MM-dd`: links, times, padding, errors. */
function readDateText(value: string): DateResult {
	let s = value.trim();
	const link = /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(s);
	if (link) s = link[1].trim();
	const match = WITH_TIME.exec(s);
	if (match) {
		const [y, m, d] = [+match[1], +match[2], +match[3]];
		if (!isRealDate(y, m, d)) {
			return { ok: false, reason: `"${match[1]}-${match[2]}-${match[3]}" is not a real date` };
		}
		return { ok: true, date: formatYmd({ y, m, d }) };
	}
	if (s === '') return { ok: false, reason: 'is empty (expected a date like 2026-11-02)' };
	return { ok: false, reason: `"${shortValue(value)}" is not a date (expected yyyy-MM-dd)` };
}

/** The local calendar date of `now` in the runtime's time zone. */
export function todayLocal(now: Date = new Date()): LocalDate {
	// lightFormat: same local fields as format(), without the locale tables (~17 KB of main.js).
	return lightFormat(now, 'yyyy-MM-dd');
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDaysLocal(d: LocalDate, n: number): LocalDate {
	return fromDayNumber(dayNumber(d) + Math.trunc(n));
}

/**
 * `d` plus `n` calendar months; the day is clamped to the end of a shorter month
 * (2026-01-31 + 1 = 2026-02-28), the same rule as date-fns' `addMonths`.
 */
export function addMonthsLocal(d: LocalDate, n: number): LocalDate {
	return fromDayNumber(addMonthsDayNumber(d, n));
}

/** `d` plus `n` calendar years; 29 February becomes 28 February in a common year. */
export function addYearsLocal(d: LocalDate, n: number): LocalDate {
	return addMonthsLocal(d, Math.trunc(n) * 12);
}

/** `a − b` in calendar days: positive when `a` is later. Independent of time zone and DST. */
export function diffDays(a: LocalDate, b: LocalDate): number {
	return dayNumber(a) - dayNumber(b);
}

/** The later of two dates, ignoring nulls. */
export function maxDate(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
	if (a === null) return b;
	if (b === null) return a;
	// yyyy-MM-dd sorts as text in date order.
	return a >= b ? a : b;
}
