/**
 * Circles: the free-form words (`circles: [work, climbing]`) that show how diverse a
 * network is. Owns their normalisation, the spread (people per circle) and where the
 * spread is thin. Used by the network review and by introduction suggestions.
 */
import type { Person } from './types';

/** Below this many distinct circles the network is called narrow. */
export const NARROW_BELOW = 3;

/**
 * One spelling per circle: `Climbing`, ` climbing `, `#climbing` and `[[Climbing]]` are
 * the same circle, and so are `Café` typed with one accented letter or with a combining
 * accent (NFC). Lower case rather than "first spelling seen", so the answer does not
 * depend on the order notes were read. Returns '' for a word that is only punctuation.
 */
export function normaliseCircle(raw: string): string {
	let s = raw.normalize('NFC').trim();
	const link = /^\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]$/.exec(s);
	if (link) s = link[1];
	return s.replace(/^#+/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A person's circles, normalised, without duplicates, in the order written. */
export function circlesOf(person: Pick<Person, 'circles'>): string[] {
	const out: string[] = [];
	for (const raw of person.circles) {
		const c = normaliseCircle(raw);
		if (c !== '' && !out.includes(c)) out.push(c);
	}
	return out;
}

/**
 * People per circle, by circle. A person in the same circle twice counts once. The caller
 * chooses who counts (the review: everyone not archived). For the order to show them in,
 * use circlesBySize: an object lists keys that look like numbers (a circle called `2019`)
 * first, whatever order they were added in.
 */
export function circleCounts(people: readonly Pick<Person, 'circles'>[]): Record<string, number> {
	const counts = new Map<string, number>();
	for (const p of people) {
		for (const c of circlesOf(p)) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	return Object.fromEntries(circlesBySize(Object.fromEntries(counts)));
}

/** Each circle and its count, largest first, then by name. */
export function circlesBySize(counts: Readonly<Record<string, number>>): [string, number][] {
	return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Circles with exactly one person in them, by name: one friendship away from empty. */
export function thinCircles(counts: Record<string, number>): string[] {
	return Object.keys(counts)
		.filter((c) => counts[c] === 1)
		.sort();
}

/**
 * Sentences about the spread as a whole: no circles at all, fewer than three distinct
 * circles (a narrow network), and how many people belong to no circle.
 */
export function circleNotes(counts: Record<string, number>, people: readonly Pick<Person, 'circles'>[]): string[] {
	const notes: string[] = [];
	const names = circlesBySize(counts).map(([name]) => name);
	if (people.length === 0) return notes;
	if (names.length === 0) {
		notes.push('No one has circles yet: add `circles` to your people to see the spread.');
		return notes;
	}
	if (names.length < NARROW_BELOW) {
		const list = names.join(' and ');
		notes.push(
			`Only ${names.length} ${names.length === 1 ? 'circle' : 'circles'} (${list}): a narrow network; look for people from other industries, hobbies and generations.`,
		);
	}
	const without = people.filter((p) => circlesOf(p).length === 0).length;
	if (without > 0) notes.push(`${without} ${without === 1 ? 'person is' : 'people are'} in no circle.`);
	return notes;
}
