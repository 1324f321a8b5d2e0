/**
 * Who your people know: resolving `knows` links to your own notes, second-degree reach
 * (12 × 12 = 144) and introductions between your people who share a circle but do not
 * know each other yet.
 *
 * A `knows` link names a note the way Obsidian links do: by name (`[[Ana Ruiz]]`), by
 * path (`[[People/Ana Ruiz]]`) or, here, also by an alias. Matching ignores case and
 * the `.md` extension; a path that matches no note falls back to its last part. A link
 * that matches several people (two notes with one name) counts as knowing all of them,
 * so no introduction is suggested between people who may already know each other.
 */
import { byName } from './by-name';
import { circlesOf } from './circles';
import type { Person } from './types';

/** At most this many introductions are suggested. */
export const INTRODUCTION_LIMIT = 10;

export interface Reach {
	/** Your people who are not archived. */
	direct: number;
	/** Distinct people named in their `knows` who have no note of their own. */
	secondDegree: number;
}

export interface Introduction {
	/** Paths of the two people, the first by name. */
	a: string;
	b: string;
	aName: string;
	bName: string;
	/** The circles they share, alphabetical. */
	circles: string[];
	reason: string;
}

function key(s: string): string {
	return s.normalize('NFC').trim().replace(/\.md$/i, '').toLowerCase();
}

function lastPart(s: string): string {
	return s.slice(s.lastIndexOf('/') + 1);
}

/** A lookup from a `knows` link target to the paths of the people it names (maybe none). */
export function linkResolver(people: readonly Pick<Person, 'path' | 'name' | 'aliases'>[]): (target: string) => string[] {
	const index = new Map<string, Set<string>>();
	const add = (k: string, path: string): void => {
		if (k === '') return;
		let set = index.get(k);
		if (!set) index.set(k, (set = new Set()));
		set.add(path);
	};
	for (const p of people) {
		add(key(p.path), p.path);
		add(key(p.name), p.path);
		for (const a of p.aliases) add(key(a), p.path);
	}
	return (target) => {
		const k = key(target);
		const found = index.get(k) ?? (k.includes('/') ? index.get(lastPart(k)) : undefined);
		return found ? [...found] : [];
	};
}

/**
 * Direct reach counts people not archived; second degree counts the distinct names in
 * their `knows` that are none of your notes (archived notes included: they are yours).
 */
export function reachOf(people: readonly Person[]): Reach {
	const resolve = linkResolver(people);
	const active = people.filter((p) => p.status !== 'archived');
	const outside = new Set<string>();
	for (const p of active) {
		for (const target of p.knows) {
			if (resolve(target).length === 0) outside.add(lastPart(key(target)));
		}
	}
	outside.delete('');
	return { direct: active.length, secondDegree: outside.size };
}

function pairKey(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Every pair linked by `knows` in either direction, as pair keys. */
export function knownPairs(people: readonly Person[], resolve: (target: string) => string[]): Set<string> {
	const pairs = new Set<string>();
	for (const p of people) {
		for (const target of p.knows) {
			for (const q of resolve(target)) if (q !== p.path) pairs.add(pairKey(p.path, q));
		}
	}
	return pairs;
}

interface Member {
	person: Person;
	/** Position in name order, so ranking compares numbers, not strings. */
	order: number;
	circles: string[];
}

interface Candidate {
	a: Member;
	b: Member;
	circles: string[];
	trust: number;
}

/** Best first: more shared circles, then more combined trust, then by name. */
function rank(x: Candidate, y: Candidate): number {
	return y.circles.length - x.circles.length || y.trust - x.trust || x.a.order - y.a.order || x.b.order - y.b.order;
}

/**
 * Pairs of people, neither archived nor paused, who share at least one circle and have
 * no `knows` link either way. Ranked by the number of shared circles, then combined
 * trust (no trust counts 0), then by name; at most `limit`.
 */
export function suggestIntroductions(people: readonly Person[], limit = INTRODUCTION_LIMIT): Introduction[] {
	const resolve = linkResolver(people);
	const known = knownPairs(people, resolve);
	const members: Member[] = people
		.filter((p) => p.status !== 'archived' && p.status !== 'paused')
		.sort(byName)
		.map((person, order) => ({ person, order, circles: circlesOf(person).sort() }));

	// Only pairs that share a circle are candidates: look within each circle rather than
	// at all pairs. A pair is considered once, in the first circle (alphabetically) that
	// it shares, and only the best `limit` are kept, so memory stays small however large a
	// circle grows. Members are in name order, so the first of a pair is `a`.
	const byCircle = new Map<string, Member[]>();
	for (const m of members) {
		for (const c of m.circles) {
			const list = byCircle.get(c) ?? [];
			list.push(m);
			byCircle.set(c, list);
		}
	}
	// Known pairs as numbers (a.order × n + b.order): a string key per pair is what made a
	// circle of thousands slow.
	const n = members.length;
	const orderOf = new Map(members.map((m) => [m.person.path, m.order]));
	const knownOrders = new Set<number>();
	for (const k of known) {
		const [x, y] = k.split('\u0000').map((path) => orderOf.get(path));
		if (x !== undefined && y !== undefined) knownOrders.add(Math.min(x, y) * n + Math.max(x, y));
	}
	const best: Candidate[] = [];
	for (const [circle, list] of byCircle) {
		for (let i = 0; i < list.length; i++) {
			const a = list[i];
			for (let j = i + 1; j < list.length; j++) {
				const b = list[j];
				const both = a.circles.length === 1 ? a.circles : a.circles.filter((c) => b.circles.includes(c));
				if (both[0] !== circle || knownOrders.has(a.order * n + b.order)) continue;
				const trust = (a.person.trust ?? 0) + (b.person.trust ?? 0);
				const worst = best.length >= limit ? best[best.length - 1] : null;
				// Most pairs in a big circle lose to the current worst: reject before allocating.
				if (worst && (both.length < worst.circles.length || (both.length === worst.circles.length && trust < worst.trust))) {
					continue;
				}
				keepBest(best, { a, b, circles: both, trust }, limit);
			}
		}
	}
	return best.map(({ a, b, circles: shared }) => ({
		a: a.person.path,
		b: b.person.path,
		aName: a.person.name,
		bName: b.person.name,
		circles: [...shared],
		reason: `both in ${shared.join(', ')}`,
	}));
}

/** Insert into a list kept sorted by `rank` and no longer than `limit`. */
function keepBest(best: Candidate[], c: Candidate, limit: number): void {
	if (limit <= 0) return;
	if (best.length >= limit && rank(c, best[best.length - 1]) >= 0) return;
	let at = best.length;
	while (at > 0 && rank(c, best[at - 1]) < 0) at--;
	best.splice(at, 0, c);
	if (best.length > limit) best.pop();
}
