/**
 * The structure of a note's text, as far as the interaction log needs it: the
 * frontmatter block, fenced code blocks and ATX headings. Everything works on offsets in
 * the text being read or edited (never on positions from a cache, which go stale after a
 * write), scans each line once, and uses no regular expression on more than one line, so
 * a 10 MB note costs a linear pass and nothing can backtrack.
 *
 * Rules, chosen to match what Obsidian shows:
 * - Frontmatter is a first line `---` (after an optional BOM) up to the next line `---`.
 *   A first line `---js`, `--- yaml`, ... is a frontmatter block in another language:
 *   it is reported (`language`) so the editor can refuse it; it is never evaluated.
 *   Without a closing line there is no frontmatter (Obsidian shows a rule and text).
 * - A fence is ``` or ~~~ (three or more) indented at most three spaces; it closes at a
 *   line of the same character, at least as long, with nothing else on it; an unclosed
 *   fence runs to the end of the note. Lines inside (fence lines included) are code.
 * - A heading is `#`…`######` indented at most three spaces, followed by a space or the
 *   end of the line; an optional closing run of `#` is not part of its text. Setext
 *   headings (underlined) are not recognised.
 */

/** One line of the text: `[start, end)` is its content, `next` the start of the next line. */
export interface Line {
	start: number;
	end: number;
	next: number;
}

export interface Fence {
	char: '`' | '~';
	length: number;
}

export interface FrontmatterBlock {
	/** 1 when the text starts with a byte order mark, else 0. */
	bom: number;
	/** What follows the opening `---` (e.g. `js`), '' for plain YAML. */
	language: string;
	/** Offsets of the YAML between the fence lines (empty for `---` + `---`). */
	contentStart: number;
	contentEnd: number;
	/** The closing `---` line, or null when the block is never closed. */
	close: Line | null;
	/** Where the body starts: after the closing line, or the content start when unclosed. */
	end: number;
}

export interface Heading {
	level: number;
	/** Heading text, trimmed, closing hashes removed. */
	text: string;
}

export interface Section {
	/** The heading line. */
	heading: Line;
	level: number;
	/** First offset after the heading line (its line ending included). */
	start: number;
	/** Offset of the next heading of the same or a higher level, or the text's length. */
	end: number;
}

/** The line that starts at `pos`. */
export function lineAt(text: string, pos: number): Line {
	const nl = text.indexOf('\n', pos);
	if (nl < 0) return { start: pos, end: text.length, next: text.length };
	const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
	return { start: pos, end, next: nl + 1 };
}

/** The note's own line ending: that of its first line, `\n` when it has none. */
export function detectEol(text: string): string {
	const nl = text.indexOf('\n');
	return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

export function isBlank(text: string, line: Line): boolean {
	for (let i = line.start; i < line.end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9) return false;
	}
	return true;
}

/** Index of the first non-space character when the line is indented at most three spaces. */
function contentIndex(text: string, line: Line): number {
	let i = line.start;
	while (i < line.end && i - line.start < 4 && text.charCodeAt(i) === 32) i++;
	return i - line.start > 3 ? -1 : i;
}

/** A fence opening on this line, if any. */
export function fenceOpening(text: string, line: Line): Fence | null {
	const i = contentIndex(text, line);
	if (i < 0 || i >= line.end) return null;
	const ch = text[i];
	if (ch !== '`' && ch !== '~') return null;
	let j = i;
	while (j < line.end && text[j] === ch) j++;
	if (j - i < 3) return null;
	// A backtick fence's info string may not contain a backtick (CommonMark).
	if (ch === '`') {
		for (let k = j; k < line.end; k++) if (text.charCodeAt(k) === 96) return null;
	}
	return { char: ch, length: j - i };
}

/** True when this line closes `fence`. */
export function closesFence(text: string, line: Line, fence: Fence): boolean {
	const i = contentIndex(text, line);
	if (i < 0) return false;
	let j = i;
	while (j < line.end && text[j] === fence.char) j++;
	if (j - i < fence.length) return false;
	for (; j < line.end; j++) {
		const c = text.charCodeAt(j);
		if (c !== 32 && c !== 9) return false;
	}
	return true;
}

/** The ATX heading on this line, if any. */
export function headingOf(text: string, line: Line): Heading | null {
	const i = contentIndex(text, line);
	if (i < 0 || text[i] !== '#') return null;
	let j = i;
	while (j < line.end && text[j] === '#') j++;
	const level = j - i;
	if (level > 6) return null;
	if (j < line.end && text[j] !== ' ' && text[j] !== '\t') return null;
	let end = line.end;
	while (end > j && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	// A closing run of hashes counts only when preceded by a space (`## C#` keeps its #).
	let k = end;
	while (k > j && text[k - 1] === '#') k--;
	if (k < end && (k === j || text[k - 1] === ' ' || text[k - 1] === '\t')) end = k;
	return { level, text: text.slice(j, end).trim() };
}

/** Parse a heading setting such as `## Interactions` (null when it is not a heading). */
export function parseHeadingSetting(heading: string): Heading | null {
	const t = heading.trim();
	return headingOf(t, { start: 0, end: t.length, next: t.length });
}

function sameHeadingText(a: string, b: string): boolean {
	const norm = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();
	return norm(a) === norm(b);
}

/** The frontmatter block at the top of the text, closed or not; null when there is none. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith('---', bom)) return null;
	const open = lineAt(text, bom);
	// `----` is a thematic break, not a fence.
	if (open.end > bom + 3 && text[bom + 3] === '-') return null;
	const language = text.slice(bom + 3, open.end).trim();
	let pos = open.next;
	while (pos < text.length) {
		const line = lineAt(text, pos);
		if (text.startsWith('---', line.start) && text.slice(line.start + 3, line.end).trim() === '') {
			return { bom, language, contentStart: open.next, contentEnd: line.start, close: line, end: line.next };
		}
		pos = line.next;
	}
	return { bom, language, contentStart: open.next, contentEnd: text.length, close: null, end: open.next };
}

/** Where the markdown body starts: after a closed frontmatter block, else after the BOM. */
export function bodyStart(text: string): number {
	const fm = findFrontmatter(text);
	if (fm && fm.close) return fm.end;
	return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Lines of the body with their code state, for one linear pass. */
export interface ScannedLine extends Line {
	/** Inside a fenced code block (the fence lines themselves included). */
	code: boolean;
	heading: Heading | null;
}

/**
 * Walk lines from `from` to `to`, tracking fences. Returns the lines and the fence still
 * open at `to` (null when none), so a caller appending at the end can close it first.
 */
export function scanLines(text: string, from: number, to: number): { lines: ScannedLine[]; openFence: Fence | null } {
	const lines: ScannedLine[] = [];
	let fence: Fence | null = null;
	let pos = from;
	while (pos < to) {
		const line = lineAt(text, pos);
		let code = true;
		let heading: Heading | null = null;
		if (fence) {
			if (closesFence(text, line, fence)) fence = null;
		} else {
			fence = fenceOpening(text, line);
			if (!fence) {
				code = false;
				heading = headingOf(text, line);
			}
		}
		lines.push({ start: line.start, end: line.end, next: line.next, code, heading });
		pos = line.next;
	}
	return { lines, openFence: fence };
}

/**
 * The section under `heading` (e.g. `## Interactions`): the first heading of that level
 * whose text matches case-insensitively, outside the frontmatter and fenced code, up to
 * the next heading of the same or a higher level. Null when the note has none.
 */
export function findSection(text: string, heading: string): Section | null {
	const wanted = parseHeadingSetting(heading);
	if (!wanted) return null;
	let fence: Fence | null = null;
	let found: { heading: Line; start: number } | null = null;
	let pos = bodyStart(text);
	while (pos < text.length) {
		const line = lineAt(text, pos);
		if (fence) {
			if (closesFence(text, line, fence)) fence = null;
		} else {
			const opening = fenceOpening(text, line);
			if (opening) fence = opening;
			else {
				const h = headingOf(text, line);
				if (h) {
					if (found && h.level <= wanted.level) {
						return { heading: found.heading, level: wanted.level, start: found.start, end: line.start };
					}
					if (!found && h.level === wanted.level && sameHeadingText(h.text, wanted.text)) {
						found = { heading: line, start: line.next };
					}
				}
			}
		}
		pos = line.next;
	}
	return found ? { heading: found.heading, level: wanted.level, start: found.start, end: text.length } : null;
}
