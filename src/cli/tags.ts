/**
 * Inline `#tags` in a note body, read the way Obsidian does for membership by tag
 * (`#person`, `#person/climbing`): a `#` at the start of a line or after whitespace,
 * followed by letters, digits, `_`, `-` or `/`, not all digits. Tags inside fenced code
 * blocks, inline code, HTML comments and `%%` comments do not count, and a heading's
 * `# ` is not a tag. The plugin gets the same list from the metadata cache.
 *
 * The reader asks for body tags only when they can decide membership; `mayHaveTag` is
 * the cheap test that comes first, so most notes are never split into lines.
 */

const TAG = /(?:^|[\s(,;])#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINES = /\r?\n/;

/** Remove inline code spans and single-line comments, keeping the rest of the line. */
function stripInline(line: string): string {
	// Each replacement needs its opening character; most lines have none of them.
	if (line.includes('`')) line = line.replace(/(`+)[^`]*?\1/g, ' ');
	if (line.includes('<!--')) line = line.replace(/<!--.*?-->/g, ' ');
	if (line.includes('%%')) line = line.replace(/%%.*?%%/g, ' ');
	return line;
}

/** Tags in the body, without `#`, in order of appearance, duplicates removed. */
export function bodyTags(body: string): string[] {
	const out: string[] = [];
	eachBodyTag(body, (tag) => {
		if (!out.includes(tag)) out.push(tag);
		return false;
	});
	return out;
}

/** True when `test` holds for a body tag (as bodyTags lists them); stops at the first. */
export function someBodyTag(body: string, test: (tag: string) => boolean): boolean {
	return eachBodyTag(body, test);
}

/** Call `fn` with each body tag in order (repeats included) until it returns true. */
function eachBodyTag(body: string, fn: (tag: string) => boolean): boolean {
	let fence: string | null = null;
	let inComment: '%%' | '<!--' | null = null;
	for (const raw of body.split(LINES)) {
		// Only a line indented at most three spaces that then starts with ` or ~ can be a fence.
		const fenceMatch = maybeFence(raw) ? FENCE.exec(raw) : null;
		if (fence !== null) {
			// A fence closes with the same character, at least as long, and nothing after it.
			if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && raw.trim() === fenceMatch[1]) {
				fence = null;
			}
			continue;
		}
		if (fenceMatch) {
			fence = fenceMatch[1];
			continue;
		}
		let line = raw;
		if (inComment !== null) {
			const end = line.indexOf(inComment === '%%' ? '%%' : '-->');
			if (end === -1) continue;
			line = line.slice(end + (inComment === '%%' ? 2 : 3));
			inComment = null;
		}
		line = stripInline(line);
		const open = line.includes('%%') || line.includes('<!--') ? /%%|<!--/.exec(line) : null;
		if (open) {
			inComment = open[0] === '%%' ? '%%' : '<!--';
			line = line.slice(0, open.index);
		}
		if (!line.includes('#')) continue;
		for (const m of line.matchAll(TAG)) {
			const tag = m[1].replace(/\/+$/, '');
			if (tag === '' || /^\d+$/.test(tag)) continue;
			if (fn(tag)) return true;
		}
	}
	return false;
}

function maybeFence(line: string): boolean {
	let i = 0;
	while (i < 3 && line.charCodeAt(i) === 32) i++;
	const c = line.charCodeAt(i);
	return c === 96 || c === 126;
}

const KELVIN = 0x212a;

/**
 * False only when no body tag can equal `tag` or start with `tag/` case-insensitively, as
 * core's membership compares them (lower case): the text holds no `#` followed by the
 * tag's characters in either case. `tag` must be lower case; for a tag that is not plain
 * ASCII this always answers true (the full reading decides). Among characters outside
 * ASCII only the Kelvin sign lowers to an ASCII letter (k); `İ` lowers to `i` plus a
 * combining dot, which no ASCII tag can match.
 */
export function mayHaveTag(text: string, tag: string): boolean {
	for (let k = 0; k < tag.length; k++) if (tag.charCodeAt(k) > 127) return true;
	const n = tag.length;
	for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
		let j = 0;
		for (; j < n; j++) {
			const c = text.charCodeAt(i + 1 + j);
			const w = tag.charCodeAt(j);
			if (c === w) continue;
			if (w >= 97 && w <= 122 && (c === w - 32 || (w === 107 && c === KELVIN))) continue;
			break;
		}
		if (j === n) return true;
	}
	return false;
}
