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
 * - A comment block is a line starting (indented at most three spaces) with Obsidian's
 *   `%%` or HTML's `<!--` that does not close on that line; it runs to the first line
 *   holding the closing `%%` or `-->` (or to the end of the note). Obsidian shows none of
 *   it, so a heading or a log line inside is not the log; lines inside count as code.
 *   (A comment that opens in the middle of a line is left alone: `%%` in running text or
 *   in inline code must not hide the rest of the note.)
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
	/** Spaces before the opening run: a closing line written by Kindred uses as many. */
	indent: number;
	/**
	 * The content column of the list item the fence is in (0 when none): a line indented
	 * less than that, not blank, ends the item and with it the fence, closed or not.
	 */
	container: number;
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

/**
 * True for a note whose lines end in a lone CR (old Mac line endings): a CR and no LF at
 * all. Edits refuse it (LONE_CR): a line added with LF would mix two kinds of line ending.
 * A stray CR in a note with LF or CRLF line endings is left to the edit, as any character.
 */
export function endsLinesWithLoneCr(text: string): boolean {
	return text.indexOf('\n') < 0 && text.indexOf('\r') >= 0;
}

export const LONE_CR = 'its lines end in a lone carriage return (old Mac line endings); only notes with LF or CRLF line endings are edited';

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
	return { char: ch, length: j - i, indent: i - line.start, container: 0 };
}

/** Lines looked at above an indented fence for the list item it is in (see listItemAround). */
const CONTAINER_LOOKBACK = 500;

/** The column `text[from, to)` reaches (a tab to the next multiple of four), stopping at `limit`. */
function columnsOf(text: string, from: number, to: number, limit: number): { col: number; at: number } {
	let col = 0;
	let at = from;
	while (at < to && col < limit) {
		const c = text.charCodeAt(at);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else break;
		at++;
	}
	return { col, at };
}

/**
 * True when the line `[start, end)` is not blank and indented less than `column`: in a
 * list item whose content starts at `column`, such a line ends the item (Markdown has no
 * lazy continuation for code), and with it a fence opened in the item.
 */
export function endsContainer(text: string, start: number, end: number, column: number): boolean {
	const { col, at } = columnsOf(text, start, end, column);
	return col < column && at < end;
}

/**
 * The content column of the list item that a fence indented `indent` spaces, on the line
 * starting at `lineStart`, belongs to; 0 when it is in none. Looks up from the fence
 * past blank lines and lines indented at least as far, to the first line indented less:
 * a list item (`-`, `*`, `+`, `1.` or `1)` then spaces) whose content starts at or before
 * the fence's column holds it. Markdown ends such a fence with the item, closed or not,
 * and Obsidian shows what follows (a heading, the log) as it is. Only indented fences
 * ask, and at most CONTAINER_LOOKBACK lines are looked at.
 */
export function listItemAround(text: string, lineStart: number, floor: number, indent: number): number {
	if (indent === 0) return 0;
	let end = lineStart;
	for (let n = 0; n < CONTAINER_LOOKBACK && end > floor; n++) {
		// The line before the one starting at `end`.
		const lineEnd = end - 1 > floor && text.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
		const start = Math.max(floor, text.lastIndexOf('\n', end - 2) + 1);
		end = start;
		const { col, at } = columnsOf(text, start, lineEnd, indent);
		if (at >= lineEnd || col >= indent) continue;
		return listContentColumn(text, at, lineEnd, col, indent);
	}
	return 0;
}

/** The content column of a list item marker at `at` (column `col`), when it is at most `max`; else 0. */
function listContentColumn(text: string, at: number, end: number, col: number, max: number): number {
	let j = at;
	const c = text.charCodeAt(j);
	if (c === 45 || c === 42 || c === 43) j++;
	else {
		while (j < end && j - at < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
		if (j === at || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return 0;
		j++;
	}
	const marker = col + (j - at);
	const { col: spaces } = columnsOf(text, j, end, 5);
	if (spaces === 0 && j < end) return 0;
	// One to four spaces after the marker belong to it; five or more start indented code, one is the marker's.
	const content = marker + (spaces >= 1 && spaces <= 4 ? spaces : 1);
	return content <= max ? content : 0;
}

/** What closes a comment block: Obsidian's `%%` or HTML's `-->`. */
export type CommentEnd = '%%' | '-->';

/**
 * The comment block this line opens, if any (see the header): the line starts with `%%`
 * or `<!--` and holds no closing mark after it.
 */
function commentOpening(text: string, line: Line): CommentEnd | null {
	const i = contentIndex(text, line);
	if (i < 0 || i >= line.end) return null;
	const c = text.charCodeAt(i);
	if (c === 37 && text.charCodeAt(i + 1) === 37) return closesWithin(text, i + 2, line.end, '%%') ? null : '%%';
	if (c === 60 && text.startsWith('<!--', i)) return closesWithin(text, i + 4, line.end, '-->') ? null : '-->';
	return null;
}

/** True when `mark` occurs in `text[from, to)`. */
function closesWithin(text: string, from: number, to: number, mark: CommentEnd): boolean {
	const k = text.indexOf(mark, from);
	return k >= 0 && k + mark.length <= to;
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

function normHeading(s: string): string {
	return s.replace(/\s+/g, ' ').toLowerCase();
}

function sameHeadingText(a: string, b: string): boolean {
	return normHeading(a) === normHeading(b);
}

/** A heading setting, parsed, with its text normalised for comparison. */
interface WantedHeading {
	level: number;
	text: string;
	norm: string;
}

// The setting is the same for every note of a vault: parse it once, not per note.
let cachedSetting: string | null = null;
let cachedWanted: WantedHeading | null = null;

function wantedHeading(setting: string): WantedHeading | null {
	if (setting !== cachedSetting) {
		const h = parseHeadingSetting(setting);
		cachedWanted = h ? { level: h.level, text: h.text, norm: normHeading(h.text) } : null;
		cachedSetting = setting;
	}
	return cachedWanted;
}

function isAsciiSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Whether the heading text `text[from, to)` (after the hashes, before the line ending)
 * equals `wanted` as sameHeadingText sees it. ASCII text is compared in place; anything
 * else falls back to the exact string rules (Unicode spaces and case).
 */
function headingTextMatches(text: string, from: number, to: number, wanted: WantedHeading): boolean {
	// Same trimming as headingOf: trailing blanks, then a closing run of hashes.
	let end = to;
	while (end > from && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
	let k = end;
	while (k > from && text.charCodeAt(k - 1) === 35) k--;
	if (k < end && (k === from || text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) end = k;
	for (let i = from; i < end; i++) {
		if (text.charCodeAt(i) >= 128) return sameHeadingText(text.slice(from, end).trim(), wanted.text);
	}
	let i = from;
	while (i < end && isAsciiSpace(text.charCodeAt(i))) i++;
	while (end > i && isAsciiSpace(text.charCodeAt(end - 1))) end--;
	const norm = wanted.norm;
	let n = 0;
	while (i < end) {
		let c = text.charCodeAt(i);
		if (isAsciiSpace(c)) {
			while (i < end && isAsciiSpace(text.charCodeAt(i))) i++;
			c = 32;
		} else {
			if (c >= 65 && c <= 90) c += 32;
			i++;
		}
		if (n >= norm.length || norm.charCodeAt(n) !== c) return false;
		n++;
	}
	return n === norm.length;
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

/** True when `text[from, to)` is empty or only whitespace (as `String.prototype.trim` sees it). */
function allWhitespace(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 32 || (c >= 9 && c <= 13)) continue;
		// Rare: let trim() decide about Unicode spaces rather than keep a table of them.
		return c < 128 ? false : text.slice(i, to).trim() === '';
	}
	return true;
}

/**
 * Where the markdown body starts: after a closed frontmatter block, else after the BOM.
 * Same rules as findFrontmatter, but walks lines by offset without building any object,
 * because every note read goes through here.
 */
export function bodyStart(text: string): number {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith('---', bom)) return bom;
	const len = text.length;
	const nl = text.indexOf('\n', bom);
	if (nl < 0) return bom;
	const openEnd = nl > bom && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
	// `----` is a thematic break, not a fence.
	if (openEnd > bom + 3 && text.charCodeAt(bom + 3) === 45) return bom;
	let pos = nl + 1;
	while (pos < len) {
		const lnl = text.indexOf('\n', pos);
		const end = lnl < 0 ? len : lnl > pos && text.charCodeAt(lnl - 1) === 13 ? lnl - 1 : lnl;
		const next = lnl < 0 ? len : lnl + 1;
		if (text.startsWith('---', pos) && allWhitespace(text, pos + 3, end)) return next;
		pos = next;
	}
	return bom;
}

/** Lines of the body with their code state, for one linear pass. */
export interface ScannedLine extends Line {
	/** Inside a fenced code block or a comment block (their opening and closing lines included). */
	code: boolean;
	heading: Heading | null;
}

/** What scanLines found, and what is still open where it stopped. */
export interface ScannedLines {
	lines: ScannedLine[];
	/** The fence still open at the end (null when none). */
	openFence: Fence | null;
	/** The comment block still open at the end: what would close it (null when none). */
	openComment: CommentEnd | null;
}

/**
 * Walk lines from `from` to `to`, tracking fences and comment blocks. Returns the lines
 * and what is still open at `to`, so a caller appending at the end can close it first.
 */
export function scanLines(text: string, from: number, to: number): ScannedLines {
	const lines: ScannedLine[] = [];
	let fence: Fence | null = null;
	let comment: CommentEnd | null = null;
	let pos = from;
	while (pos < to) {
		const line = lineAt(text, pos);
		let code = true;
		let heading: Heading | null = null;
		if (fence && fence.container > 0 && endsContainer(text, line.start, line.end, fence.container)) fence = null;
		if (fence) {
			if (closesFence(text, line, fence)) fence = null;
		} else if (comment) {
			if (closesWithin(text, line.start, line.end, comment)) comment = null;
		} else {
			fence = fenceOpening(text, line);
			if (fence) fence.container = listItemAround(text, line.start, from, fence.indent);
			comment = fence ? null : commentOpening(text, line);
			if (!fence && !comment) {
				code = false;
				heading = headingOf(text, line);
			}
		}
		lines.push({ start: line.start, end: line.end, next: line.next, code, heading });
		pos = line.next;
	}
	return { lines, openFence: fence, openComment: comment };
}

/**
 * The section under `heading` (e.g. `## Interactions`): the first heading of that level
 * whose text matches case-insensitively, outside the frontmatter and fenced code, up to
 * the next heading of the same or a higher level. Null when the note has none.
 */
export function findSection(text: string, heading: string): Section | null {
	return walkSection(text, heading, null);
}

/**
 * findSection that also calls `visit(start, end)` for each line of the section that is
 * neither fenced code nor a heading (`[start, end)` without the line ending, as lineAt),
 * in the same pass. This is the hot path of reading a note's log, so it walks lines by
 * offset and builds no object per line or per heading.
 */
export function walkSection(
	text: string,
	heading: string,
	visit: ((start: number, end: number) => void) | null,
): Section | null {
	const wanted = wantedHeading(heading);
	if (!wanted) return null;
	const len = text.length;
	// Fence state as numbers: the fence character's code (0 when none) and run length.
	let fenceChar = 0;
	let fenceLen = 0;
	// The content column of the list item the open fence is in (see listItemAround), 0 when none.
	let fenceContainer = 0;
	// The open comment block's closing mark (see commentOpening), null when none.
	let comment: CommentEnd | null = null;
	let found: Line | null = null;
	const body = bodyStart(text);
	let pos = body;
	while (pos < len) {
		const nl = text.indexOf('\n', pos);
		const end = nl < 0 ? len : nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
		const next = nl < 0 ? len : nl + 1;
		// Content index when indented at most three spaces (see contentIndex); -1 for none.
		let i = pos;
		while (i < end && i - pos < 4 && text.charCodeAt(i) === 32) i++;
		const c = i - pos > 3 || i >= end ? -1 : text.charCodeAt(i);
		// The list item holding the fence ended: so did the fence, and this line is read as any other.
		if (fenceChar !== 0 && fenceContainer > 0 && endsContainer(text, pos, end, fenceContainer)) fenceChar = 0;
		if (fenceChar !== 0) {
			if (c === fenceChar) {
				let j = i;
				while (j < end && text.charCodeAt(j) === fenceChar) j++;
				if (j - i >= fenceLen) {
					while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
					if (j === end) fenceChar = 0;
				}
			}
			pos = next;
			continue;
		}
		if (comment !== null) {
			if (closesWithin(text, pos, end, comment)) comment = null;
			pos = next;
			continue;
		}
		if (c === 37 || c === 60) {
			// Only a line starting with `%` or `<` can open a comment block.
			comment = commentOpening(text, { start: pos, end, next });
			if (comment !== null) {
				pos = next;
				continue;
			}
		} else if (c === 96 || c === 126) {
			let j = i;
			while (j < end && text.charCodeAt(j) === c) j++;
			let opens = j - i >= 3;
			// A backtick fence's info string may not contain a backtick (CommonMark).
			if (opens && c === 96) {
				for (let k = j; k < end; k++) if (text.charCodeAt(k) === 96) opens = false;
			}
			if (opens) {
				fenceChar = c;
				fenceLen = j - i;
				fenceContainer = listItemAround(text, pos, body, i - pos);
				pos = next;
				continue;
			}
		} else if (c === 35) {
			let j = i;
			while (j < end && text.charCodeAt(j) === 35) j++;
			const level = j - i;
			if (level <= 6 && (j === end || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
				if (found) {
					if (level <= wanted.level) return { heading: found, level: wanted.level, start: found.next, end: pos };
				} else if (level === wanted.level && headingTextMatches(text, j, end, wanted)) {
					found = { start: pos, end, next };
				}
				pos = next;
				continue;
			}
		}
		if (found && visit) visit(pos, end);
		pos = next;
	}
	return found ? { heading: found, level: wanted.level, start: found.next, end: len } : null;
}
