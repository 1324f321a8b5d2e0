/**
 * Inline `#tags` in a note body, read the way Obsidian does for membership by tag
 * (`#person`, `#person/climbing`): a `#` at the start of a line or after whitespace,
 * followed by letters, digits, `_`, `-` or `/`, not all digits. Tags inside fenced code
 * blocks, inline code, HTML comments and `%%` comments do not count, and a heading's
 * `# ` is not a tag. The plugin gets the same list from the metadata cache.
 */

const TAG = /(?:^|[\s(,;])#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Remove inline code spans and single-line comments, keeping the rest of the line. */
function stripInline(line: string): string {
	return line
		.replace(/(`+)[^`]*?\1/g, ' ')
		.replace(/<!--.*?-->/g, ' ')
		.replace(/%%.*?%%/g, ' ');
}

/** Tags in the body, without `#`, in order of appearance, duplicates removed. */
export function bodyTags(body: string): string[] {
	const out: string[] = [];
	let fence: string | null = null;
	let inComment: '%%' | '<!--' | null = null;
	for (const raw of body.split(/\r?\n/)) {
		const fenceMatch = FENCE.exec(raw);
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
		const open = /%%|<!--/.exec(line);
		if (open) {
			inComment = open[0] === '%%' ? '%%' : '<!--';
			line = line.slice(0, open.index);
		}
		for (const m of line.matchAll(TAG)) {
			const tag = m[1].replace(/\/+$/, '');
			if (tag === '' || /^\d+$/.test(tag)) continue;
			if (!out.includes(tag)) out.push(tag);
		}
	}
	return out;
}
