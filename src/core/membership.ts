/**
 * Which notes are people: inside a people folder (subfolders included), tagged with the
 * person tag (nested `person/work` counts), or carrying the frontmatter marker. All
 * three are settings. Templates are never people, so a template with `type: person`
 * does not show up as someone to call.
 *
 * The index asks this of every note in the vault at start-up, so the settings are
 * normalised once into a matcher (reused while they stay the same), and a note the path
 * already decides costs no tag list.
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

/**
 * The note the template-path setting names, as a vault path, or null for none: `//`
 * collapsed, no `/` at either end, and `.md` added when left out, as the new-person
 * command finds it either way (`Meta/Person template` is `Meta/Person template.md`).
 */
export function templateNotePath(setting: string): string | null {
	const p = stripSlashes(setting.replace(/\/{2,}/g, '/'));
	if (p === '') return null;
	return /\.md$/i.test(p) ? p : `${p}.md`;
}

/** `Folder/`, or null when the setting names no folder. */
function folderPrefix(folder: string | null | undefined): string | null {
	if (!folder) return null;
	const f = stripSlashes(folder);
	return f === '' ? null : `${f}/`;
}

function normaliseTag(tag: string): string {
	return tag.trim().replace(/^#/, '').toLowerCase();
}

function isTagKey(key: string): boolean {
	// Cheap length test first: this runs for every key of every note's frontmatter.
	if (key.length !== 3 && key.length !== 4) return false;
	const k = key.toLowerCase();
	return k === 'tags' || k === 'tag';
}

/** Non-empty visible ASCII without `,` or `#`: what splitting and stripping `#` leave as it is. */
function isPlainWord(s: string): boolean {
	if (s.length === 0) return false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c <= 32 || c >= 127 || c === 44 || c === 35) return false;
	}
	return true;
}

/** Each tag of the `tags` / `tag` keys, without one leading `#`, in order (may repeat). */
function forEachFrontmatterTag(frontmatter: Record<string, unknown>, fn: (tag: string) => boolean): boolean {
	for (const key in frontmatter) {
		if (!Object.prototype.hasOwnProperty.call(frontmatter, key) || !isTagKey(key)) continue;
		const v = frontmatter[key];
		// A list, or one value read as a list of one (without making that list).
		if (!Array.isArray(v)) {
			if (someTagIn(v, fn)) return true;
			continue;
		}
		for (const item of v) if (someTagIn(item, fn)) return true;
	}
	return false;
}

/** The tags one value of `tags` holds (text may hold several): true when `fn` is for one. */
function someTagIn(item: unknown, fn: (tag: string) => boolean): boolean {
	if (typeof item !== 'string' && typeof item !== 'number') return false;
	// One plain word (the usual `tags: [project]`) is its own tag: no split, no regex.
	if (typeof item === 'string' && isPlainWord(item)) return fn(item);
	for (const part of String(item).split(/[,\s]+/)) {
		const t = part.replace(/^#/, '');
		if (t !== '' && fn(t)) return true;
	}
	return false;
}

/** Tags from the `tags` / `tag` keys: a list or a string of comma- or space-separated tags, without `#`. */
export function frontmatterTags(frontmatter: Record<string, unknown> | null | undefined): string[] {
	if (!frontmatter) return [];
	const out: string[] = [];
	forEachFrontmatterTag(frontmatter, (t) => {
		if (!out.includes(t)) out.push(t);
		return false;
	});
	return out;
}

/** The membership settings, normalised once. */
export class MembershipMatcher {
	private readonly folders: readonly string[];
	private readonly templates: string | null;
	private readonly templatePath: string | null;
	/** Normalised person tag; '' when tags don't make people. */
	/** The person tag, normalised (no '#', lower case); empty when tags are off. */
	readonly tag: string;
	private readonly tagPrefix: string;
	private readonly markerKey: string;
	private readonly markerValue: string;
	/** isPersonTag as a function made once: hasPersonTagIn runs for most notes in the vault. */
	private readonly personTagTest: (tag: string) => boolean = (tag) => this.isPersonTag(tag);

	constructor(settings: KindredSettings, templatesFolder?: string | null) {
		this.folders = settings.peopleFolders.map(folderPrefix).filter((f): f is string => f !== null);
		this.templates = folderPrefix(templatesFolder);
		this.templatePath = templateNotePath(settings.templatePath);
		this.tag = normaliseTag(settings.personTag);
		this.tagPrefix = `${this.tag}/`;
		this.markerKey = settings.markerKey.trim();
		this.markerValue = settings.markerValue.trim().toLowerCase();
	}

	/**
	 * What the path alone says: false for a non-note or a template, true inside a people
	 * folder, null when it takes the tags or the marker to tell.
	 */
	byPath(path: string): boolean | null {
		// `.md` in any case, without a regex or a lower-cased copy.
		const n = path.length;
		if (!(n >= 3 && path.charCodeAt(n - 3) === 46 && (path.charCodeAt(n - 2) | 32) === 109 && (path.charCodeAt(n - 1) | 32) === 100)) {
			return false;
		}
		if (this.templates !== null && path.startsWith(this.templates)) return false;
		if (this.isTemplateFile(path)) return false;
		for (const f of this.folders) if (path.startsWith(f)) return true;
		return null;
	}

	/**
	 * What the folder alone says of every note directly in it (`folder` as a vault path,
	 * '' or '/' for the root): false inside the templates folder, true inside a people
	 * folder, null when each note's tags or marker tell. With isTemplateFile it says what
	 * byPath says of every `.md` note in the folder, since a note's name holds no `/`: the
	 * index's start-up walk decides whole folders this way.
	 */
	byFolder(folder: string): boolean | null {
		const prefix = folder === '' || folder === '/' ? '' : `${folder}/`;
		if (this.templates !== null && prefix.startsWith(this.templates)) return false;
		for (const f of this.folders) if (prefix.startsWith(f)) return true;
		return null;
	}

	/** True for the note the template-path setting names: never a person, wherever it is. */
	isTemplateFile(path: string): boolean {
		return this.templatePath !== null && this.templatePath === path;
	}

	/** True for the person tag or one nested under it, with or without `#`, any case. */
	isPersonTag(tag: string): boolean {
		const want = this.tag;
		if (want === '') return false;
		// Most tags differ in their first letter: rule them out before normalising.
		const at = tag.charCodeAt(0) === 35 ? 1 : 0;
		const c = tag.charCodeAt(at);
		if (c > 32 && c < 127 && (c >= 65 && c <= 90 ? c + 32 : c) !== want.charCodeAt(0)) return false;
		const t = normaliseTag(tag);
		return t === want || t.startsWith(this.tagPrefix);
	}

	/** True when the frontmatter's `tags` / `tag` carry the person tag. */
	hasPersonTagIn(frontmatter: Record<string, unknown> | null | undefined): boolean {
		if (this.tag === '' || !frontmatter) return false;
		return forEachFrontmatterTag(frontmatter, this.personTagTest);
	}

	/** True when the frontmatter carries the marker (an empty marker value: the key with any value). */
	hasMarker(frontmatter: Record<string, unknown> | null | undefined): boolean {
		const key = this.markerKey;
		if (key === '' || !frontmatter || !Object.prototype.hasOwnProperty.call(frontmatter, key)) return false;
		const raw = frontmatter[key];
		if (!Array.isArray(raw)) return this.isMarkerValue(raw);
		for (const v of raw) if (this.isMarkerValue(v)) return true;
		return false;
	}

	private isMarkerValue(v: unknown): boolean {
		if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
		const want = this.markerValue;
		// The usual exact spelling needs no trimming or lower-casing.
		if (v === want && want !== '') return true;
		const s = String(v).trim().toLowerCase();
		// An empty marker value means "the key is present with any value".
		return want === '' ? s !== '' : s === want;
	}

	/** isPersonNote under these settings. */
	test(input: MembershipInput): boolean {
		const byPath = this.byPath(input.path);
		if (byPath !== null) return byPath;
		return input.tags.some((t) => this.isPersonTag(t)) || this.hasMarker(input.frontmatter);
	}
}

interface CachedMatcher {
	peopleFolders: readonly string[];
	personTag: string;
	markerKey: string;
	markerValue: string;
	templatePath: string;
	templatesFolder: string | null;
	matcher: MembershipMatcher;
}

let last: CachedMatcher | null = null;

function sameList(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * The matcher for these settings: the last one built while the membership settings have
 * the same values (compared by value, so a settings object edited in place is seen).
 */
export function membershipMatcher(settings: KindredSettings, templatesFolder?: string | null): MembershipMatcher {
	const t = templatesFolder ?? null;
	const c = last;
	if (
		c !== null &&
		c.personTag === settings.personTag &&
		c.markerKey === settings.markerKey &&
		c.markerValue === settings.markerValue &&
		c.templatePath === settings.templatePath &&
		c.templatesFolder === t &&
		sameList(c.peopleFolders, settings.peopleFolders)
	) {
		return c.matcher;
	}
	const matcher = new MembershipMatcher(settings, t);
	last = {
		// A copy: the settings' own array may be edited in place later.
		peopleFolders: [...settings.peopleFolders],
		personTag: settings.personTag,
		markerKey: settings.markerKey,
		markerValue: settings.markerValue,
		templatePath: settings.templatePath,
		templatesFolder: t,
		matcher,
	};
	return matcher;
}

/** True when the note is a person under these settings. */
export function isPersonNote(input: MembershipInput, settings: KindredSettings, templatesFolder?: string | null): boolean {
	return membershipMatcher(settings, templatesFolder).test(input);
}
