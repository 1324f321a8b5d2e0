// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addCadence } from '../../src/core/cadence';
import { addDaysLocal, addMonthsLocal, diffDays, todayLocal } from '../../src/core/dates';
import {
	compareDue,
	compareNames,
	DUE_SECTIONS,
	dueList,
	needsAction,
	patchDueList,
	plainNameKey,
	OTHER_SECTIONS,
	schedulePerson,
	trustWeight,
	urgencyOf,
} from '../../src/core/schedule';
import { defaultSettings } from '../../src/core/settings';
import type { DueStatus, LocalDate, Person, ScheduledPerson } from '../../src/core/types';
import { describeDue, describeProblem, describeSpan, describeSpanSince } from '../../src/core/words';
import { applyChanges, freezeClockAtLocalNoon, PersonBuilder, propertyRuns, settingsWith } from '../builders';

const settings = defaultSettings();
const TODAY = '2026-11-23';

freezeClockAtLocalNoon(TODAY);

function b(name = 'Ana'): PersonBuilder {
	return new PersonBuilder(`People/${name}.md`);
}

describe('schedulePerson: every status in DESIGN.md', () => {
	it('freezes today', () => {
		expect(todayLocal()).toBe(TODAY);
	});

	it.each<[string, PersonBuilder, DueStatus, string | null, number | null]>([
		// label, person, status, due, daysOverdue
		['overdue', b().cadence('weekly').lastContact('2026-11-02'), 'overdue', '2026-11-09', 14],
		['overdue by one day', b().cadence('weekly').lastContact('2026-11-15'), 'overdue', '2026-11-22', 1],
		['due today', b().cadence('weekly').lastContact('2026-11-16'), 'due', '2026-11-23', 0],
		['soon: tomorrow', b().cadence('weekly').lastContact('2026-11-17'), 'soon', '2026-11-24', -1],
		['soon: the window is inclusive (7 days)', b().cadence('monthly').lastContact('2026-10-30'), 'soon', '2026-11-30', -7],
		['ok: just outside the window', b().cadence('every 10 days').lastContact('2026-11-21'), 'ok', '2026-12-01', -8],
		['ok: contacted today', b().cadence('monthly').lastContact('2026-11-23'), 'ok', '2026-12-23', -30],
		['never: tracked, no last contact', b().trust(4), 'never', null, null],
		['never: explicit cadence, no last contact', b().cadence('weekly'), 'never', null, null],
		['snoozed until a later day', b().cadence('weekly').lastContact('2026-11-02').snoozeUntil('2026-12-01'), 'snoozed', '2026-11-09', 14],
		['snooze ending today no longer applies', b().cadence('weekly').lastContact('2026-11-02').snoozeUntil(TODAY), 'overdue', '2026-11-09', 14],
		['snooze in the past', b().cadence('weekly').lastContact('2026-11-02').snoozeUntil('2026-11-01'), 'overdue', '2026-11-09', 14],
		['snoozed and never contacted', b().trust(3).snoozeUntil('2026-12-01'), 'snoozed', null, null],
		['paused', b().cadence('weekly').lastContact('2026-11-02').status('paused'), 'paused', '2026-11-09', 14],
		['archived', b().cadence('weekly').lastContact('2026-11-02').status('archived'), 'archived', '2026-11-09', 14],
		['archived wins over snoozed', b().trust(3).status('archived').snoozeUntil('2026-12-01'), 'archived', null, null],
		['paused and untracked', b().status('paused'), 'paused', null, null],
		['untracked: no cadence and no trust', b().lastContact('2026-11-02'), 'untracked', null, null],
		['untracked, snoozed', b().snoozeUntil('2026-12-01'), 'untracked', null, null],
		['target is scheduled like active', b().status('target').trust(5).lastContact('2026-11-02'), 'overdue', '2026-11-16', 7],
		['target never contacted', b().status('target').trust(2), 'never', null, null],
		['invalid cadence', b().cadence('sometimes').lastContact('2026-11-02'), 'invalid', null, null],
		['invalid status wins over everything', b().status('gone').cadence('weekly').lastContact('2026-11-02'), 'invalid', null, null],
		// Set aside on purpose: kept out of the due list, the problem still reported (below).
		['archived beats an unreadable value', b().status('archived').lastContact('soon').trust(3), 'archived', null, null],
		['paused beats an unreadable value', b().status('paused').cadence('sometimes'), 'paused', null, null],
		['invalid snooze', b().trust(3).lastContact('2026-11-02').snoozeUntil('2026-02-30'), 'invalid', null, null],
		['trust that sets the cadence is bad', b().trust('high').lastContact('2026-11-02'), 'invalid', null, null],
	])('%s', (_label, builder, status, due, daysOverdue) => {
		const sp = builder.schedule(TODAY);
		expect(sp.status).toBe(status);
		expect(sp.due).toBe(due);
		expect(sp.daysOverdue).toBe(daysOverdue);
		// An unreadable value is always among the problems, listed or not.
		if (sp.person.invalid) expect(sp.problems.length).toBeGreaterThan(0);
	});

	it('the soon window is a setting', () => {
		const s = settingsWith({ soonWindowDays: 2 });
		const p = b().cadence('weekly').lastContact('2026-11-19').build(); // due 2026-11-26, in 3 days
		expect(schedulePerson(p, TODAY, settings).status).toBe('soon');
		expect(schedulePerson(p, TODAY, s).status).toBe('ok');
		expect(schedulePerson(p, TODAY, settingsWith({ soonWindowDays: 0 })).status).toBe('ok');
	});

	it('reports cadenceDays, lastContact and the last entry', () => {
		const sp = b().trust(4).lastContact('2026-10-01').entry('2026-10-20', { text: 'Lisbon', channel: 'call' }).schedule(TODAY);
		expect(sp).toMatchObject({ lastContact: '2026-10-20', due: '2026-11-20', daysOverdue: 3, cadenceDays: 30, status: 'overdue' });
		expect(sp.lastEntry?.text).toBe('Lisbon');
	});
});

describe('schedulePerson across daylight saving', () => {
	// America/Los_Angeles springs forward on 2026-03-08 and falls back on 2026-11-01; a
	// 23- or 25-hour day must not move anyone's due date or days overdue.
	it.each<[string, string, string, DueStatus, number]>([
		['2026-03-02', '2026-03-09', '2026-03-09', 'due', 0],
		['2026-03-02', '2026-03-10', '2026-03-09', 'overdue', 1],
		['2026-03-07', '2026-03-08', '2026-03-14', 'soon', -6],
		['2026-10-26', '2026-11-02', '2026-11-02', 'due', 0],
		['2026-10-25', '2026-11-02', '2026-11-01', 'overdue', 1],
		['2026-10-31', '2026-11-01', '2026-11-07', 'soon', -6],
	])('weekly from %s, on %s: due %s', (last, today, due, status, days) => {
		vi.setSystemTime(new Date(`${today}T12:00:00`));
		expect(todayLocal()).toBe(today);
		const sp = b().cadence('weekly').lastContact(last).schedule(todayLocal());
		expect(sp).toMatchObject({ due, status, daysOverdue: days });
	});
});

describe('schedulePerson: last contact', () => {
	it('is the newest of last_contact and the log', () => {
		expect(b().trust(4).lastContact('2026-11-10').entry('2026-10-01').schedule(TODAY).lastContact).toBe('2026-11-10');
		expect(b().trust(4).lastContact('2026-10-01').entry('2026-11-10').schedule(TODAY).lastContact).toBe('2026-11-10');
		expect(b().trust(4).entry('2026-11-10').schedule(TODAY)).toMatchObject({ lastContact: '2026-11-10', status: 'ok' });
	});

	it('a log line only, hand-typed, makes a never-contacted person scheduled', () => {
		expect(b().trust(5).schedule(TODAY).status).toBe('never');
		expect(b().trust(5).entry('2026-11-01').schedule(TODAY)).toMatchObject({ status: 'overdue', daysOverdue: 8 });
	});

	it('a log entry after today is reported and not trusted', () => {
		const sp = b().cadence('weekly').lastContact('2026-11-02').entry('2026-12-25', { text: 'typo' }).entry('2026-11-10').schedule(TODAY);
		expect(sp.lastContact).toBe('2026-11-10');
		expect(sp.lastEntry?.date).toBe('2026-11-10');
		expect(sp.status).toBe('overdue');
		expect(sp.problems).toEqual([{ field: 'log', value: '2026-12-25', reason: `is dated after today (${TODAY})` }]);
		// The person itself is unchanged: the problem depends on today.
		expect(sp.person.problems).toEqual([]);
	});

	it('a last_contact after today is a problem that makes the person invalid', () => {
		const sp = b().cadence('weekly').lastContact('2026-12-01').entry('2026-11-20').schedule(TODAY);
		expect(sp.status).toBe('invalid');
		expect(sp.due).toBeNull();
		expect(sp.daysOverdue).toBeNull();
		expect(sp.lastContact).toBe('2026-11-20');
		expect(sp.problems).toEqual([{ field: 'last_contact', value: '2026-12-01', reason: `is in the future (today is ${TODAY})` }]);
	});

	it('names a custom last-contact key in that problem', () => {
		const s = settingsWith({ keys: { lastContact: 'prm-last-contacted' } });
		const p = new PersonBuilder('People/A.md', s).trust(3).lastContact('2027-01-01').build();
		expect(schedulePerson(p, TODAY, s).problems[0].field).toBe('prm-last-contacted');
	});

	it('is the same in every time zone for an unquoted YAML date', () => {
		// The builder stores '2026-11-16' as js-yaml does: a UTC-midnight Date.
		const sp = b().cadence('weekly').lastContact('2026-11-16').schedule(todayLocal());
		expect(sp).toMatchObject({ lastContact: '2026-11-16', due: TODAY, status: 'due' });
	});
});

describe('urgency', () => {
	it('is days overdue relative to the cadence, weighted up by trust', () => {
		expect(trustWeight(1)).toBe(1);
		expect(trustWeight(3)).toBe(1.5);
		expect(trustWeight(null)).toBe(1.5);
		expect(trustWeight(5)).toBe(2);
		expect(urgencyOf(14, 14, 5)).toBe(2);
		expect(urgencyOf(0, 30, 5)).toBe(0);
		expect(urgencyOf(-7, 7, 1)).toBe(-1);
	});

	it('a week late on a weekly friend beats a week late on a yearly one', () => {
		const weekly = b('A').cadence('weekly').lastContact('2026-11-09').schedule(TODAY);
		const yearly = b('B').cadence('yearly').lastContact('2025-11-16').schedule(TODAY);
		expect(weekly.daysOverdue).toBe(yearly.daysOverdue);
		expect(weekly.urgency).toBeGreaterThan(yearly.urgency);
	});

	it('at the same lateness, higher trust is more urgent', () => {
		const close = b('A').cadence('monthly').trust(5).lastContact('2026-10-01').schedule(TODAY);
		const far = b('B').cadence('monthly').trust(1).lastContact('2026-10-01').schedule(TODAY);
		expect(close.urgency).toBeGreaterThan(far.urgency);
	});

	it('ties exactly where the arithmetic ties, so higher trust decides (5/7 × 1 against 4/7 × 1.25)', () => {
		const aaron = b('Aaron').cadence('weekly').trust(1).lastContact('2026-11-11').build();
		const bea = b('Bea').cadence('weekly').trust(2).lastContact('2026-11-12').build();
		expect(dueList([aaron, bea], TODAY, settings).map((sp) => sp.person.name)).toEqual(['Bea', 'Aaron']);
		expect(dueList([bea, aaron], TODAY, settings).map((sp) => sp.person.name)).toEqual(['Bea', 'Aaron']);
	});

	it('is zero for due today and for people with no due date', () => {
		expect(b().cadence('weekly').lastContact('2026-11-16').schedule(TODAY).urgency).toBe(0);
		expect(b().trust(5).schedule(TODAY).urgency).toBe(0);
		expect(b().schedule(TODAY).urgency).toBe(0);
	});
});

describe('dueList', () => {
	function roster(): Person[] {
		return [
			// overdue, by urgency: 14/7×1.5 = 3; 30/30×2 = 2; 10/30×1 = 0.33
			b('Weekly late').cadence('weekly').lastContact('2026-11-02').build(),
			b('Close late').trust(5).cadence('monthly').lastContact('2026-09-24').build(),
			b('Far late').trust(1).cadence('monthly').lastContact('2026-10-14').build(),
			// due today (urgency 0): after every overdue person, higher trust first
			b('Due low').trust(2).cadence('weekly').lastContact('2026-11-16').build(),
			b('Due high').trust(4).cadence('weekly').lastContact('2026-11-16').build(),
			// never contacted: trust first, then name
			b('Never 3').trust(3).build(),
			b('Never 5').trust(5).build(),
			b('Never none').cadence('weekly').build(),
			b('Aaa never 3').trust(3).build(),
			// soon: soonest first
			b('Soon 5 days').cadence('weekly').lastContact('2026-11-21').build(),
			b('Soon 1 day').cadence('weekly').lastContact('2026-11-17').build(),
			// invalid: by name
			b('Zed invalid').cadence('sometimes').build(),
			b('Bad invalid').status('gone').build(),
			// only with all
			b('Ok far').cadence('yearly').lastContact('2026-11-01').build(),
			b('Ok near').cadence('monthly').lastContact('2026-11-10').build(),
			b('Snoozed late').trust(3).snoozeUntil('2027-02-01').build(),
			b('Snoozed early').trust(3).snoozeUntil('2026-12-01').build(),
			b('Paused').trust(3).status('paused').build(),
			b('Archived').trust(3).status('archived').build(),
			b('Untracked B').build(),
			b('Untracked A').build(),
		];
	}

	it('orders the people needing action per DESIGN.md', () => {
		const list = dueList(roster(), TODAY, settings);
		expect(list.map((sp) => sp.person.name)).toEqual([
			'Weekly late',
			'Close late',
			'Far late',
			'Due high',
			'Due low',
			'Never 5',
			'Aaa never 3',
			'Never 3',
			'Never none',
			'Soon 1 day',
			'Soon 5 days',
			'Bad invalid',
			'Zed invalid',
		]);
		expect(list.every((sp) => needsAction(sp.status))).toBe(true);
	});

	it('with all, lists everyone: then up to date, snoozed, paused, archived, untracked', () => {
		const list = dueList(roster(), TODAY, settings, { all: true });
		expect(list.map((sp) => sp.person.name).slice(13)).toEqual([
			'Ok near',
			'Ok far',
			'Snoozed early',
			'Snoozed late',
			'Paused',
			'Archived',
			'Untracked A',
			'Untracked B',
		]);
		expect(list).toHaveLength(roster().length);
	});

	it('is deterministic whatever the input order, ties going by name then path', () => {
		const people = [
			...roster(),
			new PersonBuilder('Other/Weekly late.md').cadence('weekly').lastContact('2026-11-02').build(),
		];
		const names = (ps: Person[]): string[] => dueList(ps, TODAY, settings, { all: true }).map((sp) => sp.person.path);
		const forward = names(people);
		expect(names([...people].reverse())).toEqual(forward);
		expect(forward.indexOf('Other/Weekly late.md')).toBe(0);
		expect(forward.indexOf('People/Weekly late.md')).toBe(1);
	});

	it('takes any iterable', () => {
		const set = new Set(roster());
		expect(dueList(set.values(), TODAY, settings)).toHaveLength(13);
	});
});

describe('sections', () => {
	it('covers every status exactly once, action sections first', () => {
		const all = [...DUE_SECTIONS, ...OTHER_SECTIONS].map((s) => s.status);
		expect(new Set(all).size).toBe(10);
		expect(DUE_SECTIONS.map((s) => s.status)).toEqual(['overdue', 'due', 'never', 'soon', 'invalid']);
		expect(DUE_SECTIONS.every((s) => needsAction(s.status))).toBe(true);
		expect(OTHER_SECTIONS.some((s) => needsAction(s.status))).toBe(false);
	});
});

describe('words', () => {
	it.each<[number, string]>([
		[0, '0 days'],
		[1, '1 day'],
		[13, '13 days'],
		[14, '2 weeks'],
		[20, '2 weeks'],
		[21, '3 weeks'],
		[59, '8 weeks'],
		[60, '2 months'],
		[364, '12 months'],
		[729, '24 months'],
		[730, '2 years'],
		[1200, '3 years'],
		[-21, '3 weeks'],
	])('describeSpan(%d) = %s', (days, want) => {
		expect(describeSpan(days)).toBe(want);
	});

	it('describeSpanSince is never shorter nor a whole unit longer than the span: exact, or "over" it', () => {
		const add = (from: LocalDate, k: number, unit: string): LocalDate =>
			unit === 'day' ? addDaysLocal(from, k) : unit === 'week' ? addDaysLocal(from, 7 * k) : addMonthsLocal(from, unit === 'month' ? k : 12 * k);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 4000 }), (start, days) => {
				const from = addDaysLocal('2023-01-01', start);
				const to = addDaysLocal(from, days);
				const m = /^(over )?(\d+) (day|week|month|year)s?$/.exec(describeSpanSince(from, to));
				expect(m).not.toBeNull();
				const [, over, count, unit] = m ?? [];
				const said = add(from, Number(count), unit);
				expect(over === undefined ? said === to : said < to).toBe(true);
				expect(add(from, Number(count) + 1, unit) > to).toBe(true);
			}),
			{ numRuns: propertyRuns(2000) },
		);
		expect(describeSpanSince('2026-11-01', '2026-11-23')).toBe('over 3 weeks');
		expect(describeSpanSince('2026-11-02', '2026-11-23')).toBe('3 weeks');
		// 22 months and 22 days: 30-day months would say "over 23 months".
		expect(describeSpanSince('2025-01-01', '2026-11-23')).toBe('over 22 months');
		expect(describeSpanSince('2024-11-23', '2026-11-23')).toBe('2 years');
	});

	it.each<[string, PersonBuilder, string]>([
		['one day overdue', b().cadence('weekly').lastContact('2026-11-15'), '1 day overdue'],
		['two weeks overdue', b().cadence('weekly').lastContact('2026-11-02'), '2 weeks overdue'],
		['months overdue', b().cadence('weekly').lastContact('2026-08-01'), '3 months overdue'],
		['due today', b().cadence('weekly').lastContact('2026-11-16'), 'due today'],
		['due tomorrow', b().cadence('weekly').lastContact('2026-11-17'), 'due tomorrow'],
		['due in 3 days', b().cadence('weekly').lastContact('2026-11-19'), 'due in 3 days'],
		['due in weeks', b().cadence('yearly').lastContact('2025-12-20'), 'due in 3 weeks'],
		['never', b().trust(3), 'never contacted'],
		['snoozed', b().trust(3).snoozeUntil('2026-12-01'), 'snoozed until 2026-12-01'],
		['paused', b().trust(3).status('paused'), 'paused'],
		['archived', b().trust(3).status('archived'), 'archived'],
		['untracked', b(), 'not tracked'],
		['invalid', b().cadence('sometimes'), 'needs attention'],
	])('describeDue: %s', (_label, builder, want) => {
		expect(describeDue(builder.schedule(TODAY))).toBe(want);
	});

	it('describeProblem names the field and the value once', () => {
		expect(describeProblem({ field: 'cadence', value: 'sometimes', reason: '"sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)' })).toBe(
			'cadence: "sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)',
		);
		expect(describeProblem({ field: 'last_contact', value: '2026-12-01', reason: 'is in the future (today is 2026-11-23)' })).toBe(
			'last_contact: "2026-12-01" is in the future (today is 2026-11-23)',
		);
	});
});

/** A varied person: ties in every sort key, names the collator must order, bad values. */
const somePerson = fc
	.record({
		folder: fc.constantFrom('People', 'People/Work', 'Other'),
		name: fc.constantFrom('Ana', 'ana', 'Ben 2', 'Ben 10', 'Ben 010', 'Zoë', 'Émile', 'Dr. Ode', 'Li-Na', 'Ana Ruiz', 'Ana  Ruiz', 'O\'Neil', 'bob'),
		cadence: fc.option(fc.constantFrom('weekly', 'monthly', 'every 3 days', 'yearly', 'quarterly', 'sometimes', 14), { nil: undefined }),
		trust: fc.option(fc.constantFrom(1, 2, 3, 4, 5, 'high'), { nil: undefined }),
		last: fc.option(fc.integer({ min: -500, max: 3 }), { nil: undefined }),
		entry: fc.option(fc.integer({ min: -500, max: 3 }), { nil: undefined }),
		status: fc.option(fc.constantFrom('active', 'target', 'paused', 'archived', 'gone'), { nil: undefined }),
		snooze: fc.option(fc.integer({ min: -5, max: 40 }), { nil: undefined }),
	})
	.map((r) => {
		const pb = new PersonBuilder(`${r.folder}/${r.name}.md`);
		if (r.cadence !== undefined) pb.cadence(r.cadence);
		if (r.trust !== undefined) pb.trust(r.trust);
		if (r.last !== undefined) pb.lastContact(addDaysLocal(TODAY, r.last));
		if (r.entry !== undefined) pb.entry(addDaysLocal(TODAY, r.entry));
		if (r.status !== undefined) pb.status(r.status);
		if (r.snooze !== undefined) pb.snoozeUntil(addDaysLocal(TODAY, r.snooze));
		return pb.build();
	});
const somePeople = fc.uniqueArray(somePerson, { selector: (p) => p.path, maxLength: 40 });

describe('the due list at scale: same order, less work', () => {
	/** The comparison the list was sorted with before buckets, name keys and memos. */
	const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
	const GROUP: Record<DueStatus, number> = { overdue: 0, due: 0, never: 1, soon: 2, invalid: 3, ok: 4, snoozed: 5, paused: 6, archived: 7, untracked: 8 };
	const byDate = (x: LocalDate | null, y: LocalDate | null): number => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);
	const byTrust = (x: ScheduledPerson, y: ScheduledPerson): number => (y.person.trust ?? 0) - (x.person.trust ?? 0);
	// Urgencies as floating point, equal within rounding: the smallest real difference
	// between two (about 1e-10 at 100-year cadences) is far above a rounding error (1e-14).
	const byUrgency = (x: ScheduledPerson, y: ScheduledPerson): number => {
		const d = y.urgency - x.urgency;
		return Math.abs(d) < 1e-12 ? 0 : d;
	};
	function referenceCompare(x: ScheduledPerson, y: ScheduledPerson): number {
		const g = GROUP[x.status] - GROUP[y.status];
		if (g !== 0) return g;
		let c = 0;
		switch (GROUP[x.status]) {
			case 0:
				c = byUrgency(x, y) || byTrust(x, y) || (y.daysOverdue ?? 0) - (x.daysOverdue ?? 0);
				break;
			case 1:
				c = byTrust(x, y);
				break;
			case 2:
				c = byDate(x.due, y.due) || byUrgency(x, y);
				break;
			case 4:
				c = byDate(x.due, y.due);
				break;
			case 5:
				c = byDate(x.person.snoozeUntil, y.person.snoozeUntil);
				break;
		}
		return c || collator.compare(x.person.name, y.person.name) || (x.person.path < y.person.path ? -1 : x.person.path > y.person.path ? 1 : 0);
	}
	const reference = (people: Person[], all: boolean): string[] =>
		people
			.map((p) => schedulePerson(p, TODAY, settings))
			.filter((sp) => all || needsAction(sp.status))
			.sort(referenceCompare)
			.map((sp) => sp.person.path);

	it('sorts as one comparison over everyone did', () => {
		fc.assert(
			fc.property(somePeople, fc.boolean(), (people, all) => {
				expect(dueList(people, TODAY, settings, { all }).map((sp) => sp.person.path)).toEqual(reference(people, all));
				const sorted = [...people].map((p) => schedulePerson(p, TODAY, settings)).sort(compareDue);
				expect(sorted.map((sp) => sp.person.path)).toEqual(reference(people, true));
			}),
			{ numRuns: propertyRuns(500) },
		);
	});

	it('computes due dates on day numbers exactly as addCadence and diffDays do', () => {
		fc.assert(
			fc.property(somePerson, fc.integer({ min: -400, max: 400 }), (p, shift) => {
				const today = addDaysLocal(TODAY, shift);
				const sp = schedulePerson(p, today, settings);
				if (sp.due !== null && sp.lastContact !== null && p.cadence !== null) {
					expect(sp.due).toBe(addCadence(sp.lastContact, p.cadence));
					expect(sp.daysOverdue).toBe(diffDays(today, sp.due));
				}
			}),
			{ numRuns: propertyRuns(1000) },
		);
	});

	it('orders plain names as the collator does, without asking it', () => {
		const plain = fc.string({ unit: fc.constantFrom('a', 'B', 'z', 'Z', ' ', '0', '1', '2', '9'), maxLength: 10 });
		fc.assert(
			fc.property(plain, plain, (x, y) => {
				const want = Math.sign(collator.compare(x, y));
				expect(Math.sign(compareNames(x, y))).toBe(want);
				const kx = plainNameKey(x);
				const ky = plainNameKey(y);
				if (kx !== null && ky !== null) expect(kx < ky ? -1 : kx > ky ? 1 : 0).toBe(want);
			}),
			{ numRuns: propertyRuns(3000) },
		);
		// Not plain (punctuation, accents, a leading zero): the collator decides.
		expect(plainNameKey('Zoë')).toBeNull();
		expect(plainNameKey('Ben 010')).toBeNull();
		expect(Math.sign(compareNames('Émile', 'Emma'))).toBe(Math.sign(collator.compare('Émile', 'Emma')));
		expect(compareNames('Ben 2', 'Ben 10')).toBeLessThan(0);
	});

	it('patches a list after changes to exactly what a fresh list gives', () => {
		fc.assert(
			fc.property(somePeople, somePeople, fc.boolean(), (before, changes, all) => {
				const previous = dueList(before, TODAY, settings, { all });
				const { now, removed, added } = applyChanges(before, changes);
				const patched = patchDueList(previous, removed, added, TODAY, settings, { all });
				expect(patched.map((sp) => sp.person.path)).toEqual(dueList(now, TODAY, settings, { all }).map((sp) => sp.person.path));
			}),
			{ numRuns: propertyRuns(500) },
		);
	});

	it('places a person for the day and settings asked, even when the settings object is edited in place', () => {
		const ana = b('Ana').cadence('weekly').lastContact('2026-11-20').build();
		const first = dueList([ana], TODAY, settings, { all: true })[0];
		expect(dueList([ana], TODAY, settings, { all: true })[0]).toEqual(first);
		expect(dueList([ana], TODAY, settingsWith(), { all: true })[0]).toEqual(first);
		expect(first.status).toBe('soon');
		// A narrower soon window (even on the same settings object) re-places her.
		const narrow = settingsWith({ soonWindowDays: 2 });
		expect(dueList([ana], TODAY, narrow, { all: true })[0].status).toBe('ok');
		narrow.soonWindowDays = 7;
		expect(dueList([ana], TODAY, narrow, { all: true })[0].status).toBe('soon');
		expect(dueList([ana], '2026-11-28', settings, { all: true })[0].status).toBe('overdue');
	});
});
