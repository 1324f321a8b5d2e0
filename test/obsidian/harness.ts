/**
 * A small layer over obsidian-test-mocks for the plugin's tests: a vault and metadata
 * cache holding given notes, with the three places the double differs from Obsidian
 * evened out, and a few helpers. Nothing here re-implements Obsidian.
 *
 * Where the double falls short (each fixed by following Obsidian's documented behaviour):
 * - a note whose frontmatter does not parse makes the double throw; Obsidian still caches
 *   the note (without frontmatter) and fires `changed`;
 * - renaming does not move the cached metadata to the new path; Obsidian's cache follows
 *   the file (and fires no `changed`);
 * - deleting does not fire the cache's `deleted`.
 */
import type { App as AppOriginal, PluginManifest, TFile as TFileOriginal } from 'obsidian';
import { App, Modal, Notice, TextComponent, TFile, TFolder } from 'obsidian-test-mocks/obsidian';
import { vi } from 'vitest';
import manifestJson from '../../manifest.json';
import { defaultSettings } from '../../src/core/settings';
import type { KindredSettings } from '../../src/core/settings';
import { PeopleIndex } from '../../src/obsidian/people-index';

/** The plugin's own manifest.json, as the app hands it to the plugin. */
export const manifest = manifestJson as PluginManifest;

export interface TestVault {
	app: App;
	/** The same app typed as Obsidian's, for production code. */
	obsidian: AppOriginal;
	file(path: string): TFileOriginal;
	read(path: string): Promise<string>;
	/** Create a note (and its folders), firing the events Obsidian fires. */
	create(path: string, text: string): Promise<TFileOriginal>;
	/** Overwrite a note's text, as an edit in the editor or by hand would. */
	modify(path: string, text: string): Promise<void>;
	rename(path: string, newPath: string): Promise<void>;
	remove(path: string): Promise<void>;
}

interface CacheInternals {
	cache__: Map<string, unknown>;
	trigger(name: string, ...data: unknown[]): void;
	parseFileMetadata(file: unknown): void;
}

function parentFolders(path: string): string[] {
	const parts = path.split('/').slice(0, -1);
	return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** A vault holding `files` (path → text), its metadata cache filled in. */
export function makeVault(files: Record<string, string> = {}): TestVault {
	const app = App.createConfigured__();
	const cache = app.metadataCache as unknown as CacheInternals;
	const parse = cache.parseFileMetadata.bind(cache);
	cache.parseFileMetadata = (file: unknown): void => {
		try {
			parse(file);
		} catch {
			if (!(file instanceof TFile)) return;
			cache.cache__.set(file.path, {});
			cache.trigger('changed', file, app.vault.readSync__(file), {});
		}
	};
	app.vault.on('rename', (file: unknown, oldPath: unknown) => {
		if (typeof oldPath !== 'string' || !(file instanceof TFile || file instanceof TFolder)) return;
		for (const [path, value] of [...cache.cache__.entries()]) {
			if (path === oldPath || path.startsWith(`${oldPath}/`)) {
				cache.cache__.delete(path);
				cache.cache__.set(file.path + path.slice(oldPath.length), value);
			}
		}
	});
	app.vault.on('delete', (file: unknown) => {
		if (!(file instanceof TFile)) return;
		const prev = cache.cache__.get(file.path) ?? null;
		cache.cache__.delete(file.path);
		cache.trigger('deleted', file, prev);
	});

	const ensureFolders = (path: string): void => {
		for (const folder of parentFolders(path)) {
			if (!app.vault.getFolderByPath(folder)) app.vault.createFolderSync__(folder);
		}
	};
	for (const [path, text] of Object.entries(files)) {
		ensureFolders(path);
		app.vault.createSync__(path, text);
	}

	const file = (path: string): TFileOriginal => {
		const f = app.vault.getFileByPath(path);
		if (!f) throw new Error(`no file ${path}`);
		return f.asOriginalType2__();
	};
	return {
		app,
		obsidian: app.asOriginalType__(),
		file,
		read: (path) => app.vault.adapter.read(path),
		create: async (path, text) => {
			ensureFolders(path);
			return (await app.vault.create(path, text)).asOriginalType2__();
		},
		modify: async (path, text) => {
			await app.vault.modify(TFile.fromOriginalType2__(file(path)), text);
		},
		rename: async (path, newPath) => {
			ensureFolders(newPath);
			const f = app.vault.getAbstractFileByPath(path);
			if (!f) throw new Error(`no file or folder ${path}`);
			await app.vault.rename(f, newPath);
		},
		remove: async (path) => {
			await app.fileManager.trashFile(TFile.fromOriginalType2__(file(path)));
		},
	};
}

/** Settings for a test: the defaults with some changes. */
export function settingsWith(changes: Partial<KindredSettings> = {}): KindredSettings {
	return { ...defaultSettings(), ...changes };
}

/** A started index over `vault`, its background log pass finished. */
export async function startIndex(
	vault: TestVault,
	settings: KindredSettings | (() => KindredSettings) = settingsWith(),
	templatesFolder: string | null = null,
): Promise<PeopleIndex> {
	const getSettings = typeof settings === 'function' ? settings : () => settings;
	const index = new PeopleIndex({
		app: vault.obsidian,
		getSettings,
		templatesFolder: () => templatesFolder,
		pause: () => Promise.resolve(),
	});
	index.load();
	index.start();
	await index.logsRead;
	return index;
}

/** Every Notice shown from now on, as text. */
export function captureNotices(): string[] {
	const messages: string[] = [];
	vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message: string | DocumentFragment) => {
		messages.push(typeof message === 'string' ? message : (message.textContent ?? ''));
	});
	return messages;
}

/** Freeze the clock (Date only; timers stay real) at local noon of `date`. */
export function freezeToday(date: string): void {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(`${date}T12:00:00`));
}

/** Let queued promise callbacks and zero-delay timers run. */
export function flush(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}


/**
 * Modals opened from now on, in order. The double closes a modal on the next tick after
 * opening it; here a modal stays open until the code under test closes it, as in Obsidian.
 */
export function captureModals(): Modal[] {
	const opened: Modal[] = [];
	vi.spyOn(Modal.prototype, 'open').mockImplementation(function (this: Modal) {
		opened.push(this);
		this.onOpen();
	});
	return opened;
}

/** Make `path` the active note, as opening it in the editor would. */
export async function activate(vault: TestVault, path: string): Promise<void> {
	const f = vault.app.vault.getFileByPath(path);
	if (!f) throw new Error(`no file ${path}`);
	await vault.app.workspace.getLeaf(false).openFile(f);
}

/** An element inside `root` by its accessible name (aria-label or text). */
export function byLabel<T extends HTMLElement = HTMLElement>(root: HTMLElement, label: string): T {
	const all = Array.from(root.querySelectorAll<HTMLElement>('input, select, textarea, button'));
	const el = all.find((e) => e.getAttribute('aria-label') === label || e.textContent === label);
	if (!el) throw new Error(`nothing labelled "${label}"`);
	return el as T;
}

export function pressEnter(el: HTMLElement): void {
	el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
}

/**
 * Typing into settings text fields. The double's TextComponent does not listen to the
 * DOM; this finds the component behind an input and changes its value through it, which
 * runs the onChange handler as typing would in Obsidian.
 */
export function trackTextFields(): (input: HTMLInputElement, value: string) => void {
	const made: TextComponent[] = [];
	const create = TextComponent.create__.bind(TextComponent);
	vi.spyOn(TextComponent, 'create__').mockImplementation((el: HTMLElement) => {
		const c = create(el);
		made.push(c);
		return c;
	});
	return (input, value) => {
		const c = made.find((m) => m.inputEl === input);
		if (!c) throw new Error('no text field behind that input');
		c.setValue(value);
	};
}
