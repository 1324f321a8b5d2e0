/**
 * The disk reader: a vault folder in, people out. It walks the vault (skipping dot
 * folders and dot files, as Obsidian does), reads the plugin's own settings from
 * `.obsidian/plugins/kindred/data.json` and the templates folder from
 * `.obsidian/templates.json` (else Templater's settings), and reads every markdown note: frontmatter (frontmatter.ts),
 * body tags (tags.ts) and the interaction log, then asks core which notes are people.
 *
 * Nothing here throws on a note's content: a note that cannot be read is listed with a
 * problem so the user sees it, never dropped silently. Files are read synchronously, one
 * at a time, into one reused buffer. (Measured on the shared 2-core benchmark machine: a
 * worker thread reading ahead only helped when a core was idle and was slower under load;
 * asynchronous reads cost several event-loop round trips per file.) The work per note is
 * kept to what decides the answer: membership from the path and frontmatter before any
 * body tag is read, and outside the people folders the YAML is parsed only when it could
 * mark the note as a person. `due` and `ics` read each log only for what places the
 * person on the calendar (LoadOptions.scheduleFor), and take each person as the note is
 * read (readPeople), keeping only what they print.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanLog, scanLogForDue } from '../core/logline';
import { isPersonNote, membershipMatcher, type MembershipMatcher } from '../core/membership';
import { readPerson } from '../core/person';
import { migrateSettings, type KindredSettings } from '../core/settings';
import type { LocalDate, Person, Problem } from '../core/types';
import { errorCode, UserError } from './errors';
import { locateFrontmatter, parseFrontmatter, yamlMayHaveKey, yamlMayHaveWord, type FrontmatterResult } from './frontmatter';
import { mayHaveTag, someBodyTag } from './tags';
import { decodeNote, stripBom } from './text';

export const CONFIG_DIR = '.obsidian';
export const SETTINGS_FILE = `${CONFIG_DIR}/plugins/kindred/data.json`;
export const TEMPLATES_FILE = `${CONFIG_DIR}/templates.json`;
export const TEMPLATER_FILE = `${CONFIG_DIR}/plugins/templater-obsidian/data.json`;

/** A vault folder with its settings, before any note is read. */
export interface OpenedVault {
	/** Absolute path of the vault folder. */
	root: string;
	settings: KindredSettings;
	/** One line each, for stderr: settings that were ignored, files that could not be read. */
	warnings: string[];
	templatesFolder: string | null;
	/**
	 * Why the plugin's settings file could not be read, when it could not: the defaults are
	 * in force, fine for reading, but a write would use key names and a log heading the
	 * vault may not use (see runLog).
	 */
	settingsUnreadable?: string;
}

export interface LoadedVault extends OpenedVault {
	/** Every person, in path order. */
	people: Person[];
}

/** Vault-relative, `/`-separated path of an absolute path inside the vault. */
export function toVaultPath(root: string, abs: string): string {
	return path.relative(root, abs).split(path.sep).join('/');
}

/** Resolve the VAULT argument; a missing or non-folder path is a user error. */
export function resolveVault(arg: string): string {
	const root = path.resolve(arg);
	let stat: fs.Stats;
	try {
		stat = fs.statSync(root);
	} catch {
		throw new UserError(`no vault at ${arg}: the folder does not exist`);
	}
	if (!stat.isDirectory()) throw new UserError(`no vault at ${arg}: not a folder`);
	return root;
}

type JsonRead = { kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'error'; reason: string };

function readJson(file: string): JsonRead {
	let raw: string;
	try {
		raw = fs.readFileSync(file, 'utf8');
	} catch (err) {
		const code = errorCode(err);
		if (code === 'ENOENT') return { kind: 'missing' };
		return { kind: 'error', reason: `could not be read (${code})` };
	}
	try {
		return { kind: 'ok', value: JSON.parse(stripBom(raw)) as unknown };
	} catch (err) {
		return { kind: 'error', reason: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
	}
}

/** The plugin's settings as the plugin would load them, with one-line warnings. */
export function readSettings(root: string): { settings: KindredSettings; warnings: string[]; unreadable?: string } {
	const json = readJson(path.join(root, SETTINGS_FILE));
	if (json.kind === 'error') {
		const { settings } = migrateSettings(undefined);
		const unreadable = `${SETTINGS_FILE} ${json.reason}`;
		return { settings, warnings: [`${unreadable}; using the default settings`], unreadable };
	}
	const { settings, warnings } = migrateSettings(json.kind === 'ok' ? json.value : undefined);
	return { settings, warnings: warnings.map((w) => `${SETTINGS_FILE}: ${w}`) };
}

/** The folder `key` names in the JSON file at `file`, without slashes; null when none is set. */
function folderSetting(root: string, file: string, key: string, warnings: string[]): string | null {
	const json = readJson(path.join(root, file));
	if (json.kind === 'error') {
		warnings.push(`${file} ${json.reason}; its templates folder is not excluded`);
		return null;
	}
	if (json.kind !== 'ok' || typeof json.value !== 'object' || json.value === null) return null;
	const folder = (json.value as Record<string, unknown>)[key];
	if (typeof folder !== 'string') return null;
	const f = folder.trim().replace(/^\/+|\/+$/g, '');
	return f === '' ? null : f;
}

/**
 * The templates folder as the plugin reads it (obsidian/templates-folder.ts): the core
 * Templates plugin's folder, else Templater's; null when neither sets one.
 */
export function readTemplatesFolder(root: string): { folder: string | null; warnings: string[] } {
	const warnings: string[] = [];
	const folder = folderSetting(root, TEMPLATES_FILE, 'folder', warnings) ?? folderSetting(root, TEMPLATER_FILE, 'templates_folder', warnings);
	return { folder, warnings };
}

interface NoteFile {
	/** Vault-relative, `/`-separated. */
	path: string;
	abs: string;
}

/** The real path of `p` (links resolved), or `p` itself when it cannot be resolved (the next read says why). */
export function realPathOr(p: string): string {
	try {
		return fs.realpathSync(p);
	} catch {
		return p;
	}
}

/**
 * Every markdown note with its absolute path, in vault-relative path order. Links to
 * notes and folders outside the vault are followed, as Obsidian follows them; a link to a
 * note or folder the walk reads inside the vault is not (its notes are read where they
 * are, and would otherwise be two people), nor one to a folder already read (a loop), nor
 * one that leads nowhere: each with a warning. A folder that cannot be read is named in a
 * warning; the vault folder itself, a user error.
 */
function walkNotes(root: string, warnings: string[]): NoteFile[] {
	const out: NoteFile[] = [];
	const rootReal = realPathOr(root);
	// A link into the vault leads to what the walk reads where it is: skipped, unless the
	// walk never gets there (a dot folder, a file not named .md), then read through the link.
	const readInVault = (real: string, dir: boolean): boolean => {
		if (real !== rootReal && !real.startsWith(`${rootReal}${path.sep}`)) return false;
		const parts = path.relative(rootReal, real).split(path.sep);
		if (parts.some((part) => part.startsWith('.'))) return false;
		return dir || /\.md$/i.test(real);
	};
	// Real paths of the folders read, so a link back to one of them is not read again.
	const walked = new Set<string>();
	/** Where `abs`, a link, leads (a folder or a file, with its real path), or null with a warning. */
	const follow = (abs: string, rel: string, isNote: boolean): { dir: boolean; real: string } | null => {
		try {
			const stat = fs.statSync(abs);
			if (!stat.isDirectory() && !(stat.isFile() && isNote)) return null;
			return { dir: stat.isDirectory(), real: fs.realpathSync(abs) };
		} catch (err) {
			if (isNote) warnings.push(`${rel} is a link that cannot be followed (${errorCode(err)}); skipped`);
			return null;
		}
	};
	// Paths are built while walking: path.relative per note showed in profiles. `real` is
	// the folder's real path.
	const walk = (dir: string, prefix: string, real: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch (err) {
			if (prefix === '') throw new UserError(`cannot read the vault ${dir} (${errorCode(err)})`);
			warnings.push(`${prefix} could not be read (${errorCode(err)}); the notes in it are skipped`);
			return;
		}
		walked.add(real);
		const base = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
		for (const e of entries) {
			if (e.name.startsWith('.')) continue;
			const abs = `${base}${e.name}`;
			const rel = `${prefix}${e.name}`;
			const isNote = /\.md$/i.test(e.name);
			if (e.isDirectory()) {
				const sub = `${real}${path.sep}${e.name}`;
				if (walked.has(sub)) warnings.push(`${rel}/ was already read through a link; skipped`);
				else walk(abs, `${rel}/`, sub);
			} else if (e.isFile()) {
				if (isNote) out.push({ path: rel, abs });
			} else if (e.isSymbolicLink()) {
				const to = follow(abs, rel, isNote);
				if (to === null) continue;
				const shown = to.dir ? `${rel}/` : rel;
				if (readInVault(to.real, to.dir)) warnings.push(`${shown} is a link into this vault; skipped (what it leads to is read where it is)`);
				else if (!to.dir) out.push({ path: rel, abs });
				else if (walked.has(to.real)) warnings.push(`${shown} is a link to a folder already read; skipped`);
				else walk(abs, `${rel}/`, to.real);
			}
		}
	};
	walk(root, '', rootReal);
	// The order of Array.prototype.sort on the paths (UTF-16 code units).
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every markdown note in the vault, vault-relative, sorted. Dot folders and dot files are skipped. */
export function listNotes(root: string): string[] {
	return walkNotes(root, []).map((n) => n.path);
}

/**
 * Reads whole files into one buffer that is reused from note to note (grown when a note
 * is larger), so reading 15,000 notes allocates no buffer per note. The bytes returned
 * are valid until the next read.
 */
class FileReader {
	private buffer = Buffer.allocUnsafe(256 * 1024);

	read(file: string): Uint8Array {
		const fd = fs.openSync(file, 'r');
		try {
			let length = 0;
			for (;;) {
				if (length === this.buffer.length) {
					const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
					this.buffer.copy(bigger, 0, 0, length);
					this.buffer = bigger;
				}
				const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
				if (n === 0) break;
				length += n;
			}
			return this.buffer.subarray(0, length);
		} finally {
			fs.closeSync(fd);
		}
	}
}

/**
 * False only when the YAML block cannot carry the person marker or the person tag, as
 * the matcher reads them, whatever it parses to (yamlMayHaveKey, yamlMayHaveWord): a
 * frontmatter tag holds the tag text, and the marker needs its key. The marker key is
 * checked as written in the settings; one the matcher would trim is simply not ruled out.
 */
function mayMarkPerson(text: string, block: { from: number; to: number }, matcher: MembershipMatcher, settings: KindredSettings): boolean {
	const tag = matcher.tag;
	if (settings.markerKey.trim() !== '' && yamlMayHaveKey(text, block.from, block.to, settings.markerKey)) return true;
	return tag !== '' && yamlMayHaveWord(text, block.from, block.to, tag);
}

/** True when a body tag is the person tag (or nested under it). */
function hasPersonBodyTag(body: string, matcher: MembershipMatcher): boolean {
	const tag = matcher.tag;
	// Most bodies hold no `#` followed by the tag: no line splitting and no closure for them.
	return tag !== '' && mayHaveTag(body, tag) && someBodyTag(body, (t) => matcher.isPersonTag(t));
}

function markInvalid(person: Person, extra: Problem[]): Person {
	return { ...person, problems: [...extra, ...person.problems], invalid: true };
}

/**
 * Read one note and return the person it describes, or null when it is not a person.
 * `bytes` is injectable so callers that already hold the file's bytes don't read twice.
 * With `scheduleFor` (a day), the person's log holds only the entries that place them on
 * the calendar that day (see LoadOptions).
 */
export function readPersonNote(
	notePath: string,
	bytes: Uint8Array,
	settings: KindredSettings,
	templatesFolder: string | null,
	scheduleFor: LocalDate | null = null,
): Person | null {
	// Membership from the path, then the marker and frontmatter tags; body tags can only
	// add a match, so they are read only when that did not decide and the body may hold
	// the person tag (the first matching one decides). Most notes are decided without
	// splitting their body into lines. The same core matcher isPersonNote uses.
	const matcher = membershipMatcher(settings, templatesFolder);
	const byPath = matcher.byPath(notePath);
	if (byPath === false) return null;
	const decoded = decodeNote(bytes);
	const text = stripBom(decoded.text);
	const block = locateFrontmatter(text);
	let fm: FrontmatterResult;
	if (byPath === null && block.kind === 'yaml' && block.bodyAt === block.errorBodyAt && !mayMarkPerson(text, block, matcher, settings)) {
		// Outside the people folders, most notes are not people, and their YAML cannot say
		// they are: only a body tag can, and the YAML is parsed only for a note it makes one.
		if (!hasPersonBodyTag(text.slice(block.bodyAt), matcher)) return null;
		fm = parseFrontmatter(text, block);
	} else {
		fm = parseFrontmatter(text, block);
		if (byPath === null) {
			const data = fm.kind === 'ok' ? fm.data : null;
			if (!matcher.hasMarker(data) && !matcher.hasPersonTagIn(data) && !hasPersonBodyTag(fm.body, matcher)) return null;
		}
	}
	const data = fm.kind === 'ok' ? fm.data : null;

	const scan = scheduleFor === null ? scanLog(text, settings) : scanLogForDue(text, settings, scheduleFor);
	// The links to other people are read even for `due` and `ics` (readPerson's `links`
	// left on), though neither shows them: a `knows` or `introduced_by` value that is not
	// a link is a problem, and `due --json` lists every problem of a listed person (the
	// table does too, for an invalid one), so skipping them would change what `due` prints.
	let read = readPerson(notePath, data, settings, scan.entries);
	if (scan.problems.length > 0) read = { ...read, problems: [...read.problems, ...scan.problems] };
	if (decoded.ok && fm.kind !== 'error') return read;
	const blocking: Problem[] = [];
	if (!decoded.ok) blocking.push({ field: 'file', value: '', reason: `${decoded.reason}; Kindred will not edit it` });
	if (fm.kind === 'error') blocking.push({ field: 'frontmatter', value: '', reason: fm.reason });
	return markInvalid(read, blocking);
}

export interface LoadOptions {
	/**
	 * For a command that only places people on the calendar of this day (`due`, `ics`):
	 * each person's log then holds only the entries the schedule reads for it (the newest
	 * on or before the day and any dated after it; core's scanLogForDue), copied out of the
	 * note. Reading 10,000 people this way builds a few objects per note instead of one per
	 * line and keeps no note text alive. Commands that read whole logs (`review`'s
	 * give-and-take balance, `log`) leave it out.
	 */
	scheduleFor?: LocalDate;
	/** When given, every note's vault path is added to it as the notes are read (people or not). */
	notes?: string[];
}

/** The vault folder and its settings. Throws UserError only when the folder is missing. */
export function openVault(vaultArg: string): OpenedVault {
	const root = resolveVault(vaultArg);
	const { settings, warnings, unreadable } = readSettings(root);
	const templates = readTemplatesFolder(root);
	warnings.push(...templates.warnings);
	return { root, settings, warnings, templatesFolder: templates.folder, settingsUnreadable: unreadable };
}

/**
 * Every person of the vault, in path order, each produced as its note is read, so a
 * caller that needs only some of them (`due` lists a part of the vault) or only what it
 * derives from each (`ics` keeps an event, not the person) lets go of the rest as it goes.
 * The reader's warnings are in `vault.warnings` once the iteration has finished.
 */
export function* readPeople(vault: OpenedVault, options: LoadOptions = {}): Generator<Person, void, undefined> {
	const scheduleFor = options.scheduleFor ?? null;
	const { settings, templatesFolder, warnings } = vault;
	const reader = new FileReader();
	for (const { path: notePath, abs } of walkNotes(vault.root, warnings)) {
		options.notes?.push(notePath);
		let bytes: Uint8Array;
		try {
			bytes = reader.read(abs);
		} catch (err) {
			const code = errorCode(err);
			// A person by folder is still listed, so the problem is seen where it matters.
			if (isPersonNote({ path: notePath, frontmatter: null, tags: [] }, settings, templatesFolder)) {
				const base = readPerson(notePath, null, settings, null);
				yield markInvalid(base, [{ field: 'file', value: '', reason: `could not be read (${code})` }]);
			} else warnings.push(`${notePath} could not be read (${code}); skipped`);
			continue;
		}
		// The person is made before the next read reuses the buffer `bytes` points into.
		const person = readPersonNote(notePath, bytes, settings, templatesFolder, scheduleFor);
		if (person) yield person;
	}
}

/** readPeople, each person handed to `visit`. */
export function forEachPerson(vault: OpenedVault, options: LoadOptions, visit: (person: Person) => void): void {
	for (const person of readPeople(vault, options)) visit(person);
}

/** Read the whole vault. Throws UserError only when the vault folder itself is missing or cannot be read. */
export function loadVault(vaultArg: string, options: LoadOptions = {}): LoadedVault {
	const vault = openVault(vaultArg);
	const people: Person[] = [];
	forEachPerson(vault, options, (person) => people.push(person));
	return { ...vault, people };
}
