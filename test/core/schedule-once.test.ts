// DueListBuilder (the list fed one person at a time, as the command line does) against dueList, the
// list the plugin's roster keeps and patches: the same people in the same order with the
// same placements, for random people, todays and settings; and patchDueList, handed a
// list that was built once, gives what dueList gives for the people after the change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysLocal } from '../../src/core/dates';
import { DueListBuilder, dueList, patchDueList } from '../../src/core/schedule';
import type { KindredSettings } from '../../src/core/settings';
import type { Person } from '../../src/core/types';
import { applyChanges, freezeClockAtLocalNoon, PersonBuilder, propertyRuns, settingsWith } from '../builders';

const BASE = '2026-11-23';

// Nothing here reads the clock (today is passed in), but a stray "now" must not make
// the result depend on the day or the zone the suite runs in.
freezeClockAtLocalNoon(BASE);

/** Settings that change a placement: the soon window, the last-contact key, a default cadence. */
const someSettings = fc
	.record({
		soonWindowDays: fc.integer({ min: 0, max: 14 }),
		lastContact: fc.constantFrom('last_contact', 'lastContact', 'prm-last-contacted'),
		trust3: fc.constantFrom('every 3 months', 'monthly', 'every 10 days', 'not a cadence'),
	})
	.map((r) => settingsWith({ soonWindowDays: r.soonWindowDays, keys: { lastContact: r.lastContact }, cadenceByTrust: { '3': r.trust3 } }));

/** One note's worth of values, built into a Person under given settings. */
const someNote = fc.record({
	folder: fc.constantFrom('People', 'People/Work', 'Other'),
	// Ties on name (case, spacing), numbers the collator orders, names it must order.
	name: fc.constantFrom('Ana', 'ana', 'Ana Ruiz', 'Ana  Ruiz', 'Ben 2', 'Ben 10', 'Ben 010', 'Zoë', 'Émile', 'Dr. Ode', 'Li-Na', "O'Neil", 'bob'),
	cadence: fc.option(fc.constantFrom('weekly', 'monthly', 'every 3 days', 'yearly', 'quarterly', 'sometimes', 14), { nil: undefined }),
	trust: fc.option(fc.constantFrom(1, 2, 3, 4, 5, 'high'), { nil: undefined }),
	last: fc.option(fc.integer({ min: -500, max: 5 }), { nil: undefined }),
	entries: fc.array(fc.integer({ min: -500, max: 5 }), { maxLength: 3 }),
	status: fc.option(fc.constantFrom('active', 'target', 'paused', 'archived', 'gone'), { nil: undefined }),
	snooze: fc.option(fc.integer({ min: -5, max: 40 }), { nil: undefined }),
	// Good and bad links: a bad one is a problem the list carries.
	knows: fc.option(fc.constantFrom(['[[Ana]]'], ['Ana'], '[[Ben]]', 42), { nil: undefined }),
});

type Note = typeof someNote extends fc.Arbitrary<infer T> ? T : never;

function build(n: Note, settings: KindredSettings): Person {
	const pb = new PersonBuilder(`${n.folder}/${n.name}.md`, settings);
	if (n.cadence !== undefined) pb.cadence(n.cadence);
	if (n.trust !== undefined) pb.trust(n.trust);
	if (n.last !== undefined) pb.lastContact(addDaysLocal(BASE, n.last));
	for (const d of n.entries) pb.entry(addDaysLocal(BASE, d), { text: `note ${d}` });
	if (n.status !== undefined) pb.status(n.status);
	if (n.snooze !== undefined) pb.snoozeUntil(addDaysLocal(BASE, n.snooze));
	if (n.knows !== undefined) pb.knows(n.knows);
	return pb.build();
}

const someNotes = fc.uniqueArray(someNote, { selector: (n) => `${n.folder}/${n.name}`, maxLength: 30 });
/** Today near the people's dates, so every status turns up. */
const someToday = fc.integer({ min: -60, max: 400 }).map((shift) => addDaysLocal(BASE, shift));

describe('DueListBuilder', () => {
	it('gives the same list for the same people read twice (nothing remembered per Person object)', () => {
		fc.assert(
			fc.property(someNotes, someToday, someSettings, fc.boolean(), (notes, today, settings, all) => {
				// Fresh Person objects for each list, so neither reads what the other remembered.
				const once = dueList(
					notes.map((n) => build(n, settings)),
					today,
					settings,
					{ all },
				);
				const kept = dueList(
					notes.map((n) => build(n, settings)),
					today,
					settings,
					{ all },
				);
				expect(once).toEqual(kept);
			}),
			{ numRuns: propertyRuns(500) },
		);
	});

	it('lists everyone added so far, also when asked between additions', () => {
		fc.assert(
			fc.property(someNotes, fc.nat(), someToday, someSettings, fc.boolean(), (notes, cut, today, settings, all) => {
				const people = notes.map((n) => build(n, settings));
				const k = people.length === 0 ? 0 : cut % (people.length + 1);
				const builder = new DueListBuilder(today, settings, { all });
				people.slice(0, k).forEach((p) => builder.add(p));
				expect(builder.list()).toEqual(dueList(people.slice(0, k), today, settings, { all }));
				people.slice(k).forEach((p) => builder.add(p));
				expect(builder.list()).toEqual(dueList(people, today, settings, { all }));
			}),
			{ numRuns: propertyRuns(300) },
		);
	});
});

describe('patchDueList on a list built in one go', () => {
	it('gives what dueList gives for the people after the change', () => {
		fc.assert(
			fc.property(
				someNotes,
				someNotes,
				someToday,
				someSettings,
				fc.boolean(),
				fc.boolean(),
				(before, changes, today, settings, all, warm) => {
					const people = before.map((n) => build(n, settings));
					const previous = dueList(people, today, settings, { all });
					// Warm: dueList has placed the same Person objects for this day too, so any
					// placement core remembers for them is not the entry `previous` holds.
					if (warm) dueList(people, today, settings, { all });
					const { now, removed, added } = applyChanges(
						people,
						changes.map((n) => build(n, settings)),
					);
					const patched = patchDueList(previous, removed, added, today, settings, { all });
					expect(patched).toEqual(dueList(now, today, settings, { all }));
				},
			),
			{ numRuns: propertyRuns(500) },
		);
	});

	it('moves one edited person to their new place, up, down or nowhere, as a fresh list has it', () => {
		fc.assert(
			fc.property(
				someNotes.filter((ns) => ns.length > 0),
				fc.nat(),
				someNote,
				fc.boolean(),
				someToday,
				someSettings,
				fc.boolean(),
				(before, pick, edit, samePath, today, settings, all) => {
					const people = before.map((n) => build(n, settings));
					const previous = dueList(people, today, settings, { all });
					const k = pick % people.length;
					const old = people[k];
					// The same note edited (the usual change), or one note gone and another come.
					const now = build(samePath ? { ...edit, folder: before[k].folder, name: before[k].name } : edit, settings);
					if (!samePath && people.some((p) => p.path === now.path)) return;
					const after = people.map((p) => (p === old ? now : p));
					const patched = patchDueList(previous, [old], [now], today, settings, { all });
					expect(patched).toEqual(dueList(after, today, settings, { all }));
					// The list handed out before is left as it was.
					expect(previous).toEqual(dueList(people, today, settings, { all }));
				},
			),
			{ numRuns: propertyRuns(800) },
		);
	});

	it('takes a single change out and puts it back in place', () => {
		const settings = settingsWith();
		const ana = new PersonBuilder('People/Ana.md').cadence('weekly').lastContact('2026-11-02').build();
		const ben = new PersonBuilder('People/Ben.md').cadence('weekly').lastContact('2026-11-10').build();
		const cy = new PersonBuilder('People/Cy.md').trust(4).build();
		const previous = dueList([ana, ben, cy], BASE, settings);
		expect(previous.map((sp) => sp.person.name)).toEqual(['Ana', 'Ben', 'Cy']);
		// Ben was contacted today: due again in 7 days, so soon, after the never contacted.
		const benNow = new PersonBuilder('People/Ben.md').cadence('weekly').lastContact(BASE).build();
		const patched = patchDueList(previous, [ben], [benNow], BASE, settings);
		expect(patched.map((sp) => [sp.person.name, sp.status])).toEqual([
			['Ana', 'overdue'],
			['Cy', 'never'],
			['Ben', 'soon'],
		]);
		expect(patched).toEqual(dueList([ana, benNow, cy], BASE, settings));
	});
});
