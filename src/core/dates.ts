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

export function daysInMonth(y: number, m: number): number {
	return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
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

/** Days since 1970-01-01 on the proleptic Gregorian calendar. */
function dayNumber(date: LocalDate): number {
	const { y, m, d } = toYmd(date);
	const utc = new Date(0);
	// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
	utc.setUTCFullYear(y, m - 1, d);
	return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): LocalDate {
	const utc = new Date(n * MS_PER_DAY);
	return formatYmd({ y: utc.getUTCFullYear(), m: utc.getUTCMonth() + 1, d: utc.getUTCDate() });
}

/** True for `yyyy-MM-dd` naming a day that exists (no 2026-02-30, no 2025-02-29). */
export function isLocalDate(s: string): boolean {
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
	if (value instanceof Date) {
		if (isNaN(value.getTime())) return { ok: false, reason: 'is not a valid date' };
		const y = value.getUTCFullYear();
		if (y < 1 || y > 9999) return { ok: false, reason: `"${shortValue(value)}" is out of range` };
		return { ok: true, date: formatYmd({ y, m: value.getUTCMonth() + 1, d: value.getUTCDate() }) };
	}
	if (typeof value === 'string') {
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
	const { y, m, d: day } = toYmd(d);
	const total = y * 12 + (m - 1) + Math.trunc(n);
	const ny = Math.floor(total / 12);
	const nm = total - ny * 12 + 1;
	return formatYmd({ y: ny, m: nm, d: Math.min(day, daysInMonth(ny, nm)) });
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
