/**
 * Which notes are people: inside a people folder (subfolders included), tagged with the
 * person tag (nested `person/work` counts), or carrying the frontmatter marker. All
 * three are settings. Templates are never people, so a template with `type: person`
 * does not show up as someone to call.
 */
import type { KindredSettings } from './settings';

export interface MembershipInput {
	/** Vault-relative path with extension. */
	path: string;
	frontmatter: Record<string, unknown> | null | undefined;
	/** Body tags and frontmatter tags, with or without `#`. */
	tags: string[];
}

function stripSlashes(folder: string): string {
	return folder.trim().replace(/^\/+|\/+$/g, '');
}

function inFolder(path: string, folder: string): boolean {
	const f = stripSlashes(folder);
	return f !== '' && path.startsWith(`${f}/`);
}

function normaliseTag(tag: string): string {
	return tag.trim().replace(/^#/, '').toLowerCase();
}

/** Tags from the `tags` / `tag` keys: a list or a string of comma- or space-separated tags, without `#`. */
export function frontmatterTags(frontmatter: Record<string, unknown> | null | undefined): string[] {
	if (!frontmatter) return [];
	const out: string[] = [];
	for (const key of Object.keys(frontmatter)) {
		const k = key.toLowerCase();
		if (k !== 'tags' && k !== 'tag') continue;
		const v = frontmatter[key];
		const items = Array.isArray(v) ? v : [v];
		for (const item of items) {
			if (typeof item !== 'string' && typeof item !== 'number') continue;
			for (const part of String(item).split(/[,\s]+/)) {
				const t = part.replace(/^#/, '');
				if (t !== '' && !out.includes(t)) out.push(t);
			}
		}
	}
	return out;
}

function hasMarker(frontmatter: Record<string, unknown> | null | undefined, settings: KindredSettings): boolean {
	const key = settings.markerKey.trim();
	if (key === '' || !frontmatter || !Object.prototype.hasOwnProperty.call(frontmatter, key)) return false;
	const want = settings.markerValue.trim().toLowerCase();
	const values = Array.isArray(frontmatter[key]) ? (frontmatter[key] as unknown[]) : [frontmatter[key]];
	return values.some((v) => {
		if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
		const s = String(v).trim().toLowerCase();
		// An empty marker value means "the key is present with any value".
		return want === '' ? s !== '' : s === want;
	});
}

/** True when the note is a person under these settings. */
export function isPersonNote(input: MembershipInput, settings: KindredSettings, templatesFolder?: string | null): boolean {
	const { path, frontmatter, tags } = input;
	if (!/\.md$/i.test(path)) return false;
	if (templatesFolder && inFolder(path, templatesFolder)) return false;
	if (settings.templatePath && stripSlashes(settings.templatePath) === path) return false;

	if (settings.peopleFolders.some((f) => inFolder(path, f))) return true;

	const tag = normaliseTag(settings.personTag);
	if (tag !== '' && tags.some((t) => {
		const n = normaliseTag(t);
		return n === tag || n.startsWith(`${tag}/`);
	})) {
		return true;
	}
	return hasMarker(frontmatter, settings);
}
