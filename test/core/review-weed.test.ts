// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { parseCadence } from '../../src/core/cadence';
import type { Cadence } from '../../src/core/types';
import { drainReason, oneSidedReason, silenceReason, weedCandidates, weedReasons } from '../../src/core/weed';
import { freezeClockAtLocalNoon, logEntry, PersonBuilder, settingsWith } from '../builders';

const TODAY = '2026-11-23';
const settings = settingsWith();

function cadence(s: string): Cadence {
	const c = parseCadence(s);
	if (!c.ok) throw new Error(c.reason);
	return c.cadence;
}

freezeClockAtLocalNoon(TODAY);

describe('drainReason', () => {
	it.each([
		['drains', 'drains your energy'],
		['gives', null],
		['neutral', null],
		[null, null],
	] as const)('energy %s → %j', (energy, want) => {
		expect(drainReason({ energy })).toBe(want);
	});
});

describe('silenceReason', () => {
	it.each([
		// monthly: three cadences after 2026-08-22 is 2026-11-22, so today is past it
		{ last: '2026-08-22', cadence: 'monthly', silent: true },
		{ last: '2026-08-23', cadence: 'monthly', silent: false },
		{ last: '2026-10-19', cadence: 'weekly', silent: true },
		{ last: '2026-11-02', cadence: 'weekly', silent: false },
		{ last: '2023-11-22', cadence: 'yearly', silent: true },
		{ last: '2024-03-10', cadence: 'every 3 months', silent: true },
	])('last contact $last, cadence $cadence → silent: $silent', ({ last, cadence: c, silent }) => {
		expect(silenceReason(last, cadence(c), TODAY) !== null).toBe(silent);
	});

	it('uses a year when there is no cadence', () => {
		expect(silenceReason('2025-11-23', null, TODAY)).toBeNull();
		expect(silenceReason('2025-11-22', null, TODAY)).toBe('silent for over 12 months, since 2025-11-22 (over a year, with no cadence to go by)');
	});

	it('does not call someone never contacted silent', () => {
		expect(silenceReason(null, cadence('monthly'), TODAY)).toBeNull();
		expect(silenceReason(null, null, TODAY)).toBeNull();
	});

	it('never says a span shorter than the limit it passed', () => {
		// 22 days against 3 × weekly (21 days): "3 weeks" would read as not past it.
		expect(silenceReason('2026-11-01', cadence('weekly'), TODAY)).toBe('silent for over 3 weeks, since 2026-11-01 (more than 3 × weekly)');
	});

	it('says how long and against which cadence', () => {
		expect(silenceReason('2024-03-10', cadence('monthly'), TODAY)).toBe('silent for over 2 years, since 2024-03-10 (more than 3 × monthly)');
	});
});

describe('oneSidedReason', () => {
	const log = (...marks: ('gave' | 'received')[]) => ({
		log: marks.map((m, i) => logEntry(`2026-${String(10 - i).padStart(2, '0')}-01`, { exchange: m })),
	});

	it('needs three received and nothing given in the last twelve months', () => {
		expect(oneSidedReason(log('received', 'received', 'received'), TODAY)).toBe(
			'only received in the last 12 months (3 times, gave nothing)',
		);
		expect(oneSidedReason(log('received', 'received'), TODAY)).toBeNull();
		expect(oneSidedReason(log('received', 'received', 'received', 'gave'), TODAY)).toBeNull();
	});

	it('does not count receipts older than twelve months', () => {
		const p = {
			log: [
				logEntry('2026-10-01', { exchange: 'received' }),
				logEntry('2026-09-01', { exchange: 'received' }),
				logEntry('2025-10-01', { exchange: 'received' }),
			],
		};
		expect(oneSidedReason(p, TODAY)).toBeNull();
	});
});

describe('weedReasons', () => {
	it('reads the last contact from the log when it is newer than the field', () => {
		const p = new PersonBuilder('People/A.md').cadence('monthly').lastContact('2024-01-01').entry('2026-11-01').build();
		expect(weedReasons(p, TODAY, settings)).toEqual([]);
	});

	it('collects every reason in a fixed order', () => {
		const b = new PersonBuilder('People/A.md').cadence('monthly').energy('drains').lastContact('2024-01-01');
		for (const d of ['2023-12-01', '2023-11-01', '2023-10-01']) b.entry(d, { exchange: 'received' });
		expect(weedReasons(b.build(), TODAY, settings)).toEqual([
			'drains your energy',
			'silent for over 2 years, since 2024-01-01 (more than 3 × monthly)',
		]);
	});
});

describe('weedCandidates', () => {
	it('never offers archived people, and puts the most reasons first', () => {
		const people = [
			new PersonBuilder('People/Drains.md').energy('drains').lastContact('2026-11-01').build(),
			new PersonBuilder('People/Both.md').energy('drains').trust(2).lastContact('2024-05-01').build(),
			new PersonBuilder('People/Gone.md').energy('drains').trust(2).lastContact('2024-05-01').status('archived').build(),
			new PersonBuilder('People/Fine.md').trust(4).lastContact('2026-11-01').build(),
			new PersonBuilder('People/Paused.md').status('paused').cadence('weekly').lastContact('2026-01-01').build(),
			new PersonBuilder('People/Never.md').trust(1).build(),
		];
		const weed = weedCandidates(people, TODAY, settings);
		expect(weed.map((w) => w.name)).toEqual(['Both', 'Drains', 'Paused']);
		// A pause is said: the silence may be what it is for.
		expect(weed[2].reasons).toEqual(['paused, and silent for over 10 months, since 2026-01-01 (more than 3 × weekly)']);
		expect(weed[0]).toEqual({
			path: 'People/Both.md',
			name: 'Both',
			trust: 2,
			reasons: ['drains your energy', 'silent for over 2 years, since 2024-05-01 (more than 3 × every 6 months)'],
		});
	});
});
