// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import {
	balanceOf,
	giveFirst,
	receivedInARow,
	reciprocityRows,
	reciprocityTotal,
	yearWindowStart,
} from '../../src/core/reciprocity';
import { logEntry, PersonBuilder } from '../builders';

const TODAY = '2026-11-23';

function withLog(name: string, marks: [string, 'gave' | 'received' | null][]) {
	const b = new PersonBuilder(`People/${name}.md`).trust(3);
	for (const [date, exchange] of marks) b.entry(date, { exchange });
	return b.build();
}

describe('yearWindowStart', () => {
	it.each([
		['2026-11-23', '2025-11-24'],
		['2026-01-01', '2025-01-02'],
		['2028-02-29', '2027-03-01'],
		['2027-03-01', '2026-03-02'],
	])('the twelve months ending %s start on %s', (today, start) => {
		expect(yearWindowStart(today)).toBe(start);
	});
});

describe('balanceOf', () => {
	it('counts marked entries inside the window, both ends included', () => {
		const log = [
			logEntry('2026-11-24', { exchange: 'gave' }), // after today: a typo, not counted
			logEntry('2026-11-23', { exchange: 'gave' }),
			logEntry('2026-06-01', { exchange: 'received' }),
			logEntry('2026-05-01'), // unmarked
			logEntry('2025-11-24', { exchange: 'received' }),
			logEntry('2025-11-23', { exchange: 'gave' }), // a year and a day ago
		];
		expect(balanceOf(log, yearWindowStart(TODAY), TODAY)).toEqual({ gave: 1, received: 2 });
	});
});

describe('reciprocityRows', () => {
	it('lists only people with marked touchpoints, the most one-sided first', () => {
		const rows = reciprocityRows(
			[
				withLog('Even', [
					['2026-10-01', 'gave'],
					['2026-09-01', 'received'],
				]),
				withLog('Taker', [
					['2026-10-01', 'received'],
					['2026-09-01', 'received'],
					['2026-08-01', 'received'],
				]),
				withLog('Silent', [['2026-10-01', null]]),
				withLog('Old', [['2024-10-01', 'gave']]),
				withLog('Giver', [['2026-10-01', 'gave']]),
			],
			TODAY,
		);
		expect(rows.map((r) => [r.name, r.gave, r.received])).toEqual([
			['Taker', 0, 3],
			['Giver', 1, 0],
			['Even', 1, 1],
		]);
		expect(rows[0]).toEqual({ path: 'People/Taker.md', name: 'Taker', trust: 3, gave: 0, received: 3 });
	});

	it('breaks a tie in the gap by more exchanges, then by name', () => {
		const rows = reciprocityRows(
			[
				withLog('B', [['2026-10-01', 'gave']]),
				withLog('A', [['2026-10-01', 'gave']]),
				withLog('C', [
					['2026-10-01', 'gave'],
					['2026-10-02', 'gave'],
					['2026-10-03', 'received'],
				]),
			],
			TODAY,
		);
		expect(rows.map((r) => r.name)).toEqual(['C', 'A', 'B']);
	});
});

describe('reciprocityTotal', () => {
	it('sums the rows', () => {
		expect(reciprocityTotal([{ gave: 1, received: 2 }, { gave: 3, received: 0 }])).toEqual({ gave: 4, received: 2 });
		expect(reciprocityTotal([])).toEqual({ gave: 0, received: 0 });
	});
});

describe('receivedInARow', () => {
	it.each([
		{ marks: ['received', 'received', 'received'], want: 3 },
		{ marks: ['received', 'received', 'gave', 'received'], want: 2 },
		{ marks: ['gave', 'received', 'received', 'received'], want: 0 },
		{ marks: [], want: 0 },
	])('$marks (newest first) → $want', ({ marks, want }) => {
		const log = marks.map((m, i) => logEntry(`2026-0${9 - i}-01`, { exchange: m as 'gave' | 'received' }));
		expect(receivedInARow(log, TODAY)).toBe(want);
	});

	it('skips unmarked entries, ignores future ones and looks back beyond twelve months', () => {
		const log = [
			logEntry('2026-12-01', { exchange: 'gave' }),
			logEntry('2026-11-01', { exchange: 'received' }),
			logEntry('2026-10-01'),
			logEntry('2023-10-01', { exchange: 'received' }),
			logEntry('2022-10-01', { exchange: 'received' }),
			logEntry('2021-10-01', { exchange: 'gave' }),
		];
		expect(receivedInARow(log, TODAY)).toBe(3);
	});

	it('sorts a log given in any order', () => {
		const log = [
			logEntry('2020-01-01', { exchange: 'received' }),
			logEntry('2026-01-01', { exchange: 'gave' }),
			logEntry('2021-01-01', { exchange: 'received' }),
		];
		expect(receivedInARow(log, TODAY)).toBe(0);
	});
});

describe('giveFirst', () => {
	it('names people whose last three or more marked touchpoints were received, longest run first', () => {
		const rows = giveFirst(
			[
				withLog('Three', [
					['2026-10-01', 'received'],
					['2026-09-01', 'received'],
					['2026-08-01', 'received'],
				]),
				withLog('Two', [
					['2026-10-01', 'received'],
					['2026-09-01', 'received'],
					['2026-08-01', 'gave'],
				]),
				withLog('Four', [
					['2026-10-01', 'received'],
					['2026-09-01', 'received'],
					['2026-08-01', 'received'],
					['2026-07-01', 'received'],
					['2026-06-01', 'gave'],
				]),
			],
			TODAY,
		);
		expect(rows.map((r) => [r.name, r.receivedInARow])).toEqual([
			['Four', 4],
			['Three', 3],
		]);
		expect(rows[0].reason).toBe('the last 4 marked touchpoints were all received: give before you ask again');
	});
});
