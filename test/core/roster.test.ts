// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysLocal } from '../../src/core/dates';
import { Roster, samePerson } from '../../src/core/roster';
import { dueList } from '../../src/core/schedule';
import { defaultSettings } from '../../src/core/settings';
import type { Person } from '../../src/core/types';
import { PersonBuilder, propertyRuns, settingsWith } from '../builders';

const settings = defaultSettings();
const TODAY = '2026-11-23';

function ana(): PersonBuilder {
	return new PersonBuilder('People/Ana Ruiz.md').trust(4).lastContact('2026-10-01').aliases(['Annie']);
}

describe('Roster: upsert, remove, rename, revision', () => {
	it('starts empty', () => {
		const r = new Roster();
		expect(r.size).toBe(0);
		expect(r.revision).toBe(0);
		expect(r.all()).toEqual([]);
	});

	it('adds a new person without a lookup (a fresh build), and patches the due list after it', () => {
		const r = new Roster();
		const ben = new PersonBuilder('People/Ben.md').trust(2).lastContact('2026-01-01').build();
		r.add(ana().build());
		expect(r.revision).toBe(1);
		const before = r.dueList(TODAY, settings, { all: true });
		r.add(ben);
		expect(r.revision).toBe(2);
		expect(r.get('People/Ben.md')).toBe(ben);
		// Patched from the list before, it is the list computed afresh.
		const after = r.dueList(TODAY, settings, { all: true });
		expect(after).not.toBe(before);
		expect(after).toEqual(dueList([ana().build(), ben], TODAY, settings, { all: true }));
		// Read again, the same person changes nothing.
		expect(r.upsert(new PersonBuilder('People/Ben.md').trust(2).lastContact('2026-01-01').build())).toBe(false);
	});

	it('adds and replaces, bumping the revision only on a real change', () => {
		const r = new Roster();
		expect(r.upsert(ana().build())).toBe(true);
		expect(r.revision).toBe(1);
		expect(r.size).toBe(1);
		// The same note read again (a new but equal object): no change, no redraw.
		expect(r.upsert(ana().build())).toBe(false);
		expect(r.revision).toBe(1);
		expect(r.upsert(ana().trust(5).build())).toBe(true);
		expect(r.revision).toBe(2);
		expect(r.get('People/Ana Ruiz.md')?.trust).toBe(5);
		// A new log line is a change too.
		expect(r.upsert(ana().trust(5).entry('2026-11-20', { text: 'coffee' }).build())).toBe(true);
		expect(r.revision).toBe(3);
	});

	it('removes', () => {
		const r = new Roster();
		r.upsert(ana().build());
		expect(r.remove('People/Nobody.md')).toBe(false);
		expect(r.revision).toBe(1);
		expect(r.remove('People/Ana Ruiz.md')).toBe(true);
		expect(r.revision).toBe(2);
		expect(r.size).toBe(0);
		expect(r.get('People/Ana Ruiz.md')).toBeUndefined();
	});

	it('renames, carrying the person over with a new path and name', () => {
		const r = new Roster();
		r.upsert(ana().build());
		r.rename('People/Ana Ruiz.md', 'People/Friends/Ana R.md');
		expect(r.revision).toBe(2);
		expect(r.has('People/Ana Ruiz.md')).toBe(false);
		expect(r.get('People/Friends/Ana R.md')).toMatchObject({ path: 'People/Friends/Ana R.md', name: 'Ana R', trust: 4 });
	});

	it('renames with a person re-read at the new path', () => {
		const r = new Roster();
		r.upsert(ana().build());
		const moved = ana().at('Archive/Ana Ruiz.md').status('archived').build();
		r.rename('People/Ana Ruiz.md', 'Archive/Ana Ruiz.md', moved);
		expect(r.all()).toEqual([moved]);
	});

	it('a rename of an unknown note changes nothing', () => {
		const r = new Roster();
		r.rename('a.md', 'b.md');
		expect(r.revision).toBe(0);
		expect(r.size).toBe(0);
	});

	it('clears', () => {
		const r = new Roster();
		r.clear();
		expect(r.revision).toBe(0);
		r.upsert(ana().build());
		r.clear();
		expect(r.size).toBe(0);
		expect(r.revision).toBe(2);
	});

	it('lists everyone in path order', () => {
		const r = new Roster();
		r.upsert(new PersonBuilder('People/b.md').build());
		r.upsert(new PersonBuilder('People/a.md').build());
		r.upsert(new PersonBuilder('A/z.md').build());
		expect(r.all().map((p) => p.path)).toEqual(['A/z.md', 'People/a.md', 'People/b.md']);
	});
});

describe('samePerson', () => {
	it('compares structure, not identity', () => {
		expect(samePerson(ana().build(), ana().build())).toBe(true);
		expect(samePerson(ana().build(), ana().circles(['work']).build())).toBe(false);
		expect(samePerson({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
		expect(samePerson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
		expect(samePerson({ a: null }, { b: null })).toBe(false);
		expect(samePerson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(samePerson([], {})).toBe(false);
	});
});

describe('Roster.dueList', () => {
	it('matches schedule.dueList and is cached until the roster changes', () => {
		const r = new Roster();
		r.upsert(ana().build());
		r.upsert(new PersonBuilder('People/Ben.md').trust(5).build());
		const first = r.dueList(TODAY, settings);
		expect(first.map((sp) => [sp.person.name, sp.status])).toEqual([
			['Ana Ruiz', 'overdue'],
			['Ben', 'never'],
		]);
		const again = r.dueList(TODAY, settings);
		expect(again).toEqual(first);
		expect(again[0]).toBe(first[0]); // the same computed objects: served from the cache
		expect(again).toBe(first); // the same array: served from the cache, not copied

		// Another day, `all`, or other settings: computed afresh.
		expect(r.dueList('2026-10-02', settings)[0]).not.toBe(first[0]);
		expect(r.dueList(TODAY, settings, { all: true })[0]).not.toBe(first[0]);
		expect(r.dueList(TODAY, settingsWith({ soonWindowDays: 1 }))[0]).not.toBe(first[0]);
		expect(r.dueList(TODAY, settings)[0]).toBe(first[0]);

		r.upsert(ana().lastContact('2026-11-20').build());
		const after = r.dueList(TODAY, settings);
		expect(after.map((sp) => sp.person.name)).toEqual(['Ben']);
	});

	it('an upsert that changes nothing keeps the cache', () => {
		const r = new Roster();
		r.upsert(ana().build());
		const first = r.dueList(TODAY, settings);
		r.upsert(ana().build());
		expect(r.dueList(TODAY, settings)[0]).toBe(first[0]);
	});
});

describe('Roster.find', () => {
	function roster(): Roster {
		const r = new Roster();
		r.upsert(ana().build());
		r.upsert(new PersonBuilder('People/Ben Ode.md').aliases(['Benny', 'B']).build());
		r.upsert(new PersonBuilder('People/Work/Sam.md').aliases(['B']).build());
		r.upsert(new PersonBuilder('People/Family/Sam.md').build());
		r.upsert(new PersonBuilder('People/Annie.md').build());
		// A name with an accent, as a macOS file name holds it (e and a combining accent).
		r.upsert(new PersonBuilder('People/Zoe\u0308 O\u0308lm.md').aliases(['Zo\u00eb']).build());
		return r;
	}

	it.each<[string, string]>([
		['People/Ana Ruiz.md', 'People/Ana Ruiz.md'],
		['People/Ana Ruiz', 'People/Ana Ruiz.md'],
		['people/ana ruiz.md', 'People/Ana Ruiz.md'],
		['Ana Ruiz', 'People/Ana Ruiz.md'],
		['ana ruiz', 'People/Ana Ruiz.md'],
		['  Ana Ruiz  ', 'People/Ana Ruiz.md'],
		['[[Ana Ruiz]]', 'People/Ana Ruiz.md'],
		['Benny', 'People/Ben Ode.md'],
		['benny', 'People/Ben Ode.md'],
		['People/Work/Sam', 'People/Work/Sam.md'],
		// Accents typed either way find the same person, by name, path or alias.
		['Zo\u00eb \u00d6lm', 'People/Zoe\u0308 O\u0308lm.md'],
		['people/zo\u00eb \u00f6lm', 'People/Zoe\u0308 O\u0308lm.md'],
		['Zoe\u0308', 'People/Zoe\u0308 O\u0308lm.md'],
	])('%j → %s', (query, path) => {
		const found = roster().find(query);
		expect(found).toMatchObject({ ok: true, person: { path } });
	});

	it('refuses a name that is also someone else\'s alias, listing both', () => {
		expect(roster().find('annie')).toEqual({
			ok: false,
			reason: '"annie" matches more than one person: People/Ana Ruiz.md, People/Annie.md',
		});
		// A person whose name and alias are the same word is one match.
		const r = new Roster();
		r.upsert(new PersonBuilder('People/Bea.md').aliases(['bea']).build());
		expect(r.find('Bea')).toMatchObject({ ok: true, person: { path: 'People/Bea.md' } });
	});

	it('lists the candidates when a name is ambiguous', () => {
		expect(roster().find('sam')).toEqual({
			ok: false,
			reason: '"sam" matches more than one person: People/Family/Sam.md, People/Work/Sam.md',
		});
		expect(roster().find('B')).toEqual({
			ok: false,
			reason: '"B" matches more than one person: People/Ben Ode.md, People/Work/Sam.md',
		});
	});

	it('says when nobody matches', () => {
		expect(roster().find('Zoe')).toEqual({ ok: false, reason: 'no person called "Zoe"' });
		expect(roster().find('  ')).toEqual({ ok: false, reason: 'no person given' });
	});
});

describe('Roster.dueList after changes (patched from the last list)', () => {
	const names = ['Ana', 'Ben', 'Cleo', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal'];
	const somePerson = fc
		.record({
			name: fc.constantFrom(...names),
			trust: fc.option(fc.constantFrom(1, 3, 5, 'x'), { nil: undefined }),
			last: fc.option(fc.integer({ min: -90, max: 2 }), { nil: undefined }),
			status: fc.option(fc.constantFrom('paused', 'archived'), { nil: undefined }),
			// Log entries, one of them perhaps dated after today (a problem on that day only).
			entries: fc.array(fc.integer({ min: -40, max: 2 }), { maxLength: 2 }),
		})
		.map((r): Person => {
			const pb = new PersonBuilder(`People/${r.name}.md`);
			if (r.trust !== undefined) pb.trust(r.trust);
			if (r.last !== undefined) pb.lastContact(addDaysLocal(TODAY, r.last));
			if (r.status !== undefined) pb.status(r.status);
			for (const d of r.entries) pb.entry(addDaysLocal(TODAY, d));
			return pb.build();
		});
	type Op =
		| { kind: 'upsert'; person: Person }
		| { kind: 'remove' | 'clear' | 'list'; name: string; all: boolean; today: number }
		| { kind: 'rename'; from: string; to: string; carry: boolean };
	const op: fc.Arbitrary<Op> = fc.oneof(
		{ weight: 5, arbitrary: somePerson.map((person) => ({ kind: 'upsert' as const, person })) },
		{ weight: 2, arbitrary: fc.constantFrom(...names).map((name) => ({ kind: 'remove' as const, name, all: false, today: 0 })) },
		{ weight: 1, arbitrary: fc.constant({ kind: 'clear' as const, name: '', all: false, today: 0 }) },
		{
			weight: 2,
			arbitrary: fc.record({ from: fc.constantFrom(...names), to: fc.constantFrom(...names), carry: fc.boolean() }).map((r) => ({ kind: 'rename' as const, ...r })),
		},
		{
			weight: 4,
			arbitrary: fc.record({ all: fc.boolean(), today: fc.constantFrom(0, 0, 0, 1) }).map((r) => ({ kind: 'list' as const, name: '', ...r })),
		},
	);

	it('always gives what a fresh list over everyone gives', () => {
		fc.assert(
			fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
				const r = new Roster();
				for (const o of ops) {
					if (o.kind === 'upsert') r.upsert(o.person);
					else if (o.kind === 'remove') r.remove(`People/${o.name}.md`);
					else if (o.kind === 'clear') r.clear();
					else if (o.kind === 'rename') {
						const to = `People/${o.to}.md`;
						r.rename(`People/${o.from}.md`, to, o.carry ? undefined : new PersonBuilder(to).trust(2).build());
					} else {
						const today = addDaysLocal(TODAY, o.today);
						const want = dueList([...r.values()], today, settings, { all: o.all }).map((sp) => sp.person.path);
						expect(r.dueList(today, settings, { all: o.all }).map((sp) => sp.person.path)).toEqual(want);
					}
					// Kept as people come and go: who has a problem in a list of everyone placed.
					if (o.kind === 'list') {
						const today = addDaysLocal(TODAY, o.today);
						const placed = dueList([...r.values()], today, settings, { all: true });
						expect(r.problemCount(today)).toBe(placed.filter((sp) => sp.problems.length > 0).length);
					}
				}
				for (const all of [false, true]) {
					const want = dueList(r.all(), TODAY, settings, { all }).map((sp) => sp.person.path);
					expect(r.dueList(TODAY, settings, { all }).map((sp) => sp.person.path)).toEqual(want);
				}
			}),
			{ numRuns: propertyRuns(400) },
		);
	});

	it('hands out one list per revision, and a new one after a change', () => {
		const r = new Roster();
		r.upsert(ana().build());
		const list = r.dueList(TODAY, settings, { all: true });
		expect(r.dueList(TODAY, settings, { all: true })).toBe(list);
		r.upsert(new PersonBuilder('People/Ben.md').trust(5).build());
		const next = r.dueList(TODAY, settings, { all: true });
		expect(next).not.toBe(list);
		expect(list.map((sp) => sp.person.name)).toEqual(['Ana Ruiz']);
		expect(next.map((sp) => sp.person.name)).toEqual(['Ana Ruiz', 'Ben']);
	});

	it('iterates people and paths unsorted without copying, all() stays in path order', () => {
		const r = new Roster();
		r.upsert(new PersonBuilder('People/b.md').build());
		r.upsert(new PersonBuilder('People/a.md').build());
		expect([...r.paths()]).toEqual(['People/b.md', 'People/a.md']);
		expect([...r.values()].map((p) => p.path)).toEqual(['People/b.md', 'People/a.md']);
		expect(r.all().map((p) => p.path)).toEqual(['People/a.md', 'People/b.md']);
	});
});
