/**
 * Who your people know: resolving `knows` links to your own notes, second-degree reach
 * (12 × 12 = 144) and introductions between your people who share a circle but do not
 * know each other yet.
 *
 * A `knows` link names a note the way Obsidian links do: by name (`[[Ana Ruiz]]`), by
 * path (`[[People/Ana Ruiz]]`) or, here, also by an alias. Matching ignores case and
 * the `.md` extension; a path that matches no note falls back to its last part. A link
 * that matches several people (two notes with one name) counts as knowing all of them,
 * so no introduction is suggested between people who may already know each other; so
 * does `introduced_by`, either way.
 */
import { byName } from './by-name';
import { circlesOf } from './circles';
import type { Person } from './types';

/** At most this many introductions are suggested. */
export const INTRODUCTION_LIMIT = 10;

export interface Reach {
	/** Your people who are not archived. */
	direct: number;
	/** Distinct people named in their `knows` who have no note of their own (a link to another note names no one). */
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
 * Whether a link target names a note among `paths` (vault paths of every note), as
 * linkResolver matches people: by path or name, ignoring case and `.md`.
 */
export function noteLookup(paths: Iterable<string>): (target: string) => boolean {
	const names = new Set<string>();
	for (const path of paths) {
		const k = key(path);
		names.add(k);
		names.add(lastPart(k));
	}
	return (target) => {
		const k = key(target);
		return names.has(k) || (k.includes('/') && names.has(lastPart(k)));
	};
}

/**
 * Direct reach counts people not archived; second degree counts the distinct names in
 * their `knows` that are none of your notes (archived notes included: they are yours).
 * With `isNote`, a link to a note that is not a person (a company, a project) is no one
 * at all, rather than someone without a note.
 */
export function reachOf(
	people: readonly Person[],
	isNote?: (target: string) => boolean,
	resolve: (target: string) => string[] = linkResolver(people),
): Reach {
	const active = people.filter((p) => p.status !== 'archived');
	const outside = new Set<string>();
	for (const p of active) {
		for (const target of p.knows) {
			if (resolve(target).length === 0 && !(isNote?.(target) ?? false)) outside.add(lastPart(key(target)));
		}
	}
	outside.delete('');
	return { direct: active.length, secondDegree: outside.size };
}

function pairKey(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Every pair who know each other, as pair keys: linked by `knows` in either direction, or
 * one `introduced_by` the other (they have met).
 */
export function knownPairs(people: readonly Person[], resolve: (target: string) => string[]): Set<string> {
	const pairs = new Set<string>();
	const link = (p: Person, target: string): void => {
		for (const q of resolve(target)) if (q !== p.path) pairs.add(pairKey(p.path, q));
	};
	for (const p of people) {
		for (const target of p.knows) link(p, target);
		if (p.introducedBy !== null) link(p, p.introducedBy);
	}
	return pairs;
}

/** Who may be introduced: neither archived nor paused, nor someone who drains you (a weed candidate). */
export function introducible(p: Pick<Person, 'status' | 'energy'>): boolean {
	return p.status !== 'archived' && p.status !== 'paused' && p.energy !== 'drains';
}

interface Member {
	person: Person;
	/** Position in name order, so ranking compares numbers, not strings. */
	order: number;
	/** Trust, 0 when none. */
	trust: number;
	/** Circle numbers, ascending (circles are numbered alphabetically). */
	circles: Int32Array;
}

interface Candidate {
	/** The pair, `a` first by name. */
	a: Member;
	b: Member;
	shared: number;
	trust: number;
}

/** Best first: more shared circles, then more combined trust, then by name. */
function rank(x: Candidate, y: Candidate): number {
	return y.shared - x.shared || y.trust - x.trust || x.a.order - y.a.order || x.b.order - y.b.order;
}

/** How many circles `a` and `b` share (both ascending), or 0 when the first they share is not `circle`. */
function sharedFrom(a: Int32Array, b: Int32Array, circle: number): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.length && j < b.length) {
		if (a[i] < b[j]) i++;
		else if (a[i] > b[j]) j++;
		else {
			if (n === 0 && a[i] !== circle) return 0;
			n++;
			i++;
			j++;
		}
	}
	return n;
}

/**
 * Pairs of people who may be introduced (see introducible) who share at least one circle
 * and do not know each other (see knownPairs). Ranked by the number of shared circles,
 * then combined trust (no trust counts 0), then by name; at most `limit`.
 *
 * Only pairs in a circle are candidates, each looked at in the first circle
 * (alphabetically) it shares. A circle of thousands holds millions of pairs, so each
 * circle's members are taken most promising first (most circles, then most trust, then by
 * name), and a pair is looked at only while it could still beat the worst of the best
 * `limit` kept: its shared circles are at most the fewer of the two's circles and its
 * trust is known, so once the best `limit` are found, the rest of a member's partners
 * (and, when all else ties, the later names) are passed over without a look. The result
 * equals the plain rule over all pairs (a property test compares them).
 */
export function suggestIntroductions(
	people: readonly Person[],
	limit = INTRODUCTION_LIMIT,
	resolve: (target: string) => string[] = linkResolver(people),
): Introduction[] {
	if (limit <= 0) return [];
	const known = knownPairs(people, resolve);
	const chosen = people.filter(introducible).sort(byName);
	const names = [...new Set(chosen.flatMap((p) => circlesOf(p)))].sort();
	const circleNumber = new Map(names.map((c, i) => [c, i]));
	const members: Member[] = chosen.map((person, order) => ({
		person,
		order,
		trust: person.trust ?? 0,
		circles: Int32Array.from(circlesOf(person).map((c) => circleNumber.get(c) ?? 0)).sort(),
	}));

	const byCircle: Member[][] = names.map(() => []);
	for (const m of members) for (const c of m.circles) byCircle[c].push(m);
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
	byCircle.forEach((list, circle) => {
		list.sort((x, y) => y.circles.length - x.circles.length || y.trust - x.trust || x.order - y.order);
		for (let i = 0; i + 1 < list.length; i++) {
			const x = list[i];
			// Its most promising partner is the next one: when even that pair loses, all do.
			if (best.length >= limit && loses(list[i + 1].circles.length, x.trust + list[i + 1].trust, best[limit - 1]) < 0) continue;
			for (let j = i + 1; j < list.length; j++) {
				const y = list[j];
				const [a, b] = x.order < y.order ? [x, y] : [y, x];
				const trust = x.trust + y.trust;
				if (best.length >= limit) {
					// The most this pair (and, later in the list, any after it) can share: y's circles.
					const worst = best[limit - 1];
					const bound = loses(y.circles.length, trust, worst);
					if (bound < 0) break;
					// Tied with the worst but for names: later partners tie or lose and come later by name.
					if (bound === 0 && (a.order - worst.a.order || b.order - worst.b.order) >= 0) break;
				}
				const shared = sharedFrom(a.circles, b.circles, circle);
				if (shared === 0 || knownOrders.has(a.order * n + b.order)) continue;
				keepBest(best, { a, b, shared, trust }, limit);
			}
		}
	});
	return best.map(({ a, b }) => {
		const both = Array.from(a.circles.filter((c) => b.circles.includes(c)), (c) => names[c]);
		return { a: a.person.path, b: b.person.path, aName: a.person.name, bName: b.person.name, circles: both, reason: `both in ${both.join(', ')}` };
	});
}

/** Negative when a pair sharing `shared` circles with combined `trust` ranks below `worst`; 0 when tied on both. */
function loses(shared: number, trust: number, worst: Candidate): number {
	return shared - worst.shared || trust - worst.trust;
}

/** Insert into a list kept sorted by `rank` and no longer than `limit`. */
function keepBest(best: Candidate[], c: Candidate, limit: number): void {
	if (best.length >= limit && rank(c, best[best.length - 1]) >= 0) return;
	let at = best.length;
	while (at > 0 && rank(c, best[at - 1]) < 0) at--;
	best.splice(at, 0, c);
	if (best.length > limit) best.pop();
}
