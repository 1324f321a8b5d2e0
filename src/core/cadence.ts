/**
 * Cadences: how often to reconnect with someone. Parses every form the README
 * documents, formats one canonical label, and adds a cadence to a date (months and
 * years as calendar units, weeks and days as days).
 *
 * Accepted (case-insensitive, surrounding whitespace ignored):
 *   daily, weekly, fortnightly, monthly, quarterly, yearly, annually;
 *   "every N days|weeks|months|years" and "every day|week|month|year";
 *   "N days" / "N weeks" / ...;  6w, 90d, 3m, 1y;  ISO 8601 P90D, P6W, P3M, P1Y;
 *   a bare number of days (YAML 30 or the text "30").
 *   "every other week" (and day, month, year).
 * "biweekly" and "bimonthly" are rejected on purpose: they mean both "twice a week" and
 * "every two weeks", so rather than guess, the message asks for an explicit form.
 */
import { addDaysLocal, addMonthsLocal, shortValue } from './dates';
import type { Cadence, CadenceUnit, LocalDate } from './types';

export type CadenceResult = { ok: true; cadence: Cadence } | { ok: false; reason: string };

const NOMINAL_DAYS: Record<CadenceUnit, number> = { day: 1, week: 7, month: 30, year: 365 };
/** Longer than this is surely a typo, and would run dates past year 9999. */
const MAX_DAYS = 100 * 365;

const NAMED: Record<string, [CadenceUnit, number]> = {
	daily: ['day', 1],
	weekly: ['week', 1],
	fortnightly: ['week', 2],
	monthly: ['month', 1],
	quarterly: ['month', 3],
	yearly: ['year', 1],
	annually: ['year', 1],
	'every other day': ['day', 2],
	'every other week': ['week', 2],
	'every other month': ['month', 2],
	'every other year': ['year', 2],
};

const AMBIGUOUS: Record<string, string> = {
	biweekly: '"every 2 weeks", or "every 3 days" for twice a week',
	'bi-weekly': '"every 2 weeks", or "every 3 days" for twice a week',
	bimonthly: '"every 2 months", or "every 2 weeks" for twice a month',
	'bi-monthly': '"every 2 months", or "every 2 weeks" for twice a month',
};

const UNIT_WORDS: Record<string, CadenceUnit> = {
	d: 'day',
	day: 'day',
	days: 'day',
	w: 'week',
	wk: 'week',
	wks: 'week',
	week: 'week',
	weeks: 'week',
	m: 'month',
	mo: 'month',
	month: 'month',
	months: 'month',
	y: 'year',
	yr: 'year',
	yrs: 'year',
	year: 'year',
	years: 'year',
};

const NUMBER = '([+-]?\\d+(?:[.,]\\d+)?)';
const UNIT = '([a-z]+)';
const EVERY_N = new RegExp(`^every\\s+${NUMBER}\\s*${UNIT}$`);
const EVERY_ONE = new RegExp(`^every\\s+${UNIT}$`);
const N_UNITS = new RegExp(`^${NUMBER}\\s*${UNIT}$`);
const ISO = new RegExp(`^p${NUMBER}([dwmy])$`);
const BARE = new RegExp(`^${NUMBER}$`);
/**
 * `1,000` and `1.000` group thousands in some languages and mark decimals in others: read
 * as a decimal, "every 1,000 days" was silently daily. Neither reading is guessed.
 */
const GROUPED = /^[+-]?\d{1,3}[.,]\d{3}$/;

/** The count written in `numberText` as a cadence of `unit`, or why it cannot be one. */
function countedCadence(numberText: string, unit: CadenceUnit, raw: unknown): CadenceResult {
	if (GROUPED.test(numberText)) {
		return withValue({ ok: false, reason: `is ambiguous: "${numberText}" could be a thousand or more, or a decimal; write the number in plain digits` }, raw);
	}
	return withValue(makeCadence(unit, Number(numberText.replace(',', '.'))), raw);
}

/** The canonical label: "weekly", "monthly", "yearly", "daily" or "every 3 weeks". */
export function formatCadence(c: Pick<Cadence, 'unit' | 'count'>): string {
	if (c.count === 1) return { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' }[c.unit];
	return `every ${c.count} ${c.unit}s`;
}

/** A cadence from its parts, or an error when the count is not a usable whole number. */
export function makeCadence(unit: CadenceUnit, count: number): CadenceResult {
	if (!Number.isFinite(count)) return { ok: false, reason: 'is not a number' };
	if (!Number.isInteger(count)) return { ok: false, reason: `must be a whole number of ${unit}s` };
	if (count <= 0) return { ok: false, reason: 'must be more than zero' };
	const days = count * NOMINAL_DAYS[unit];
	if (days > MAX_DAYS) return { ok: false, reason: 'is longer than 100 years' };
	return { ok: true, cadence: { unit, count, days, label: formatCadence({ unit, count }) } };
}

/** Why a value is not a cadence, with the forms a reader most likely meant. */
function notACadence(value: unknown): CadenceResult {
	return { ok: false, reason: `"${shortValue(value)}" is not a cadence (try monthly, every 3 weeks, 6w or 90d)` };
}

function withValue(result: CadenceResult, raw: unknown): CadenceResult {
	if (result.ok) return result;
	// Led by the value, as every field's reasons are (the field is named beside them).
	return { ok: false, reason: `"${shortValue(raw)}" ${result.reason}` };
}

function fromParts(numberText: string, unitWord: string, raw: unknown): CadenceResult | null {
	const unit = UNIT_WORDS[unitWord];
	if (!unit) return null;
	return countedCadence(numberText, unit, raw);
}

/** Read a cadence from frontmatter or a setting. Never throws. */
export function parseCadence(value: unknown): CadenceResult {
	if (typeof value === 'number') return withValue(makeCadence('day', value), value);
	if (typeof value !== 'string') return notACadence(value);
	const s = value.trim().toLowerCase().replace(/\s+/g, ' ');
	if (s === '') return { ok: false, reason: 'is empty' };

	const named = NAMED[s];
	if (named) return makeCadence(named[0], named[1]);
	const ambiguous = AMBIGUOUS[s];
	if (ambiguous) return { ok: false, reason: `"${value.trim()}" is ambiguous; write ${ambiguous}` };

	let m = EVERY_N.exec(s);
	if (m) {
		const r = fromParts(m[1], m[2], value);
		if (r) return r;
	}
	m = EVERY_ONE.exec(s);
	if (m) {
		const r = fromParts('1', m[1], value);
		if (r) return r;
	}
	m = N_UNITS.exec(s);
	if (m) {
		const r = fromParts(m[1], m[2], value);
		if (r) return r;
	}
	m = ISO.exec(s);
	if (m) {
		const r = fromParts(m[1], m[2], value);
		if (r) return r;
	}
	m = BARE.exec(s);
	if (m) return countedCadence(m[1], 'day', value);
	return notACadence(value);
}

/**
 * `d` plus `times` cadences. Months and years are counted from `d` in one step, so
 * Jan 31 monthly gives Feb 28, then Mar 31 (not Mar 28) for times = 2.
 */
export function addCadence(d: LocalDate, c: Cadence, times = 1): LocalDate {
	switch (c.unit) {
		case 'day':
			return addDaysLocal(d, c.count * times);
		case 'week':
			return addDaysLocal(d, 7 * c.count * times);
		case 'month':
			return addMonthsLocal(d, c.count * times);
		case 'year':
			return addMonthsLocal(d, 12 * c.count * times);
	}
}
