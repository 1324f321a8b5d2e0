/**
 * The network review as a plain-text report (what `kindred review` prints without
 * `--json`): one section per question, each list one person or pair per line, and a
 * sentence rather than silence when a section is empty.
 */
import { circlesBySize } from './circles';
import type { NetworkReview, PersonRef } from './review';

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

function who(p: PersonRef): string {
	return p.trust === null ? p.name : `${p.name} (trust ${p.trust})`;
}

/** "14 of 12 — over target by 2", "9 of 12 — under target by 3", "12 of 12 — on target". */
export function innerCircleSentence(r: Pick<NetworkReview, 'innerCircle'>): string {
	const { count, target, status } = r.innerCircle;
	const tail =
		status === 'over' ? `over target by ${count - target}` : status === 'under' ? `under target by ${target - count}` : 'on target';
	return `Inner circle: ${count} of ${target} — ${tail}`;
}

export function targetsSentence(r: Pick<NetworkReview, 'targets'>): string {
	const { count, limit, overLimit } = r.targets;
	const tail = overLimit
		? `over the limit by ${count - limit}: finish with someone before adding more`
		: count === limit
			? 'at the limit'
			: `room for ${plural(limit - count, 'more', 'more')}`;
	return `Targets: ${count} of ${limit} — ${tail}`;
}

function section(title: string, lines: string[], empty: string): string[] {
	return ['', title, ...(lines.length > 0 ? lines.map((l) => `  ${l}`) : [`  ${empty}`])];
}

/** What the introductions say when there are none: that no pair can meet yet, or that all have met. */
export function noIntroductions(r: Pick<NetworkReview, 'introductionsPossible'>): string {
	return r.introductionsPossible
		? 'None: no two people who share a circle are strangers to each other.'
		: 'None yet: no two people share a circle (add circles to see who might meet; paused people and those who drain you are left out).';
}

export function formatReviewText(r: NetworkReview): string {
	const out: string[] = [`Network review, ${r.today}`];

	out.push(
		...section(
			innerCircleSentence(r),
			r.innerCircle.people.map((p) => `- ${who(p)}`),
			'No one has trust 4 or 5 yet.',
		),
	);

	const t = r.reciprocityTotal;
	out.push(
		...section(
			`Reciprocity since ${t.since}: gave ${t.gave}, received ${t.received}`,
			r.reciprocity.map((x) => `- ${x.name}: gave ${x.gave}, received ${x.received}`),
			'No touchpoints marked gave or received in the last 12 months.',
		),
	);
	if (r.giveFirst.length > 0) {
		out.push(...section('Give first', r.giveFirst.map((g) => `- ${g.name}: ${g.reason}`), ''));
	}

	const circles = circlesBySize(r.circles).map(([c, n]) => `- ${c}: ${n}`);
	const thin = r.thinCircles.length > 0 ? [`Thin (one person each): ${r.thinCircles.join(', ')}`] : [];
	out.push(...section('Circles', [...circles, ...thin, ...r.circleNotes], 'No circles yet.'));

	out.push(
		'',
		`Reach: ${plural(r.reach.direct, 'person', 'people')} directly, ${plural(r.reach.secondDegree, 'more', 'more')} through them`,
	);

	out.push(
		...section(
			'Introductions',
			r.introductions.map((i) => `- ${i.aName} and ${i.bName}: ${i.reason}`),
			noIntroductions(r),
		),
	);

	out.push(...section(targetsSentence(r), r.targets.people.map((p) => `- ${who(p)}`), 'No one marked as a target.'));

	out.push(
		...section(
			'Weed candidates',
			r.weed.map((w) => `- ${w.name}: ${w.reasons.join('; ')}`),
			'None: no one drains you, has gone quiet or is one-sided.',
		),
	);
	return `${out.join('\n')}\n`;
}
