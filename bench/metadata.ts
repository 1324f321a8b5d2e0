/**
 * The metadata cache entry of a generated note, built from what the generator already
 * knows (frontmatter object, body tags) plus one line scan for positions, headings, list
 * items, links and sections. It has the shape obsidian-test-mocks' own parser produces
 * (test/bench checks the two agree on a sample), at a fraction of the cost: the double's
 * parser re-reads the YAML and runs a dozen regexes per note, which at 50,000 people
 * takes longer than the whole benchmark may.
 */
import type { CachedMetadata, Loc, Pos, SectionCache } from 'obsidian';
import type { GeneratedNote } from './generate';

const HEADING = /^(#{1,6})\s+(.+)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d+[.)]) (?:\[(.)\] )?/;
const WIKILINK = /(?<!!)\[\[([^\]|]+?)(?:\|([^\]]*?))?\]\]/g;
const TAG = /(?:^|\s)#([A-Za-z_][\w/-]*)/g;

function loc(line: number, col: number, offset: number): Loc {
	return { line, col, offset };
}

/** Links inside frontmatter values, keyed `knows.0` for list items as Obsidian does. */
function frontmatterLinks(fm: Record<string, unknown>): NonNullable<CachedMetadata['frontmatterLinks']> {
	const out: NonNullable<CachedMetadata['frontmatterLinks']> = [];
	const collect = (key: string, value: string): void => {
		for (const m of value.matchAll(WIKILINK)) {
			const entry: (typeof out)[number] = { key, link: m[1], original: m[0] };
			if (m[2] !== undefined) entry.displayText = m[2];
			out.push(entry);
		}
	};
	for (const [key, value] of Object.entries(fm)) {
		if (typeof value === 'string') collect(key, value);
		else if (Array.isArray(value)) {
			value.forEach((item, i) => {
				if (typeof item === 'string') collect(`${key}.${i}`, item);
			});
		}
	}
	return out;
}

/** What `metadataCache.getFileCache(file)` would hold for this note. */
export function cachedMetadataFor(note: GeneratedNote): CachedMetadata {
	const text = note.content;
	const cache: CachedMetadata = {};
	const sections: SectionCache[] = [];
	const headings: NonNullable<CachedMetadata['headings']> = [];
	const listItems: NonNullable<CachedMetadata['listItems']> = [];
	const links: NonNullable<CachedMetadata['links']> = [];
	const tags: NonNullable<CachedMetadata['tags']> = [];

	let offset = 0;
	let line = 0;
	let bodyStart = 0;
	if (text.startsWith('---\n')) {
		const close = text.indexOf('\n---\n', 3);
		bodyStart = close + 5;
		const endLine = text.slice(0, close + 1).split('\n').length - 1;
		const pos: Pos = { start: loc(0, 0, 0), end: loc(endLine + 1, 0, bodyStart) };
		cache.frontmatter = note.frontmatter ?? {};
		const fl = frontmatterLinks(note.frontmatter ?? {});
		if (fl.length > 0) cache.frontmatterLinks = fl;
		cache.frontmatterPosition = pos;
		sections.push({ position: pos, type: 'yaml' });
		offset = bodyStart;
		line = endLine + 1;
	}

	// One pass over the body's lines: headings, list runs and paragraphs as sections.
	let listStart: Loc | null = null;
	let listEnd: Loc | null = null;
	let listFirstLine = 0;
	let paraStart: Loc | null = null;
	let paraEnd: Loc | null = null;
	const closeList = (): void => {
		if (listStart && listEnd) sections.push({ position: { start: listStart, end: listEnd }, type: 'list' });
		listStart = listEnd = null;
	};
	const closePara = (): void => {
		if (paraStart && paraEnd) sections.push({ position: { start: paraStart, end: paraEnd }, type: 'paragraph' });
		paraStart = paraEnd = null;
	};
	while (offset < text.length) {
		let end = text.indexOf('\n', offset);
		if (end < 0) end = text.length;
		const s = text.slice(offset, end);
		const start = loc(line, 0, offset);
		const stop = loc(line, end - offset, end);
		// Cheap first-character checks before each regex: this runs on every line of the vault.
		const c = s.charCodeAt(0);
		const h = c === 35 ? HEADING.exec(s) : null;
		const li = h === null && (c === 45 || c === 42 || c === 43 || c === 32 || c === 9 || (c >= 48 && c <= 57)) ? LIST_ITEM.exec(s) : null;
		if (h) {
			closeList();
			closePara();
			headings.push({ heading: h[2].trim(), level: h[1].length, position: { start, end: stop } });
			sections.push({ position: { start, end: stop }, type: 'heading' });
		} else if (li) {
			closePara();
			if (listStart === null) {
				listStart = start;
				listFirstLine = line;
			}
			listEnd = stop;
			const item: NonNullable<CachedMetadata['listItems']>[number] = { parent: -listFirstLine, position: { start, end: stop } };
			if (li[3] !== undefined) item.task = li[3];
			listItems.push(item);
		} else if (s.trim() === '') {
			closeList();
			closePara();
		} else {
			closeList();
			if (paraStart === null) paraStart = start;
			paraEnd = stop;
		}
		if (s.includes('[[')) {
			for (const m of s.matchAll(WIKILINK)) {
				const at = offset + (m.index ?? 0);
				links.push({
					link: m[1],
					original: m[0],
					displayText: m[2] ?? m[1],
					position: { start: loc(line, at - offset, at), end: loc(line, at - offset + m[0].length, at + m[0].length) },
				});
			}
		}
		if (s.includes('#')) {
			for (const m of s.matchAll(TAG)) {
				const at = offset + (m.index ?? 0) + m[0].indexOf('#');
				const len = m[1].length + 1;
				tags.push({ tag: `#${m[1]}`, position: { start: loc(line, at - offset, at), end: loc(line, at - offset + len, at + len) } });
			}
		}
		offset = end + 1;
		line++;
	}
	closeList();
	closePara();

	if (headings.length > 0) cache.headings = headings;
	if (tags.length > 0) cache.tags = tags;
	if (links.length > 0) cache.links = links;
	if (listItems.length > 0) cache.listItems = listItems;
	if (sections.length > 0) cache.sections = sections.sort((a, b) => a.position.start.offset - b.position.start.offset);
	return cache;
}
