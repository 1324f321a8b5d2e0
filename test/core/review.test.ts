// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { fillStatus, formatReviewText, innerCircleOf, reviewNetwork, targetsOf, type NetworkReview } from '../../src/core/review';
import { innerCircleSentence, targetsSentence } from '../../src/core/review-text';
import { freezeClockAtLocalNoon, person, PersonBuilder, settingsWith } from '../builders';
import { loadFixtureVault } from '../fixtures/review/load-vault';

const TODAY = '2026-11-23';

freezeClockAtLocalNoon(TODAY);

describe('fillStatus', () => {
	it.each([
		[11, 12, 'under'],
		[12, 12, 'on'],
		[13, 12, 'over'],
	])('%i of %i is %s', (count, target, want) => {
		expect(fillStatus(count, target)).toBe(want);
	});
});

describe('innerCircleOf', () => {
	it('counts trust 4 and 5, not archived, highest trust first', () => {
		const inner = innerCircleOf(
			[
				person('Bea', (b) => b.trust(4)),
				person('Al', (b) => b.trust(4)),
				person('Cy', (b) => b.trust(5)),
				person('Di', (b) => b.trust(3)),
				person('Ed', (b) => b.trust(5).status('archived')),
				person('Fa', (b) => b.trust(4).status('paused')),
				person('Gi'),
			],
			3,
		);
		expect(inner).toEqual({
			count: 4,
			target: 3,
			status: 'over',
			people: [
				{ path: 'People/Cy.md', name: 'Cy', trust: 5 },
				{ path: 'People/Al.md', name: 'Al', trust: 4 },
				{ path: 'People/Bea.md', name: 'Bea', trust: 4 },
				{ path: 'People/Fa.md', name: 'Fa', trust: 4 },
			],
		});
	});
});

describe('targetsOf', () => {
	it('counts people with status target against the limit', () => {
		const people = ['B', 'A', 'C', 'D'].map((n) => person(n, (b) => b.status('target')));
		people.push(person('E'));
		expect(targetsOf(people, 3)).toMatchObject({ count: 4, limit: 3, overLimit: true });
		expect(targetsOf(people, 3).people.map((p) => p.name)).toEqual(['A', 'B', 'C', 'D']);
		expect(targetsOf(people, 4).overLimit).toBe(false);
	});
});

describe('reviewNetwork on the fixture vault (issue 5, done when)', () => {
	const review = reviewNetwork(loadFixtureVault('network'), TODAY, settingsWith());

	it('reports 14 people at trust ≥ 4 as over the target of 12 (an archived trust 5 does not count)', () => {
		expect(review.innerCircle.count).toBe(14);
		expect(review.innerCircle.target).toBe(12);
		expect(review.innerCircle.status).toBe('over');
		expect(review.innerCircle.people.map((p) => p.name)).not.toContain('Paula Quist');
		expect(innerCircleSentence(review)).toBe('Inner circle: 14 of 12 — over target by 2');
	});

	it('shows a person logged four times as received and never gave as received 4, gave 0', () => {
		expect(review.reciprocity[0]).toEqual({ path: 'People/Jonas Weber.md', name: 'Jonas Weber', trust: 3, gave: 0, received: 4 });
		expect(review.reciprocityTotal).toEqual({ gave: 1, received: 4, since: '2025-11-24' });
		expect(review.giveFirst.map((g) => g.name)).toEqual(['Jonas Weber']);
	});

	it('offers a drains person silent since 2024 for weeding, and not an archived one', () => {
		const names = review.weed.map((w) => w.name);
		expect(names).toContain('Omar Said');
		expect(names).not.toContain('Paula Quist');
		expect(review.weed.find((w) => w.name === 'Omar Said')?.reasons).toEqual([
			'drains your energy',
			'silent for over 2 years, since 2024-03-10 (more than 3 × monthly)',
		]);
		expect(review.weed.find((w) => w.name === 'Jonas Weber')?.reasons).toEqual([
			'only received in the last 12 months (4 times, gave nothing)',
		]);
	});

	it('suggests two people sharing a circle who do not know each other, and not a linked pair', () => {
		const pairs = review.introductions.map((i) => [i.a, i.b]);
		expect(pairs).toContainEqual(['People/Kofi Mensah.md', 'People/Lena Novak.md']);
		expect(review.introductions[0].reason).toBe('both in climbing');
		// Ana knows Ben (design); Dev and Jonas know Ana (work); Jonas knows Dev.
		const flat = pairs.map((p) => p.join(' + '));
		expect(flat).not.toContain('People/Ana Ruiz.md + People/Ben Ode.md');
		expect(flat.some((p) => p.includes('Ana Ruiz'))).toBe(false);
		expect(review.introductions).toHaveLength(2);
	});

	it('counts in reach.secondDegree only people outside your notes', () => {
		// Priya Shah (twice, once in lower case) and Zoe Kim have no note; Ben, Dev, Ana (by
		// alias), Paula (archived, by path) do.
		expect(review.reach).toEqual({ direct: 19, secondDegree: 2 });
	});

	it('counts circles case-insensitively over everyone not archived, targets included', () => {
		expect(review.circles).toEqual({ work: 3, climbing: 2, design: 2, music: 2, family: 1 });
		expect(review.thinCircles).toEqual(['family']);
		expect(review.circleNotes).toEqual(['11 people are in no circle.']);
	});

	it('counts targets against the limit', () => {
		expect(review.targets).toEqual({
			count: 1,
			limit: 3,
			overLimit: false,
			people: [{ path: 'People/Tara Quinn.md', name: 'Tara Quinn', trust: null }],
		});
	});

	it('is plain JSON with the documented fields', () => {
		const json = JSON.parse(JSON.stringify(review)) as NetworkReview;
		expect(json).toEqual(review);
		expect(Object.keys(json).sort()).toEqual(
			[
				'today',
				'innerCircle',
				'reciprocity',
				'reciprocityTotal',
				'giveFirst',
				'circles',
				'thinCircles',
				'circleNotes',
				'reach',
				'introductions',
				'introductionsPossible',
				'weed',
				'targets',
			].sort(),
		);
		expect(json.today).toBe(TODAY);
	});
});

describe('reviewNetwork', () => {
	it('leaves archived people out of reciprocity, circles, targets and weeding', () => {
		const gone = new PersonBuilder('People/Gone.md')
			.status('archived')
			.circles(['solo'])
			.energy('drains')
			.entry('2026-10-01', { exchange: 'received' })
			.build();
		const r = reviewNetwork([gone], TODAY, settingsWith());
		expect(r.reciprocity).toEqual([]);
		expect(r.reciprocityTotal).toMatchObject({ gave: 0, received: 0 });
		expect(r.circles).toEqual({});
		expect(r.weed).toEqual([]);
		expect(r.reach).toEqual({ direct: 0, secondDegree: 0 });
	});

	it('uses the inner-circle target and target limit from settings', () => {
		const people = [person('A', (b) => b.trust(5).status('target')), person('B', (b) => b.trust(4).status('target'))];
		const r = reviewNetwork(people, TODAY, settingsWith({ innerCircleTarget: 2, targetLimit: 1 }));
		expect(r.innerCircle).toMatchObject({ count: 2, target: 2, status: 'on' });
		expect(r.targets).toMatchObject({ count: 2, limit: 1, overLimit: true });
	});

	it('works on an empty vault', () => {
		const r = reviewNetwork([], TODAY, settingsWith());
		expect(r.innerCircle).toEqual({ count: 0, target: 12, status: 'under', people: [] });
		expect(r.introductions).toEqual([]);
		expect(formatReviewText(r)).toContain('Inner circle: 0 of 12 — under target by 12');
	});
});

describe('sentences', () => {
	it.each([
		[{ count: 4, limit: 3, overLimit: true }, 'Targets: 4 of 3 — over the limit by 1: finish with someone before adding more'],
		[{ count: 3, limit: 3, overLimit: false }, 'Targets: 3 of 3 — at the limit'],
		[{ count: 1, limit: 3, overLimit: false }, 'Targets: 1 of 3 — room for 2 more'],
	])('%j → %s', (t, want) => {
		expect(targetsSentence({ targets: { ...t, people: [] } })).toBe(want);
	});

	it.each([
		[9, 12, 'Inner circle: 9 of 12 — under target by 3'],
		[12, 12, 'Inner circle: 12 of 12 — on target'],
	])('inner circle %i of %i', (count, target, want) => {
		expect(innerCircleSentence({ innerCircle: { count, target, status: fillStatus(count, target), people: [] } })).toBe(want);
	});
});

describe('formatReviewText', () => {
	it('says so when a section is empty', () => {
		const text = formatReviewText(reviewNetwork([person('Solo')], TODAY, settingsWith()));
		expect(text).toContain('Inner circle: 0 of 12 — under target by 12\n  No one has trust 4 or 5 yet.');
		expect(text).toContain('No touchpoints marked gave or received in the last 12 months.');
		expect(text).not.toContain('Give first');
		expect(text).toContain('Reach: 1 person directly, 0 more through them');
		// One person shares a circle with no one: nobody can meet yet, rather than "all have met".
		expect(text).toContain('Introductions\n  None yet: no two people share a circle (add circles to see who might meet; paused people and those who drain you are left out).');
		// Two strangers in one circle, one of them paused: none can meet, rather than "all have met".
		const paused = [person('Ana', (b) => b.circles(['x'])), person('Ben', (b) => b.circles(['x']).status('paused'))];
		expect(formatReviewText(reviewNetwork(paused, TODAY, settingsWith()))).toContain('Introductions\n  None yet: no two people share a circle');
		const met = [person('Ana', (b) => b.circles(['x']).knows(['[[Ben]]'])), person('Ben', (b) => b.circles(['x']))];
		expect(formatReviewText(reviewNetwork(met, TODAY, settingsWith()))).toContain(
			'Introductions\n  None: no two people who share a circle are strangers to each other.',
		);
		expect(text).toContain('Targets: 0 of 3 — room for 3 more\n  No one marked as a target.');
		expect(text).toContain('Weed candidates\n  None: no one drains you, has gone quiet or is one-sided.');
		expect(text.endsWith('\n')).toBe(true);
	});

	it('prints every section of the fixture review', () => {
		const text = formatReviewText(reviewNetwork(loadFixtureVault('network'), TODAY, settingsWith()));
		expect(text).toMatchInlineSnapshot(`
			"Network review, 2026-11-23

			Inner circle: 14 of 12 — over target by 2
			  - Ana Ruiz (trust 5)
			  - Carla Mendes (trust 5)
			  - Ben Ode (trust 4)
			  - Dev Patel (trust 4)
			  - Elif Yilmaz (trust 4)
			  - Femi Adeyemi (trust 4)
			  - Greta Holm (trust 4)
			  - Hugo Blanc (trust 4)
			  - Ilse Vos (trust 4)
			  - Jae Park (trust 4)
			  - Kemal Aydin (trust 4)
			  - Lucia Romano (trust 4)
			  - Mara Lind (trust 4)
			  - Nils Berg (trust 4)

			Reciprocity since 2025-11-24: gave 1, received 4
			  - Jonas Weber: gave 0, received 4
			  - Kofi Mensah: gave 1, received 0

			Give first
			  - Jonas Weber: the last 4 marked touchpoints were all received: give before you ask again

			Circles
			  - work: 3
			  - climbing: 2
			  - design: 2
			  - music: 2
			  - family: 1
			  Thin (one person each): family
			  11 people are in no circle.

			Reach: 19 people directly, 2 more through them

			Introductions
			  - Kofi Mensah and Lena Novak: both in climbing
			  - Lena Novak and Tara Quinn: both in music

			Targets: 1 of 3 — room for 2 more
			  - Tara Quinn

			Weed candidates
			  - Omar Said: drains your energy; silent for over 2 years, since 2024-03-10 (more than 3 × monthly)
			  - Jonas Weber: only received in the last 12 months (4 times, gave nothing)
			"
		`);
	});
});
