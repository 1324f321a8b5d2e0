// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCadence, formatCadence, makeCadence, parseCadence } from '../../src/core/cadence';
import { diffDays } from '../../src/core/dates';
import type { Cadence, CadenceUnit } from '../../src/core/types';
import { propertyRuns } from '../builders';

const runs = propertyRuns(2000);

function cadenceOf(value: unknown): Cadence {
	const r = parseCadence(value);
	if (!r.ok) throw new Error(`rejected ${JSON.stringify(value)}: ${r.reason}`);
	return r.cadence;
}

describe('parseCadence accepts every documented form', () => {
	it.each<[unknown, CadenceUnit, number, number, string]>([
		// value, unit, count, nominal days, label
		['daily', 'day', 1, 1, 'daily'],
		['weekly', 'week', 1, 7, 'weekly'],
		['fortnightly', 'week', 2, 14, 'every 2 weeks'],
		['monthly', 'month', 1, 30, 'monthly'],
		['quarterly', 'month', 3, 90, 'every 3 months'],
		['yearly', 'year', 1, 365, 'yearly'],
		['annually', 'year', 1, 365, 'yearly'],
		['Weekly', 'week', 1, 7, 'weekly'],
		['  MONTHLY  ', 'month', 1, 30, 'monthly'],
		['every day', 'day', 1, 1, 'daily'],
		['every week', 'week', 1, 7, 'weekly'],
		['every month', 'month', 1, 30, 'monthly'],
		['every year', 'year', 1, 365, 'yearly'],
		['every other week', 'week', 2, 14, 'every 2 weeks'],
		['every 10 days', 'day', 10, 10, 'every 10 days'],
		['every 2 weeks', 'week', 2, 14, 'every 2 weeks'],
		['every 3 weeks', 'week', 3, 21, 'every 3 weeks'],
		['every 3 months', 'month', 3, 90, 'every 3 months'],
		['every 6 months', 'month', 6, 180, 'every 6 months'],
		['every 2 years', 'year', 2, 730, 'every 2 years'],
		['every 1 week', 'week', 1, 7, 'weekly'],
		['Every  3   Weeks', 'week', 3, 21, 'every 3 weeks'],
		['every 2weeks', 'week', 2, 14, 'every 2 weeks'],
		['3 weeks', 'week', 3, 21, 'every 3 weeks'],
		['1 week', 'week', 1, 7, 'weekly'],
		['6 weeks', 'week', 6, 42, 'every 6 weeks'],
		['90 days', 'day', 90, 90, 'every 90 days'],
		['2 months', 'month', 2, 60, 'every 2 months'],
		['1 year', 'year', 1, 365, 'yearly'],
		['6w', 'week', 6, 42, 'every 6 weeks'],
		['90d', 'day', 90, 90, 'every 90 days'],
		['3m', 'month', 3, 90, 'every 3 months'],
		['1y', 'year', 1, 365, 'yearly'],
		['6W', 'week', 6, 42, 'every 6 weeks'],
		['P3M', 'month', 3, 90, 'every 3 months'],
		['P6W', 'week', 6, 42, 'every 6 weeks'],
		['P90D', 'day', 90, 90, 'every 90 days'],
		['P1Y', 'year', 1, 365, 'yearly'],
		['p2w', 'week', 2, 14, 'every 2 weeks'],
		[30, 'day', 30, 30, 'every 30 days'],
		['30', 'day', 30, 30, 'every 30 days'],
		[' 45 ', 'day', 45, 45, 'every 45 days'],
		[1, 'day', 1, 1, 'daily'],
	])('%j → %s × %d', (value, unit, count, days, label) => {
		expect(parseCadence(value)).toEqual({ ok: true, cadence: { unit, count, days, label } });
	});
});

describe('parseCadence rejects', () => {
	it.each<[unknown, string]>([
		['sometimes', '"sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)'],
		['every blue moon', '"every blue moon" is not a cadence'],
		['every 3 fortnights', '"every 3 fortnights" is not a cadence'],
		['3 x', '"3 x" is not a cadence'],
		['P1Y6M', '"P1Y6M" is not a cadence'],
		['PT3H', '"PT3H" is not a cadence'],
		['', 'is empty'],
		[0, '"0" must be more than zero'],
		['0', '"0" must be more than zero'],
		[-7, '"-7" must be more than zero'],
		['every 0 weeks', '"every 0 weeks" must be more than zero'],
		['-2w', '"-2w" must be more than zero'],
		['P0D', '"P0D" must be more than zero'],
		[1.5, '"1.5" must be a whole number of days'],
		['1.5 weeks', '"1.5 weeks" must be a whole number of weeks'],
		['every 2.5 months', '"every 2.5 months" must be a whole number of months'],
		['1,5w', 'must be a whole number of weeks'],
		// A thousands separator, or a decimal? Not guessed (read as a decimal, this was daily).
		['every 1,000 days', '"every 1,000 days" is ambiguous: "1,000" could be a thousand or more, or a decimal; write the number in plain digits'],
		['1,000d', 'is ambiguous'],
		['1.000', 'is ambiguous'],
		['2,000 days', 'is ambiguous'],
		[Number.NaN, 'is not a number'],
		[Number.POSITIVE_INFINITY, 'is not a number'],
		['every 200 years', 'is longer than 100 years'],
		[true, '"true" is not a cadence'],
		[['weekly'], 'is not a cadence'],
		[null, 'is not a cadence'],
		[{ every: 'week' }, 'is not a cadence'],
		['biweekly', 'is ambiguous; write "every 2 weeks"'],
		['Bimonthly', 'is ambiguous; write "every 2 months"'],
	])('%j', (value, reason) => {
		const r = parseCadence(value);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toContain(reason);
	});
});

describe('formatCadence', () => {
	it.each<[CadenceUnit, number, string]>([
		['day', 1, 'daily'],
		['day', 3, 'every 3 days'],
		['week', 1, 'weekly'],
		['week', 2, 'every 2 weeks'],
		['month', 1, 'monthly'],
		['month', 6, 'every 6 months'],
		['year', 1, 'yearly'],
		['year', 2, 'every 2 years'],
	])('%s × %d → %s', (unit, count, label) => {
		expect(formatCadence({ unit, count })).toBe(label);
	});

	it('reads back as the same cadence', () => {
		fc.assert(
			fc.property(fc.constantFrom<CadenceUnit>('day', 'week', 'month', 'year'), fc.integer({ min: 1, max: 99 }), (unit, count) => {
				const made = makeCadence(unit, count);
				if (!made.ok) throw new Error(made.reason);
				expect(parseCadence(formatCadence(made.cadence))).toEqual(made);
				expect(parseCadence(made.cadence.label)).toEqual(made);
			}),
			{ numRuns: Math.min(runs, 500) },
		);
	});
});

describe('addCadence', () => {
	it.each<[string, string, string]>([
		['weekly', '2026-11-02', '2026-11-09'],
		['every 10 days', '2026-11-20', '2026-11-30'],
		['6w', '2026-10-01', '2026-11-12'],
		// Months are calendar months: the day is clamped to the end of a shorter month.
		['monthly', '2026-01-31', '2026-02-28'],
		['monthly', '2024-01-31', '2024-02-29'],
		['monthly', '2026-03-31', '2026-04-30'],
		['monthly', '2026-12-15', '2027-01-15'],
		['quarterly', '2026-11-30', '2027-02-28'],
		['every 2 months', '2026-12-31', '2027-02-28'],
		// A leap day plus a year is 28 February; four years later it is 29 February again.
		['yearly', '2024-02-29', '2025-02-28'],
		['every 4 years', '2024-02-29', '2028-02-29'],
		// Across DST in America/Los_Angeles (2026-03-08 and 2026-11-01): still whole days.
		['weekly', '2026-03-05', '2026-03-12'],
		['weekly', '2026-10-29', '2026-11-05'],
		['monthly', '2026-02-08', '2026-03-08'],
		['monthly', '2026-10-01', '2026-11-01'],
	])('%s after %s is %s', (cadence, from, want) => {
		expect(addCadence(from, cadenceOf(cadence))).toBe(want);
	});

	it('counts several cadences from the start, so month ends do not drift', () => {
		const monthly = cadenceOf('monthly');
		expect(addCadence('2026-01-31', monthly, 1)).toBe('2026-02-28');
		expect(addCadence('2026-01-31', monthly, 2)).toBe('2026-03-31');
		expect(addCadence('2026-01-31', monthly, 3)).toBe('2026-04-30');
		expect(addCadence('2026-11-02', cadenceOf('every 2 weeks'), 3)).toBe('2026-12-14');
		expect(addCadence('2024-02-29', cadenceOf('yearly'), 4)).toBe('2028-02-29');
		expect(addCadence('2026-11-02', monthly, 0)).toBe('2026-11-02');
	});

	it('days and weeks add exactly their nominal length; months and years stay within a few days of it', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }),
				fc.constantFrom('daily', 'weekly', 'every 3 weeks', '90d', 'monthly', 'quarterly', 'yearly', 'every 2 years'),
				(instant, text) => {
					const from = instant.toISOString().slice(0, 10);
					const c = cadenceOf(text);
					const gap = diffDays(addCadence(from, c), from);
					if (c.unit === 'day' || c.unit === 'week') expect(gap).toBe(c.days);
					else {
						expect(gap).toBeGreaterThan(0);
						// A month is 28–31 days against a nominal 30; a year 365 or 366.
						expect(Math.abs(gap - c.days)).toBeLessThanOrEqual(3 * c.count);
					}
				},
			),
			{ numRuns: runs },
		);
	});
});
