/**
 * A note that opens like frontmatter Obsidian does not read: a first line of `---yaml` or
 * `---js` (Obsidian reads properties only under a first line of `---` alone) or a `---`
 * that is never closed. Obsidian then shows no properties and says nothing, so the person
 * would look untracked for no visible reason; Kindred says why, in the plugin (from the
 * note's text) and the command line alike, and the edits refuse such a note.
 */
import { findFrontmatter } from './log-section';

/** What is wrong with a first line of `---` and more (`---yaml`, `--- js`), quoted as written. */
export function fenceLanguageReason(openingLine: string): string {
	const firstLine = openingLine.trim();
	const language = firstLine.slice(3).trim();
	// Name the language when it is a word; anything else (a stray line) stays out of a one-line message.
	if (!/^[\w+.-]{1,20}$/.test(language)) return 'opens with a --- line that has more after it, which Obsidian does not read as properties';
	const lower = language.toLowerCase();
	if (lower === 'yaml' || lower === 'yml') {
		return `opens with "${firstLine}", which Obsidian does not read as properties; write the first line as --- alone`;
	}
	return `opens with "${firstLine}": only YAML under a first line of --- alone is read, and code in it is never run`;
}

export const UNCLOSED_REASON = 'opens with --- but has no closing --- line, so none of its properties are read';

/**
 * Why the frontmatter that `text` opens with is not read, or null when it is read or there
 * is none. As the command line's reader: a first line with no line feed after it (the
 * whole note, or old Mac line endings) opens no frontmatter at all.
 */
export function unreadFrontmatterReason(text: string): string | null {
	const fm = findFrontmatter(text);
	if (fm === null) return null;
	const eol = text.indexOf('\n', fm.bom);
	if (eol < 0) return null;
	if (fm.language !== '') return fenceLanguageReason(text.slice(fm.bom, eol));
	return fm.close === null ? UNCLOSED_REASON : null;
}
