/**
 * Creating a person note: checking the name, choosing where it goes and what it holds.
 *
 * The note goes in the first people folder. With a template note set (settings
 * `templatePath`), its text is copied, with `{{title}}`, `{{date}}` and `{{time}}` filled
 * in as Obsidian's Templates plugin would (its default formats); a template asking for a
 * format of its own (`{{date:YYYY}}`) is refused with a reason rather than left half
 * filled, which would break its frontmatter. Without one, the note gets `trust: 3` (so it follows
 * the trust-3 cadence and shows as "never contacted" until the first touchpoint) and an
 * empty log heading; `last_contact` is left out until a touchpoint writes it. When no
 * people folder is set, the person tag or marker goes in the frontmatter so the note
 * still counts as a person (into a template's too, when it holds neither: asPersonNote). An existing note is never overwritten, nor is a second note
 * made for a name that differs from one only in case (one file on most disks).
 */
import { normalizePath, parseYaml, TFile, TFolder } from 'obsidian';
import type { TAbstractFile, Vault } from 'obsidian';
import { setFrontmatterKey, yamlScalar } from '../core/frontmatter-edit';
import { findFrontmatter } from '../core/log-section';
import { frontmatterTags, isPersonNote } from '../core/membership';
import type { KindredSettings } from '../core/settings';
import type { LocalDate } from '../core/types';

/** Characters Obsidian cannot use in a note name or that break links, plus those other systems refuse. */
const FORBIDDEN = /[/\\:#^[\]|*"<>?]/;

/** Null when `name` can be a note name, else why not. */
export function personNameError(name: string): string | null {
	const n = name.trim();
	if (n === '') return 'Enter a name.';
	const bad = FORBIDDEN.exec(n);
	if (bad) return `A name cannot contain "${bad[0]}". Leave out / \\ : # ^ [ ] | * " < > ?`;
	if (n.startsWith('.')) return 'A name cannot start with a dot: the note would be hidden.';
	if (n.endsWith('.')) return 'A name cannot end with a dot.';
	return null;
}

/** Where the note for `name` goes. */
export function personNotePath(name: string, settings: Pick<KindredSettings, 'peopleFolders'>): string {
	const folder = settings.peopleFolders.find((f) => f.trim() !== '') ?? '';
	return normalizePath(folder === '' ? `${name.trim()}.md` : `${folder}/${name.trim()}.md`);
}

/** Why a template cannot be filled in, or null: a date or time in a format of its own. */
export function templateError(template: string): string | null {
	const own = /\{\{\s*(date|time)\s*:[^}]*\}\}/i.exec(template);
	return own === null ? null : `it asks for ${own[0]}, a format Kindred cannot fill in; use {{${own[1].toLowerCase()}}} instead`;
}

/** The new note's text: the template's, filled in, or a minimal person note. `time` is HH:mm. */
export function personNoteText(name: string, settings: KindredSettings, today: LocalDate, template: string | null, time = '00:00'): string {
	if (template !== null) {
		// One pass, with a function: a `$` in a name ("Ke$ha") is text, not a replacement
		// pattern, and a name holding "{{date}}" is not filled in again.
		const values: Record<string, string> = { title: name.trim(), date: today, time };
		return template.replace(/\{\{\s*(title|date|time)\s*\}\}/gi, (_, key: string) => values[key.toLowerCase()]);
	}
	const lines = ['---'];
	if (!settings.peopleFolders.some((f) => f.trim() !== '')) {
		// The marker makes it a person; "any value" (none set) is written as "person".
		if (settings.markerKey.trim() !== '') {
			lines.push(`${settings.markerKey.trim()}: ${yamlScalar(settings.markerValue.trim() || 'person')}`);
		} else if (settings.personTag.trim() !== '') {
			lines.push(`tags: [${yamlScalar(settings.personTag.replace(/^#/, '').trim())}]`);
		}
	}
	lines.push(`${settings.keys.trust}: 3`, '---', '', settings.logHeading, '');
	return lines.join('\n');
}

/** Tags written in the text as `#tag` (loosely: enough to tell whether the person tag is there). */
function writtenTags(text: string): string[] {
	return Array.from(text.matchAll(/(?:^|\s)#([^\s#]+)/g), (m) => m[1]);
}

/**
 * A filled template as a person note. With no people folder, only the person tag or the
 * marker makes the new note a person: when the template holds neither, the marker is
 * added to its frontmatter (the note would otherwise never show in the pane, with nothing
 * said); with no marker set either, the template cannot be used, and why is said.
 */
export function asPersonNote(text: string, path: string, settings: KindredSettings): { ok: true; text: string } | { ok: false; error: string } {
	const block = findFrontmatter(text);
	let frontmatter: Record<string, unknown> | null = null;
	if (block?.close && block.language === '') {
		try {
			const parsed: unknown = parseYaml(text.slice(block.contentStart, block.contentEnd));
			if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) frontmatter = parsed as Record<string, unknown>;
		} catch {
			// Not readable: the edit below says why, if it comes to that.
		}
	}
	const tags = [...frontmatterTags(frontmatter), ...writtenTags(block ? text.slice(block.end) : text)];
	if (isPersonNote({ path, frontmatter, tags }, settings)) return { ok: true, text };
	const key = settings.markerKey.trim();
	if (key === '') {
		return { ok: false, error: `it has no #${settings.personTag.replace(/^#/, '').trim()} tag, and with no people folder set the new note would not be a person; add the tag to the template` };
	}
	const marked = setFrontmatterKey(text, key, settings.markerValue.trim() || 'person', { parseYaml });
	return marked.ok ? { ok: true, text: marked.text } : { ok: false, error: `the person marker cannot be added: ${marked.reason}` };
}

export interface NewPersonDeps {
	vault: Pick<Vault, 'getAbstractFileByPath' | 'getFileByPath' | 'createFolder' | 'create' | 'cachedRead'>;
	getSettings: () => KindredSettings;
	today: () => LocalDate;
	/** The time now as HH:mm, for a template's {{time}}. */
	time?: () => string;
}

/** A file or folder beside `path` whose name differs from it only in case, or null. */
function caselessTwin(vault: NewPersonDeps['vault'], path: string): TAbstractFile | null {
	const slash = path.lastIndexOf('/');
	const folder = vault.getAbstractFileByPath(slash > 0 ? path.slice(0, slash) : '/');
	if (!(folder instanceof TFolder)) return null;
	const lower = path.toLowerCase();
	return folder.children.find((child) => child.path.toLowerCase() === lower) ?? null;
}

export type NewPersonResult =
	| { ok: true; file: TFile; created: boolean }
	| { ok: false; error: string };

/** Create the note for `name`, or find the one that already exists. */
export async function createPersonNote(deps: NewPersonDeps, name: string): Promise<NewPersonResult> {
	const error = personNameError(name);
	if (error !== null) return { ok: false, error };
	const settings = deps.getSettings();
	const path = personNotePath(name, settings);
	const existing = deps.vault.getAbstractFileByPath(path) ?? caselessTwin(deps.vault, path);
	if (existing) {
		return existing instanceof TFile ? { ok: true, file: existing, created: false } : { ok: false, error: `${existing.path} exists and is not a note.` };
	}
	let template: string | null = null;
	if (settings.templatePath.trim() !== '') {
		const templatePath = normalizePath(settings.templatePath);
		const file = deps.vault.getFileByPath(templatePath) ?? deps.vault.getFileByPath(`${templatePath}.md`);
		if (!file) return { ok: false, error: `The template for new people, ${templatePath}, was not found.` };
		template = await deps.vault.cachedRead(file);
		const why = templateError(template);
		if (why !== null) return { ok: false, error: `The template for new people, ${file.path}, cannot be used: ${why}.` };
	}
	let text = personNoteText(name, settings, deps.today(), template, deps.time?.());
	if (template !== null) {
		const person = asPersonNote(text, path, settings);
		if (!person.ok) return { ok: false, error: `The template for new people, ${normalizePath(settings.templatePath)}, cannot be used: ${person.error}.` };
		text = person.text;
	}
	try {
		const slash = path.lastIndexOf('/');
		if (slash > 0 && !deps.vault.getAbstractFileByPath(path.slice(0, slash))) {
			await deps.vault.createFolder(path.slice(0, slash));
		}
		const file = await deps.vault.create(path, text);
		return { ok: true, file, created: true };
	} catch (e) {
		return { ok: false, error: `Could not create ${path}: ${e instanceof Error ? e.message : String(e)}` };
	}
}
