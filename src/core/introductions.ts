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

/**
 * Pairs of people, neither archived nor paused, who share at least one circle and have
 * no `knows` link either way. Ranked by the number of shared circles, then combined
 * trust (no trust counts 0), then by name; at most `limit`.
 */
export function suggestIntroductions(people: readonly Person[], limit = INTRODUCTION_LIMIT): Introduction[] {
	const resolve = linkResolver(people);
	const known = knownPairs(people, resolve);
	const eligible = people.filter((p) => p.status !== 'archived' && p.status !== 'paused');

	// Only pairs that share a circle are candidates: bucket by circle rather than try all pairs.
	const byCircle = new Map<string, Person[]>();
	for (const p of eligible) {
		for (const c of circlesOf(p)) {
			const list = byCircle.get(c) ?? [];
			list.push(p);
			byCircle.set(c, list);
		}
	}
	const shared = new Map<string, { a: Person; b: Person; circles: string[] }>();
	for (const [circle, members] of byCircle) {
		for (let i = 0; i < members.length; i++) {
			for (let j = i + 1; j < members.length; j++) {
				const k = pairKey(members[i].path, members[j].path);
				if (known.has(k)) continue;
				const [a, b] = byName(members[i], members[j]) <= 0 ? [members[i], members[j]] : [members[j], members[i]];
				const entry = shared.get(k) ?? { a, b, circles: [] };
				entry.circles.push(circle);
				shared.set(k, entry);
			}
		}
	}

	const trustOf = (x: { a: Person; b: Person }): number => (x.a.trust ?? 0) + (x.b.trust ?? 0);
	return [...shared.values()]
		.sort((x, y) => y.circles.length - x.circles.length || trustOf(y) - trustOf(x) || byName(x.a, y.a) || byName(x.b, y.b))
		.slice(0, Math.max(0, limit))
		.map(({ a, b, circles }) => {
			const sorted = [...circles].sort();
			return { a: a.path, b: b.path, aName: a.name, bName: b.name, circles: sorted, reason: `both in ${sorted.join(', ')}` };
		});
}
