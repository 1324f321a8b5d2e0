/**
 * Seeded pseudo-random numbers for the benchmark's synthetic vault. Math.random is never
 * used: the same seed must give the same vault byte for byte on every machine, so the
 * figures of two runs compare the code, not the data.
 */

/** 32-bit string/number mixer (FNV-1a over the parts), used to derive one stream per note. */
export function mixSeed(...parts: (string | number)[]): number {
	let h = 0x811c9dc5;
	for (const part of parts) {
		const s = String(part);
		for (let i = 0; i < s.length; i++) {
			h ^= s.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
		// A separator so ('ab', 'c') and ('a', 'bc') differ.
		h ^= 0xff;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A small, fast, well-distributed generator (mulberry32) with helpers. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Pick by weight: entries are [value, weight]. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of entries) total += w;
		let r = this.next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r < 0) return value;
		}
		return entries[entries.length - 1][0];
	}

	/** Up to `count` distinct items, in pick order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const out: T[] = [];
		const seen = new Set<number>();
		const want = Math.min(count, items.length);
		while (out.length < want) {
			const i = Math.floor(this.next() * items.length);
			if (seen.has(i)) continue;
			seen.add(i);
			out.push(items[i]);
		}
		return out;
	}
}
