/**
 * The one order for people in review lists: by name as a reader sorts them (case and
 * accents aside, numbers by value), then by path so the order is total and two runs
 * print the same thing. The due list (schedule.ts) sorts by the same name order, so it
 * lives here once: plain ASCII names are compared without the (slow) collator, in the
 * collator's order.
 */
import { rememberedBy } from './memo';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** 0 space, 1 digit, 2 letter (A–Z, a–z), -1 anything else. */
function charClass(c: number): number {
	if (c === 32) return 0;
	if (c >= 48 && c <= 57) return 1;
	if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 2;
	return -1;
}

/** True when every character is a space, an ASCII letter or an ASCII digit, and no number starts with 0. */
function isPlainName(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const k = charClass(s.charCodeAt(i));
		if (k < 0) return false;
		if (k === 1 && s.charCodeAt(i) === 48 && (i === 0 || charClass(s.charCodeAt(i - 1)) !== 1)) return false;
	}
	return true;
}

/**
 * The collator's order for two plain names (isPlainName), without calling it: the
 * collator (base strength, numeric, punctuation not ignored) puts a space before digits
 * before letters, ignores case, and compares runs of digits by value. A collator call
 * costs about a microsecond and a full sort of 10,000 people makes tens of thousands of
 * them. test/core/schedule.test.ts checks this against the collator on random names.
 */
export function comparePlainNames(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		const ka = charClass(ca);
		const kb = charClass(cb);
		if (ka !== kb) return ka < kb ? -1 : 1;
		if (ka === 1) {
			// Two numbers (no leading zeros): the longer is larger, else the first different digit.
			let ei = i;
			while (ei < a.length && charClass(a.charCodeAt(ei)) === 1) ei++;
			let ej = j;
			while (ej < b.length && charClass(b.charCodeAt(ej)) === 1) ej++;
			if (ei - i !== ej - j) return ei - i < ej - j ? -1 : 1;
			for (; i < ei; i++, j++) {
				const d = a.charCodeAt(i) - b.charCodeAt(j);
				if (d !== 0) return d < 0 ? -1 : 1;
			}
			continue;
		}
		const la = ka === 2 ? ca | 32 : ca;
		const lb = kb === 2 ? cb | 32 : cb;
		if (la !== lb) return la < lb ? -1 : 1;
		i++;
		j++;
	}
	if (i < a.length) return 1;
	if (j < b.length) return -1;
	return 0;
}

/** plainNameKey by name, remembered: a sort asks for each name many times. */
const plainKeyOf = rememberedBy(100_000, plainNameKey);

/** The collator's verdict on two names; plain names skip the call (their keys compare with `<`). */
export function compareNames(a: string, b: string): number {
	if (a === b) return 0;
	const ka = plainKeyOf(a);
	const kb = ka === null ? null : plainKeyOf(b);
	if (ka !== null && kb !== null) return ka < kb ? -1 : ka > kb ? 1 : 0;
	return collator.compare(a, b);
}

/**
 * A plain name (isPlainName) as text whose code-unit order is comparePlainNames' order:
 * a space becomes U+0001, a number U+0002 + its length + its digits, a letter its lower
 * case. Null for any other name. Comparing two keys with `<` is far cheaper than
 * comparing the names, and a sort compares each name many times.
 */
export function plainNameKey(name: string): string | null {
	if (!isPlainName(name)) return null;
	let key = '';
	for (let i = 0; i < name.length; ) {
		const c = name.charCodeAt(i);
		const k = charClass(c);
		if (k === 1) {
			let e = i;
			while (e < name.length && charClass(name.charCodeAt(e)) === 1) e++;
			key += `\u0002${String.fromCharCode(32 + e - i)}${name.slice(i, e)}`;
			i = e;
			continue;
		}
		key += k === 0 ? '\u0001' : String.fromCharCode(c | 32);
		i++;
	}
	return key;
}

export function byName(a: { name: string; path: string }, b: { name: string; path: string }): number {
	return compareNames(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
