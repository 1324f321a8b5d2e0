/**
 * Bytes to text for notes read from disk. A note must be valid UTF-8 to be edited:
 * decoding with replacement characters and writing the result back would silently
 * destroy the bytes that were not UTF-8. The BOM is kept in the text (ignoreBOM) so a
 * write puts it back; readers that parse frontmatter strip it themselves.
 */

export type Decoded = { ok: true; text: string } | { ok: false; text: string; reason: string };

const BOM = '\uFEFF';

// One decoder of each kind for every note: a non-streaming decode() starts afresh each
// call (a failed fatal decode included), and building a decoder per note showed in profiles.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decode strictly; on invalid UTF-8, also return a lossy text so the note can still be listed. */
export function decodeNote(bytes: Uint8Array): Decoded {
	try {
		return { ok: true, text: strict.decode(bytes) };
	} catch {
		return { ok: false, text: lossy.decode(bytes), reason: 'is not valid UTF-8 text' };
	}
}

export function stripBom(text: string): string {
	return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * A copy of `s` that does not keep alive the string it was cut from. An engine may keep a
 * slice as a view of its parent: a value cut from a note would keep the whole note text
 * alive for as long as the value lives (measured: most of what 10,000 people retained).
 * Short slices are copies already; for longer ones, concatenating and slicing again makes
 * the engine build a new flat string (the slice is then a view of that).
 */
export function ownString(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}
