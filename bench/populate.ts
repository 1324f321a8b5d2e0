/**
 * Fills obsidian-test-mocks' Vault and MetadataCache with generated notes, once per vault
 * size; only what is built on top of it is timed. Files go in through the double's own
 * `createSync__` (so `getMarkdownFiles`, `getFileByPath` and `cachedRead` behave as in any
 * unit test) and each cache entry comes from `cachedMetadataFor`.
 *
 * Why not let the double parse each file as it is created: its parser costs about 0.5 ms
 * per note and its link resolver scans every file for every link (O(N) per link, so
 * quadratic over a vault), which would take minutes at 50,000 people.
 */
import type { CachedMetadata } from 'obsidian';
import { App, type TFile } from 'obsidian-test-mocks/obsidian';
import type { GeneratedNote } from './generate';
import { cachedMetadataFor } from './metadata';

export interface PopulatedApp {
	app: App;
	/** Generated notes by path. */
	notes: Map<string, GeneratedNote>;
	/** Milliseconds spent filling the double (not part of any figure). */
	fillMs: number;
}

/** The double's cache map, where it keeps entries by path. */
export function cacheMap(app: App): Map<string, CachedMetadata> {
	return (app.metadataCache as unknown as { cache__: Map<string, CachedMetadata> }).cache__;
}

export function populateApp(notes: Iterable<GeneratedNote>): PopulatedApp {
	const t0 = performance.now();
	const app = App.createConfigured__();
	const cache = app.metadataCache as unknown as Record<string, unknown>;
	// Own property shadowing the prototype's parser while filling; removed afterwards.
	cache.parseFileMetadata = (): void => {};
	const entries = cacheMap(app);
	const byPath = new Map<string, GeneratedNote>();
	const folders = new Set<string>();
	for (const note of notes) {
		const slash = note.path.lastIndexOf('/');
		if (slash > 0) {
			const folder = note.path.slice(0, slash);
			if (!folders.has(folder)) {
				app.vault.createFolderSync__(folder);
				folders.add(folder);
			}
		}
		app.vault.createSync__(note.path, note.content);
		entries.set(note.path, cachedMetadataFor(note));
		byPath.set(note.path, note);
	}
	delete cache.parseFileMetadata;
	return { app, notes: byPath, fillMs: performance.now() - t0 };
}

/** The double's TFile for a path (throws when missing: a benchmark bug). */
export function fileAt(app: App, path: string): TFile {
	const f = app.vault.getFileByPath(path);
	if (!f) throw new Error(`bench: no file ${path} in the populated vault`);
	return f;
}
