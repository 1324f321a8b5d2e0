// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { addDays, addMonths, differenceInCalendarDays, format } from 'date-fns';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	addDaysLocal,
	addMonthsDayNumber,
	addMonthsLocal,
	addYearsLocal,
	dayNumber,
	diffDays,
	fromDayNumber,
	isLocalDate,
	maxDate,
	readDate,
	todayLocal,
	usualDate,
} from '../../src/core/dates';
import { propertyRuns } from '../builders';

const runs = propertyRuns(2000);

/** A real date between 1900 and 2199, as text. */
const localDate = fc
	.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));

describe('isLocalDate', () => {
	it.each([
		['2026-11-02', true],
		['2024-02-29', true],
		['2000-02-29', true],
		['2026-12-31', true],
		['2026-02-30', false],
		['2025-02-29', false],
		['1900-02-29', false],
		['2026-04-31', false],
		['2026-13-01', false],
		['2026-00-10', false],
		['2026-11-2', false],
		['26-11-02', false],
		['2026-11-02 ', false],
		['2026/11/02', false],
		['', false],
	])('%j → %s', (s, want) => {
		expect(isLocalDate(s)).toBe(want);
	});
});

describe('readDate', () => {
	it.each<[string, unknown, string]>([
		['plain text', '2026-11-02', '2026-11-02'],
		['surrounding whitespace', '  2026-11-02 ', '2026-11-02'],
		['a daily-note link', '[[2026-11-02]]', '2026-11-02'],
		['a link with an alias', '[[2026-11-02|Monday]]', '2026-11-02'],
		['a time with T', '2026-11-02T23:30', '2026-11-02'],
		['a time with seconds and Z', '2026-11-02T23:30:00Z', '2026-11-02'],
		['a time with an offset keeps the written date', '2026-11-02T23:30:00-08:00', '2026-11-02'],
		['a time after a space', '2026-11-02 10:00', '2026-11-02'],
		['UTC midnight Date', new Date('2026-11-02T00:00:00Z'), '2026-11-02'],
		['leap day', '2024-02-29', '2024-02-29'],
	])('%s', (_label, value, want) => {
		expect(readDate(value)).toEqual({ ok: true, date: want });
	});

	it.each<[string, unknown, string]>([
		['impossible February day', '2026-02-30', '"2026-02-30" is not a real date'],
		['leap day in a common year', '2025-02-29', '"2025-02-29" is not a real date'],
		['month 13', '2026-13-01', '"2026-13-01" is not a real date'],
		['impossible date with a time', '2026-02-30T10:00', '"2026-02-30" is not a real date'],
		['an impossible daily-note link', '[[2026-02-30]]', '"2026-02-30" is not a real date'],
		['a daily-note link to a month 13', '[[2026-13-01]]', '"2026-13-01" is not a real date'],
		['a link to a note that is not a date', '[[2026-11-0x]]', 'is not a date'],
		['words', 'last week', '"last week" is not a date (expected yyyy-MM-dd)'],
		['a number', 20261102, '"20261102" is not a date (expected yyyy-MM-dd)'],
		['a list', ['2026-11-02'], 'is not a date'],
		['empty', '  ', 'is empty'],
		['US order', '11/02/2026', '"11/02/2026" is not a date'],
		['an invalid Date', new Date('nope'), 'is not a valid date'],
		['null', null, 'is not a date'],
	])('rejects %s', (_label, value, reason) => {
		const r = readDate(value);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toContain(reason);
	});

	it('reads an unquoted YAML date from its UTC parts in every time zone', () => {
		// js-yaml gives UTC midnight: 2026-11-01 16:00 local in Los Angeles, the day before.
		const fm = load('last_contact: 2026-11-02\nnew_year: 2026-01-01') as Record<string, unknown>;
		expect(fm.last_contact).toBeInstanceOf(Date);
		expect(readDate(fm.last_contact)).toEqual({ ok: true, date: '2026-11-02' });
		expect(readDate(fm.new_year)).toEqual({ ok: true, date: '2026-01-01' });
	});

	it('round-trips every real date written as text or as a YAML Date', () => {
		fc.assert(
			fc.property(localDate, (d) => {
				expect(readDate(d)).toEqual({ ok: true, date: d });
				expect(readDate(new Date(`${d}T00:00:00Z`))).toEqual({ ok: true, date: d });
			}),
			{ numRuns: runs },
		);
	});
});

describe('todayLocal', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('is the local calendar date of now', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2026, 10, 23, 0, 5)); // five past local midnight
		expect(todayLocal()).toBe('2026-11-23');
		vi.setSystemTime(new Date(2026, 10, 23, 23, 55));
		expect(todayLocal()).toBe('2026-11-23');
	});

	it('takes an explicit instant', () => {
		expect(todayLocal(new Date(2026, 1, 28, 12))).toBe('2026-02-28');
		expect(todayLocal(new Date(2024, 1, 29, 12))).toBe('2024-02-29');
	});

	it('agrees with date-fns format of the local date', () => {
		const now = new Date('2026-11-23T07:30:00Z');
		expect(todayLocal(now)).toBe(format(now, 'yyyy-MM-dd'));
	});
});

describe('addDaysLocal and diffDays', () => {
	it.each<[string, number, string]>([
		['2026-11-02', 1, '2026-11-03'],
		['2026-11-02', 0, '2026-11-02'],
		['2026-11-02', -2, '2026-10-31'],
		['2026-12-31', 1, '2027-01-01'],
		['2024-02-28', 1, '2024-02-29'],
		['2025-02-28', 1, '2025-03-01'],
		['2026-01-01', 365, '2027-01-01'],
		['2024-01-01', 366, '2025-01-01'],
		// America/Los_Angeles springs forward on 2026-03-08 and falls back on 2026-11-01.
		['2026-03-07', 1, '2026-03-08'],
		['2026-03-08', 1, '2026-03-09'],
		['2026-10-31', 1, '2026-11-01'],
		['2026-11-01', 1, '2026-11-02'],
		['2026-03-01', 14, '2026-03-15'],
		['2026-10-25', 14, '2026-11-08'],
		// Pacific/Kiritimati skipped 1994-12-31 on its clocks; the calendar did not.
		['1994-12-30', 1, '1994-12-31'],
		['1994-12-31', 1, '1995-01-01'],
	])('%s + %d = %s', (d, n, want) => {
		expect(addDaysLocal(d, n)).toBe(want);
		expect(diffDays(want, d)).toBe(n);
		expect(diffDays(d, want)).toBe(0 - n);
	});

	it.each<[string, string, number]>([
		['2026-03-09', '2026-03-07', 2],
		['2026-11-02', '2026-10-31', 2],
		['2026-11-01', '2026-03-08', 238],
		['1995-01-01', '1994-12-30', 2],
		['2027-01-01', '2026-01-01', 365],
	])('diffDays(%s, %s) = %d across DST and skipped days', (a, b, want) => {
		expect(diffDays(a, b)).toBe(want);
	});

	it('is the inverse of addDaysLocal and agrees with date-fns at local noon', () => {
		fc.assert(
			fc.property(localDate, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
				const later = addDaysLocal(d, n);
				expect(isLocalDate(later)).toBe(true);
				expect(diffDays(later, d)).toBe(n);
				// date-fns on a local-noon Date agrees wherever the zone has that day on its
				// clocks (every day after 1995 in all three test zones).
				if (d >= '1996-01-01' && later >= '1996-01-01') {
					const [y, m, day] = d.split('-').map(Number);
					const noon = new Date(y, m - 1, day, 12);
					expect(format(addDays(noon, n), 'yyyy-MM-dd')).toBe(later);
					expect(differenceInCalendarDays(addDays(noon, n), noon)).toBe(n);
				}
			}),
			{ numRuns: runs },
		);
	});
});

describe('addMonthsLocal and addYearsLocal', () => {
	it.each<[string, number, string]>([
		['2026-01-31', 1, '2026-02-28'],
		['2024-01-31', 1, '2024-02-29'],
		['2026-01-31', 2, '2026-03-31'],
		['2026-03-31', 1, '2026-04-30'],
		['2026-03-31', -1, '2026-02-28'],
		['2026-11-02', 3, '2027-02-02'],
		['2026-12-15', 1, '2027-01-15'],
		['2026-01-15', -1, '2025-12-15'],
		['2026-01-15', -13, '2024-12-15'],
		['2026-08-31', 6, '2027-02-28'],
	])('%s + %d months = %s', (d, n, want) => {
		expect(addMonthsLocal(d, n)).toBe(want);
	});

	it.each<[string, number, string]>([
		['2024-02-29', 1, '2025-02-28'],
		['2024-02-29', 4, '2028-02-29'],
		['2026-11-02', 1, '2027-11-02'],
		['2026-11-02', -1, '2025-11-02'],
	])('%s + %d years = %s', (d, n, want) => {
		expect(addYearsLocal(d, n)).toBe(want);
	});

	it('agrees with date-fns addMonths', () => {
		fc.assert(
			fc.property(
				localDate.filter((d) => d >= '1996-01-01'),
				fc.integer({ min: -240, max: 240 }),
				(d, n) => {
					const [y, m, day] = d.split('-').map(Number);
					const want = format(addMonths(new Date(y, m - 1, day, 12), n), 'yyyy-MM-dd');
					if (want >= '1996-01-01') expect(addMonthsLocal(d, n)).toBe(want);
				},
			),
			{ numRuns: runs },
		);
	});
});

describe('maxDate', () => {
	it.each<[string | null, string | null, string | null]>([
		[null, null, null],
		['2026-11-02', null, '2026-11-02'],
		[null, '2026-11-02', '2026-11-02'],
		['2026-11-02', '2026-10-30', '2026-11-02'],
		['2025-12-31', '2026-01-01', '2026-01-01'],
	])('maxDate(%s, %s) = %s', (a, b, want) => {
		expect(maxDate(a, b)).toBe(want);
	});
});

describe('the fast paths: day numbers by arithmetic, readDate without a regex', () => {
	/** Any real date in years 1–9999, as text (a Date from UTC parts, the reference). */
	const anyDate = fc
		.record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
		.map(({ y, m, d }) => {
			const utc = new Date(0);
			utc.setUTCFullYear(y, m - 1, d);
			return utc;
		})
		.filter((utc) => utc.getUTCFullYear() >= 1 && utc.getUTCFullYear() <= 9999);
	const iso = (utc: Date): string =>
		`${String(utc.getUTCFullYear()).padStart(4, '0')}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;

	it('dayNumber and fromDayNumber agree with a UTC Date for every year from 1 to 9999', () => {
		fc.assert(
			fc.property(anyDate, (utc) => {
				const n = Math.round(utc.getTime() / 86_400_000);
				expect(dayNumber(iso(utc))).toBe(n);
				expect(fromDayNumber(n)).toBe(iso(utc));
			}),
			{ numRuns: runs },
		);
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(fromDayNumber(-1)).toBe('1969-12-31');
		expect(dayNumber('0001-01-01')).toBe(-719162);
	});

	it('addMonthsDayNumber is addMonthsLocal as a day number', () => {
		fc.assert(
			fc.property(localDate, fc.integer({ min: -2400, max: 2400 }), (d, n) => {
				expect(fromDayNumber(addMonthsDayNumber(d, n))).toBe(addMonthsLocal(d, n));
			}),
			{ numRuns: runs },
		);
	});

	it('dayNumber still refuses what is not a real local date', () => {
		for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', ' 2026-01-01', 'x']) {
			expect(() => dayNumber(bad)).toThrow(/Not a local date/);
		}
	});

	it('readDate gives plain text, Dates and anything shaped like a date the same answer as the full parser', () => {
		/** The full parser: what readDate did before its fast path, for text. */
		const slow = (s: string): ReturnType<typeof readDate> => readDate(`[[${s}]]`);
		const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-'), minLength: 10, maxLength: 10 });
		fc.assert(
			fc.property(fc.oneof(anyDate.map(iso), digits), (s) => {
				const fast = readDate(s);
				const full = slow(s);
				if (full.ok) expect(fast).toEqual(full);
				else expect(fast.ok).toBe(false);
				if (fast.ok) expect(fast.date).toBe(s);
			}),
			{ numRuns: runs },
		);
		fc.assert(
			fc.property(anyDate, fc.integer({ min: 0, max: 86_399_999 }), (utc, ms) => {
				expect(readDate(new Date(utc.getTime() + ms))).toEqual({ ok: true, date: iso(utc) });
			}),
			{ numRuns: runs },
		);
	});
});

describe('usualDate: readDate\'s answer for the two usual spellings, with nothing built', () => {
	it.each<[unknown, string | null]>([
		['2026-11-02', '2026-11-02'],
		['[[2026-11-02]]', '2026-11-02'],
		['2024-02-29', '2024-02-29'],
		['2025-02-29', null],
		['[[2026-02-30]]', null],
		[' 2026-11-02', null],
		['2026-11-02T10:00', null],
		['[[2026-11-02|Mon]]', null],
		[new Date('2026-11-02T00:00:00Z'), null],
		[20261102, null],
	])('%j → %j', (value, want) => {
		expect(usualDate(value)).toBe(want);
	});

	it('never disagrees with readDate, and knows every real date in both spellings', () => {
		// Real and impossible dates alike: years 1-9999, months 0-13, days 0-32.
		const ymd = fc
			.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
			.map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
		const noise = fc.string({ unit: fc.constantFrom('2', '0', '1', '-', '[', ']', ' ', 'T'), minLength: 8, maxLength: 16 });
		fc.assert(
			fc.property(fc.oneof(ymd, ymd.map((s) => `[[${s}]]`), noise), (s) => {
				const usual = usualDate(s);
				const read = readDate(s);
				if (usual !== null) expect(read).toEqual({ ok: true, date: usual });
				else if (/^(\[\[)?\d{4}-\d{2}-\d{2}(\]\])?$/.test(s)) expect(read.ok).toBe(false);
			}),
			{ numRuns: propertyRuns(3000) },
		);
	});
});
