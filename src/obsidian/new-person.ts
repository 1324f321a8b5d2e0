/**
 * Creating a person note: checking the name, choosing where it goes and what it holds.
 *
 * The note goes in the first people folder. With a template note set (settings
 * `templatePath`), its text is copied, with `{{title}}` and `{{date}}` filled in as
 * Obsidian's Templates plugin would. Without one, the note gets `trust: 3` (so it follows
 * the trust-3 cadence and shows as "never contacted" until the first touchpoint) and an
 * empty log heading; `last_contact` is left out until a touchpoint writes it. When no
 * people folder is set, the person tag or marker goes in the frontmatter so the note
 * still counts as a person. An existing note is never overwritten.
 */
import { normalizePath } from 'obsidian';
import type { TFile, Vault } from 'obsidian';
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

/** The new note's text: the template's, filled in, or a minimal person note. */
export function personNoteText(name: string, settings: KindredSettings, today: LocalDate, template: string | null): string {
	if (template !== null) {
		return template.replace(/\{\{\s*title\s*\}\}/gi, name.trim()).replace(/\{\{\s*date\s*\}\}/gi, today);
	}
	const lines = ['---'];
	if (!settings.peopleFolders.some((f) => f.trim() !== '')) {
		if (settings.markerKey.trim() !== '' && settings.markerValue.trim() !== '') {
			lines.push(`${settings.markerKey}: ${settings.markerValue}`);
		} else if (settings.personTag.trim() !== '') {
			lines.push(`tags: [${settings.personTag.replace(/^#/, '')}]`);
		}
	}
	lines.push(`${settings.keys.trust}: 3`, '---', '', settings.logHeading, '');
	return lines.join('\n');
}

export interface NewPersonDeps {
	vault: Pick<Vault, 'getAbstractFileByPath' | 'getFileByPath' | 'createFolder' | 'create' | 'cachedRead'>;
	getSettings: () => KindredSettings;
	today: () => LocalDate;
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
	const existing = deps.vault.getAbstractFileByPath(path);
	if (existing) {
		const file = deps.vault.getFileByPath(path);
		return file ? { ok: true, file, created: false } : { ok: false, error: `${path} exists and is not a note.` };
	}
	let template: string | null = null;
	if (settings.templatePath.trim() !== '') {
		const templatePath = normalizePath(settings.templatePath);
		const file = deps.vault.getFileByPath(templatePath) ?? deps.vault.getFileByPath(`${templatePath}.md`);
		if (!file) return { ok: false, error: `The template for new people, ${templatePath}, was not found.` };
		template = await deps.vault.cachedRead(file);
	}
	try {
		const slash = path.lastIndexOf('/');
		if (slash > 0 && !deps.vault.getAbstractFileByPath(path.slice(0, slash))) {
			await deps.vault.createFolder(path.slice(0, slash));
		}
		const file = await deps.vault.create(path, personNoteText(name, settings, deps.today(), template));
		return { ok: true, file, created: true };
	} catch (e) {
		return { ok: false, error: `Could not create ${path}: ${e instanceof Error ? e.message : String(e)}` };
	}
}
