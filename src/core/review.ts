/**
 * The network review: one computation, used by `kindred review` and the plugin's review
 * view, of everything the essays ask a person to look at now and then — the inner
 * circle against its target, reciprocity, the spread of circles, reach, introductions,
 * the targets being cultivated and the candidates to let go.
 *
 * The result is plain data (JSON-serialisable: `review --json` prints it as is). Each
 * rule lives in a small module of its own: circles.ts, reciprocity.ts,
 * introductions.ts and weed.ts. Archived people have been let go: they count nowhere,
 * except that a `knows` link to an archived note is still a link to one of your notes.
 */
import { byName } from './by-name';
import { circleCounts, circleNotes, thinCircles } from './circles';
import { INTRODUCTION_LIMIT, introducible, linkResolver, noteLookup, reachOf, suggestIntroductions, type Introduction, type Reach } from './introductions';
import {
	giveFirst,
	reciprocityRows,
	reciprocityTotal,
	yearWindowStart,
	type GiveFirstRow,
	type ReciprocityRow,
} from './reciprocity';
import type { KindredSettings } from './settings';
import type { LocalDate, Person } from './types';
import { weedCandidates, type WeedCandidate } from './weed';

export { formatReviewText } from './review-text';
export type { GiveFirstRow, Introduction, Reach, ReciprocityRow, WeedCandidate };

/** Trust at or above this puts someone in the inner circle. */
export const INNER_CIRCLE_TRUST = 4;

export interface PersonRef {
	path: string;
	name: string;
	trust: number | null;
}

export type FillStatus = 'under' | 'on' | 'over';

export interface InnerCircle {
	count: number;
	target: number;
	status: FillStatus;
	/** Highest trust first, then by name. */
	people: PersonRef[];
}

export interface Targets {
	count: number;
	limit: number;
	overLimit: boolean;
	/** By name. */
	people: PersonRef[];
}

export interface NetworkReview {
	today: LocalDate;
	innerCircle: InnerCircle;
	/** Per person over the last twelve months, most one-sided first. */
	reciprocity: ReciprocityRow[];
	/** Network-wide over the same window; `since` is its first day. */
	reciprocityTotal: { gave: number; received: number; since: LocalDate };
	giveFirst: GiveFirstRow[];
	/** People per circle (normalised to lower case). An object: in JSON, keys that look like numbers come first whatever their count; circlesBySize gives the order to show. */
	circles: Record<string, number>;
	/** Circles with exactly one person. */
	thinCircles: string[];
	/** Sentences about the spread: no circles, fewer than three, people in none. */
	circleNotes: string[];
	reach: Reach;
	introductions: Introduction[];
	/** Whether any two people who may be introduced (not paused, archived or draining) share a circle: with none suggested, whether all of them have met. */
	introductionsPossible: boolean;
	weed: WeedCandidate[];
	targets: Targets;
}

function ref(p: Person): PersonRef {
	return { path: p.path, name: p.name, trust: p.trust };
}

export function fillStatus(count: number, target: number): FillStatus {
	return count > target ? 'over' : count < target ? 'under' : 'on';
}

/** Everyone not archived with trust 4 or 5, counted against the target. */
export function innerCircleOf(people: readonly Person[], target: number): InnerCircle {
	const inner = people
		.filter((p) => p.status !== 'archived' && (p.trust ?? 0) >= INNER_CIRCLE_TRUST)
		.sort((a, b) => (b.trust ?? 0) - (a.trust ?? 0) || byName(a, b));
	return { count: inner.length, target, status: fillStatus(inner.length, target), people: inner.map(ref) };
}

/** People with `status: target`, against the limit of how many to cultivate at once. */
export function targetsOf(people: readonly Person[], limit: number): Targets {
	const targets = people.filter((p) => p.status === 'target').sort(byName);
	return { count: targets.length, limit, overLimit: targets.length > limit, people: targets.map(ref) };
}

/**
 * The review of `people` on `today`. `notes`, when given, is every note's vault path, so
 * a `knows` link to a note that is not a person (a company) is not counted as someone.
 */
export function reviewNetwork(people: readonly Person[], today: LocalDate, settings: KindredSettings, notes?: Iterable<string>): NetworkReview {
	const current = people.filter((p) => p.status !== 'archived');
	const counts = circleCounts(current);
	const reciprocity = reciprocityRows(current, today);
	// Resolved once for reach and introductions.
	const resolve = linkResolver(people);
	return {
		today,
		innerCircle: innerCircleOf(current, settings.innerCircleTarget),
		reciprocity,
		reciprocityTotal: { ...reciprocityTotal(reciprocity), since: yearWindowStart(today) },
		giveFirst: giveFirst(current, today),
		circles: counts,
		thinCircles: thinCircles(counts),
		circleNotes: circleNotes(counts, current),
		// Reach and introductions take everyone: a link to an archived note is still a link.
		reach: reachOf(people, notes === undefined ? undefined : noteLookup(notes), resolve),
		introductions: suggestIntroductions(people, INTRODUCTION_LIMIT, resolve),
		introductionsPossible: Object.values(circleCounts(people.filter(introducible))).some((n) => n >= 2),
		weed: weedCandidates(current, today, settings),
		targets: targetsOf(current, settings.targetLimit),
	};
}
