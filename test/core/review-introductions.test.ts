// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byName } from '../../src/core/by-name';
import { circlesOf } from '../../src/core/circles';
import { knownPairs, linkResolver, noteLookup, reachOf, suggestIntroductions } from '../../src/core/introductions';
import type { Person } from '../../src/core/types';
import { PersonBuilder, person } from '../builders';

describe('linkResolver', () => {
	const people = [
		person('Ana Ruiz', (b) => b.aliases(['Ana'])),
		new PersonBuilder('Work/Ben Ode.md').build(),
		new PersonBuilder('People/Sam.md').build(),
		new PersonBuilder('Work/Sam.md').build(),
	];
	const resolve = linkResolver(people);

	it.each([
		['Ana Ruiz', ['People/Ana Ruiz.md']],
		['ana ruiz', ['People/Ana Ruiz.md']],
		['Ana', ['People/Ana Ruiz.md']],
		['People/Ana Ruiz', ['People/Ana Ruiz.md']],
		['People/Ana Ruiz.md', ['People/Ana Ruiz.md']],
		['Elsewhere/Ana Ruiz', ['People/Ana Ruiz.md']],
		['Ben Ode', ['Work/Ben Ode.md']],
		['Work/Sam', ['Work/Sam.md']],
		['Sam', ['People/Sam.md', 'Work/Sam.md']],
		['Priya Shah', []],
	])('%j → %j', (target, want) => {
		expect(resolve(target).sort()).toEqual([...want].sort());
	});

	it('matches accented names written in either Unicode form', () => {
		const r = linkResolver([person('Inês')]);
		expect(r('Ine\u0302s')).toEqual(['People/Inês.md']);
	});
});

describe('reachOf', () => {
	it('counts direct people not archived, and second degree only outside your notes', () => {
		const people = [
			person('Ana Ruiz', (b) => b.aliases(['Ana']).knows(['[[Ben Ode]]', '[[Priya Shah]]', '[[Zoe Kim|Zoe]]'])),
			person('Ben Ode', (b) => b.knows(['[[priya shah]]', '[[Ana]]', '[[Gone]]'])),
			person('Cy', (b) => b.knows(['[[Elsewhere/Priya Shah]]', '[[Ana Ruiz#Work]]'])),
			person('Gone', (b) => b.status('archived').knows(['[[Only Gone Knows]]'])),
		];
		expect(reachOf(people)).toEqual({ direct: 3, secondDegree: 2 });
	});

	it('is zero for no one', () => {
		expect(reachOf([])).toEqual({ direct: 0, secondDegree: 0 });
	});

	it('counts no one for a link to a note that is not a person (a company), by name or path', () => {
		const people = [person('Ana', (b) => b.knows(['[[Acme Corp]]', '[[Orgs/Beta Labs|Beta]]', '[[Ghost Person]]', '[[acme corp.md]]']))];
		const isNote = noteLookup(['Orgs/Acme Corp.md', 'Orgs/Beta Labs.md', 'People/Ana.md', 'Daily/2026-11-23.md']);
		expect(reachOf(people, isNote)).toEqual({ direct: 1, secondDegree: 1 });
		// Without the vault's notes, every link that names no person is someone.
		expect(reachOf(people)).toEqual({ direct: 1, secondDegree: 3 });
	});
});

describe('knownPairs', () => {
	it('links both ways, ignores self links and counts an ambiguous link as all its matches', () => {
		const people = [
			person('A', (b) => b.knows(['[[B]]', '[[A]]'])),
			person('B'),
			new PersonBuilder('X/C.md').knows(['[[Sam]]']).build(),
			new PersonBuilder('P/Sam.md').build(),
			new PersonBuilder('Q/Sam.md').build(),
		];
		const pairs = knownPairs(people, linkResolver(people));
		expect(pairs.size).toBe(3);
		expect(pairs.has('People/A.md\u0000People/B.md')).toBe(true);
		expect(pairs.has('P/Sam.md\u0000X/C.md')).toBe(true);
		expect(pairs.has('Q/Sam.md\u0000X/C.md')).toBe(true);
	});
});

describe('suggestIntroductions', () => {
	it('suggests two people who share a circle and do not know each other, not a linked pair', () => {
		const intros = suggestIntroductions([
			person('Lena', (b) => b.circles(['Climbing'])),
			person('Kofi', (b) => b.circles(['climbing'])),
			person('Ana', (b) => b.circles(['design']).knows(['[[Ben]]'])),
			person('Ben', (b) => b.circles(['Design'])),
		]);
		expect(intros).toEqual([
			{
				a: 'People/Kofi.md',
				b: 'People/Lena.md',
				aName: 'Kofi',
				bName: 'Lena',
				circles: ['climbing'],
				reason: 'both in climbing',
			},
		]);
	});

	it('treats a link in either direction as knowing each other', () => {
		const intros = suggestIntroductions([
			person('A', (b) => b.circles(['x'])),
			person('B', (b) => b.circles(['x']).knows(['[[A]]'])),
		]);
		expect(intros).toEqual([]);
	});

	it('leaves out archived and paused people', () => {
		const intros = suggestIntroductions([
			person('A', (b) => b.circles(['x'])),
			person('B', (b) => b.circles(['x']).status('paused')),
			person('C', (b) => b.circles(['x']).status('archived')),
			person('D', (b) => b.circles(['x']).status('target')),
		]);
		expect(intros.map((i) => [i.aName, i.bName])).toEqual([['A', 'D']]);
	});

	it('ranks by shared circles, then combined trust, and lists shared circles alphabetically', () => {
		const intros = suggestIntroductions([
			person('A', (b) => b.trust(1).circles(['work', 'design', 'music'])),
			person('B', (b) => b.trust(1).circles(['music', 'work', 'design'])),
			person('C', (b) => b.trust(5).circles(['music'])),
			person('D', (b) => b.trust(5).circles(['music'])),
		]);
		expect(intros.map((i) => `${i.aName}-${i.bName}: ${i.reason}`)).toEqual([
			'A-B: both in design, music, work',
			'C-D: both in music',
			'A-C: both in music',
			'A-D: both in music',
			'B-C: both in music',
			'B-D: both in music',
		]);
	});

	it('stops at the limit (10 by default)', () => {
		const people = Array.from({ length: 8 }, (_, i) => person(`P${i}`, (b) => b.circles(['x'])));
		expect(suggestIntroductions(people)).toHaveLength(10);
		expect(suggestIntroductions(people, 3)).toHaveLength(3);
	});
});

/** The rule stated plainly, over all pairs: what the bucketed, top-N version must equal. */
function bruteForce(people: Person[], limit: number): string[] {
	const known = knownPairs(people, linkResolver(people));
	const ok = people.filter((p) => p.status !== 'archived' && p.status !== 'paused' && p.energy !== 'drains');
	const rows: { a: Person; b: Person; shared: string[] }[] = [];
	for (let i = 0; i < ok.length; i++) {
		for (let j = i + 1; j < ok.length; j++) {
			const [a, b] = byName(ok[i], ok[j]) <= 0 ? [ok[i], ok[j]] : [ok[j], ok[i]];
			const shared = circlesOf(a)
				.filter((c) => circlesOf(b).includes(c))
				.sort();
			const k = a.path < b.path ? `${a.path}\u0000${b.path}` : `${b.path}\u0000${a.path}`;
			if (shared.length > 0 && !known.has(k)) rows.push({ a, b, shared });
		}
	}
	const trust = (r: { a: Person; b: Person }) => (r.a.trust ?? 0) + (r.b.trust ?? 0);
	return rows
		.sort((x, y) => y.shared.length - x.shared.length || trust(y) - trust(x) || byName(x.a, y.a) || byName(x.b, y.b))
		.slice(0, limit)
		.map((r) => `${r.a.path}|${r.b.path}|${r.shared.join(',')}`);
}

describe('suggestIntroductions (property)', () => {
	it('equals the plain all-pairs rule', () => {
		const someone = fc.record({
			circles: fc.subarray(['A', 'a', 'b', 'c', 'd']),
			knows: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]),
			trust: fc.option(fc.integer({ min: 1, max: 5 })),
			status: fc.constantFrom('active', 'target', 'paused', 'archived'),
			energy: fc.constantFrom(null, 'gives', 'drains'),
			introducedBy: fc.option(fc.integer({ min: 0, max: 7 })),
		});
		fc.assert(
			fc.property(fc.array(someone, { maxLength: 8 }), fc.integer({ min: 0, max: 12 }), (specs, limit) => {
				const people = specs.map((s, i) =>
					person(`P${i}`, (b) =>
						b
							.circles(s.circles)
							.knows(s.knows.map((k) => `[[P${k}]]`))
							.trust(s.trust ?? undefined)
							.status(s.status)
							.energy(s.energy ?? undefined)
							.introducedBy(s.introducedBy === null ? undefined : `P${s.introducedBy}`),
					),
				);
				const got = suggestIntroductions(people, limit).map((x) => `${x.a}|${x.b}|${x.circles.join(',')}`);
				expect(got).toEqual(bruteForce(people, limit));
			}),
			{ numRuns: 300 },
		);
	});

	it('equals the plain all-pairs rule with many ties, where the best few are cut short', () => {
		// Few trust values and circles, many people and a small limit: most pairs tie with the
		// worst kept, so the passes-over (by shared circles, trust and name) are all taken.
		const someone = fc.record({
			circles: fc.subarray(['x', 'y', 'z']),
			knows: fc.subarray([0, 1, 2, 3, 4, 5]),
			trust: fc.constantFrom(null, 3, 3, 5),
		});
		fc.assert(
			fc.property(fc.array(someone, { minLength: 10, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (specs, limit) => {
				const people = specs.map((s, i) =>
					person(`P${String(i).padStart(2, '0')}`, (b) =>
						b
							.circles(s.circles)
							.knows(s.knows.map((k) => `[[P${String((i + k + 1) % specs.length).padStart(2, '0')}]]`))
							.trust(s.trust ?? undefined),
					),
				);
				const got = suggestIntroductions(people, limit).map((x) => `${x.a}|${x.b}|${x.circles.join(',')}`);
				expect(got).toEqual(bruteForce(people, limit));
			}),
			{ numRuns: 300 },
		);
	});

	it('leaves out pairs who met through introduced_by, and people who drain you', () => {
		const people = [
			person('Ana', (b) => b.circles(['climbing']).trust(4)),
			person('Cat', (b) => b.circles(['climbing']).trust(5).introducedBy('[[Ana]]')),
			person('Dee', (b) => b.circles(['climbing']).trust(5).energy('drains')),
			person('Eli', (b) => b.circles(['climbing']).trust(1)),
		];
		expect(suggestIntroductions(people).map((x) => `${x.aName} and ${x.bName}`)).toEqual(['Cat and Eli', 'Ana and Eli']);
	});

	it('finds the best pairs among ten thousand people in a few large circles (time: reviewMs in npm run bench)', () => {
		// 10,000 people, two of ten circles each, trust 1-5: 20 million pairs share a circle.
		const people = Array.from({ length: 10_000 }, (_, i) =>
			person(`P${String(i).padStart(5, '0')}`, (b) => b.circles([`c${i % 10}`, `c${(i * 7 + 3) % 10}`]).trust((i % 5) + 1)),
		);
		const intros = suggestIntroductions(people);
		expect(intros).toHaveLength(10);
		expect(intros.every((x) => x.circles.length === 2)).toBe(true);
		// Everyone without trust: all pairs tie but for names.
		const untrusted = people.map((p) => ({ ...p, trust: null }));
		expect(suggestIntroductions(untrusted).map((x) => `${x.aName}+${x.bName}`).slice(0, 2)).toEqual(['P00000+P00010', 'P00000+P00020']);
	});

	it('copes with a large circle', () => {
		const people = Array.from({ length: 2000 }, (_, i) => person(`P${i}`, (b) => b.circles(['work']).trust((i % 5) + 1)));
		const intros = suggestIntroductions(people);
		expect(intros).toHaveLength(10);
		expect(intros[0].reason).toBe('both in work');
	});
});
