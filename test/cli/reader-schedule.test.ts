// loadVault with `scheduleFor` (what `due` and `ics` read) against the whole log, on the
// real fixture vaults: the same people, in the same order, with the same due list, JSON
// and calendar, for todays before, inside and after the logs.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDueJson } from '../../src/cli/due-json';
import { loadVault } from '../../src/cli/vault';
import { buildCalendar } from '../../src/core/ics';
import { dueList } from '../../src/core/schedule';
import { EXAMPLE_VAULT, FIXTURES } from './helpers';

const VAULTS = [path.join(FIXTURES, 'due-vault'), path.join(FIXTURES, 'settings-vault'), path.join(FIXTURES, 'log-vault'), EXAMPLE_VAULT];
const TODAYS = ['2020-01-01', '2026-02-28', '2026-11-01', '2026-11-23', '2026-12-31', '2030-06-15'];

describe('loadVault({ scheduleFor })', () => {
	it.each(VAULTS.flatMap((vault) => TODAYS.map((today) => [path.basename(vault), vault, today])))('%s on %s', (_name, vault, today) => {
		const whole = loadVault(vault);
		const forDue = loadVault(vault, { scheduleFor: today });
		expect(forDue.people.map((p) => p.path)).toEqual(whole.people.map((p) => p.path));
		expect(forDue.warnings).toEqual(whole.warnings);
		for (const all of [false, true]) {
			const a = dueList(forDue.people, today, forDue.settings, { all }).map(toDueJson);
			const b = dueList(whole.people, today, whole.settings, { all }).map(toDueJson);
			expect(a).toEqual(b);
		}
		expect(buildCalendar(forDue.people, today, forDue.settings)).toBe(buildCalendar(whole.people, today, whole.settings));
	});

	it('keeps only the entries the schedule reads', () => {
		const today = '2026-11-23';
		const whole = loadVault(EXAMPLE_VAULT);
		const forDue = loadVault(EXAMPLE_VAULT, { scheduleFor: today });
		whole.people.forEach((p, i) => {
			const future = p.log.filter((e) => e.date > today);
			const newest = p.log.find((e) => e.date <= today);
			expect(forDue.people[i].log).toEqual(newest ? [...future, newest] : future);
		});
		expect(whole.people.some((p) => p.log.length > 1)).toBe(true);
	});
});
