/**
 * The live people index: core's Roster fed by Obsidian's metadata cache.
 *
 * start() builds the roster in one pass over the cache (frontmatter and tags, no note
 * bodies), reading what the due list needs, so it can be drawn at once. A background
 * pass then reads the bodies of person notes only, in small batches that yield to the
 * app, to pick up hand-typed log lines newer than `last_contact`, and reads with it
 * what the due list does not need (links to others, aliases, circles, energy: see
 * readPerson); `complete` tells when it
 * is done (the network review waits for it). After that every change costs one note's work:
 * the cache's `changed` event hands over the note's text (its log is read from that),
 * `deleted` removes, and the vault's `rename` moves (the cache does not fire on rename).
 * Only a settings change rebuilds everything.
 *
 * Listeners hear of a change at once, except during a background pass: there every batch
 * moves the revision, and a listener that recomputes on each would do so hundreds of
 * times at 10,000 people, so the pass tells them at most about once a second and once at
 * the end. Nothing here computes a due list; listeners ask when they draw.
 */
import { Component, TFile, TFolder } from 'obsidian';
import type { CachedMetadata, MetadataCache, TAbstractFile, Vault } from 'obsidian';
import { membershipMatcher } from '../core/membership';
import type { MembershipMatcher } from '../core/membership';
import { readPerson } from '../core/person';
import { Roster } from '../core/roster';
import type { KindredSettings } from '../core/settings';
import type { LocalDate, Person, ScheduledPerson } from '../core/types';
import type { DueViewIndex } from './due-view-deps';
import { readBody, withBody } from './note-body';
import type { NoteBody } from './note-body';

export interface PeopleIndexDeps {
	app: {
		vault: Pick<Vault, 'getRoot' | 'getFileByPath' | 'cachedRead' | 'on' | 'offref'>;
		metadataCache: Pick<MetadataCache, 'getCache' | 'getFileCache' | 'on' | 'offref'>;
	};
	getSettings: () => KindredSettings;
	/** The Templates (or Templater) folder: notes in it are never people. */
	templatesFolder?: () => string | null;
	/** Lets the app breathe between background batches; tests pass an immediate one. */
	pause?: () => Promise<void>;
}

/** What is known of the body of a note that could not be read: nothing. */
const UNREAD: NoteBody = Object.freeze({ log: [], logProblems: [], frontmatterError: null });

/** Person notes whose bodies are read per background batch. */
const BATCH = 40;
/** During a background pass, listeners are told at most this often (and once at the end). */
const PASS_SIGNAL_MS = 1000;

function defaultPause(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof window.requestIdleCallback === 'function') {
			window.requestIdleCallback(() => resolve(), { timeout: 200 });
		} else {
			window.setTimeout(resolve, 0);
		}
	});
}

/** The frontmatter as core reads it; an empty block counts as none. */
function frontmatterOf(cache: CachedMetadata | null): Record<string, unknown> | null {
	const fm: Record<string, unknown> | undefined = cache?.frontmatter;
	if (!fm) return null;
	// Any own key makes it non-empty; no Object.keys array per note.
	for (const key in fm) if (Object.prototype.hasOwnProperty.call(fm, key)) return fm;
	return null;
}

/** Tags or the marker make this note a person: for a note its path does not decide. No tag list is built. */
function isTaggedOrMarked(matcher: MembershipMatcher, cache: CachedMetadata | null, fm: Record<string, unknown> | null): boolean {
	const tags = cache?.tags;
	if (tags) for (const t of tags) if (matcher.isPersonTag(t.tag)) return true;
	return matcher.hasPersonTagIn(fm) || matcher.hasMarker(fm);
}

/**
 * A person note? The path decides most notes (not a note, a template, a people folder);
 * the rest by body tags from the cache, frontmatter tags read the way the command line
 * reads them, then the marker.
 */
function isMember(matcher: MembershipMatcher, path: string, cache: CachedMetadata | null, fm: Record<string, unknown> | null): boolean {
	const byPath = matcher.byPath(path);
	if (byPath !== null) return byPath;
	return isTaggedOrMarked(matcher, cache, fm);
}

/** The person at `path`, whose note is known to be one; with the log read last, if any. */
function personAt(path: string, fm: Record<string, unknown> | null, settings: KindredSettings, bodies: ReadonlyMap<string, NoteBody>): Person {
	// No lookup while no body has been read (the start-up build).
	const body = bodies.size === 0 ? undefined : bodies.get(path);
	// Links, aliases, circles and energy are read with the body (see readPerson): not before the pane.
	return withBody(readPerson(path, fm, settings, body?.log ?? null, body !== undefined), body);
}

/** The person at `path`, or null when the note is not one; with the log read last, if any. */
function readNote(
	path: string,
	cache: CachedMetadata | null,
	settings: KindredSettings,
	matcher: MembershipMatcher,
	bodies: ReadonlyMap<string, NoteBody>,
): Person | null {
	const fm = frontmatterOf(cache);
	return isMember(matcher, path, cache, fm) ? personAt(path, fm, settings, bodies) : null;
}

/** True for a path ending in `.md`, as `getMarkdownFiles` has it (lower case). */
function endsWithMd(path: string): boolean {
	const n = path.length;
	return n >= 3 && path.charCodeAt(n - 3) === 46 && path.charCodeAt(n - 2) === 109 && path.charCodeAt(n - 1) === 100;
}

/**
 * Every markdown note that may be a person, with its cache entry and what its folder
 * says of it (matcher.byFolder: true in a people folder, null when the note's tags or
 * marker tell). The start-up build runs this over every file in the vault, so it is one
 * walk of the folder tree that reads each file's path once and asks the cache by path,
 * decides membership by path once per folder rather than once per note, and skips the
 * templates folder whole. Only a `.md` path with no cache entry (a note not parsed yet,
 * or a folder named like a note) costs a type check.
 */
function forEachCandidate(
	root: TFolder,
	matcher: MembershipMatcher,
	getCache: (path: string) => CachedMetadata | null,
	visit: (path: string, cache: CachedMetadata | null, inPeopleFolder: boolean) => void,
): void {
	const folders: TFolder[] = [root];
	for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
		const verdict = matcher.byFolder(folder.path);
		// Templates, and every folder inside them: no note there is a person.
		if (verdict === false) continue;
		const inPeopleFolder = verdict === true;
		for (const child of folder.children) {
			const path = child.path;
			if (endsWithMd(path)) {
				const cache = getCache(path);
				if (cache !== null) visit(path, cache, inPeopleFolder);
				else if (child instanceof TFolder) folders.push(child);
				else if (child instanceof TFile) visit(path, null, inPeopleFolder);
			} else if (child instanceof TFolder) folders.push(child);
		}
	}
}

function isMarkdown(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === 'md';
}

export class PeopleIndex extends Component implements DueViewIndex {
	readonly roster: Roster = new Roster();
	/** False until start() has built the roster from the cache. */
	ready = false;
	/** False until the background pass has read every person note's body and links. */
	complete = false;
	/** What was read from person notes' text, by path; absent until the body was read. */
	private readonly bodies: Map<string, NoteBody> = new Map();
	private readonly listeners: Set<() => void> = new Set();
	private readonly deps: PeopleIndexDeps;
	/** Bumped by every settings rebuild, so the revision moves even when no person did. */
	private epoch = 0;
	/** A background pass stops when this moves on (a rebuild started a new one). */
	private generation = 0;
	/** The log settings the cached bodies were read with. */
	private logKey = '';
	private started = false;
	/** Between load and unload: a start() that arrives after unload (the plugin turned off while it waited) does nothing. */
	private live = false;
	/** The revision listeners were last told of. */
	private signalled = -1;
	/** Resolves when the current background pass ends (tests and the benchmark wait on it). */
	logsRead: Promise<void> = Promise.resolve();

	constructor(deps: PeopleIndexDeps) {
		super();
		this.deps = deps;
	}

	/** Moves whenever a person or the settings changed. */
	get revision(): number {
		return this.roster.revision + this.epoch;
	}

	get peopleCount(): number {
		return this.roster.size;
	}

	/** How many people have a problem on `today`, listed or not (see Roster.problemCount). */
	problemCount(today: LocalDate): number {
		return this.roster.problemCount(today);
	}

	/** Build from the metadata cache, follow its events, then read logs in the background. */
	start(): void {
		if (this.started || !this.live) return;
		this.started = true;
		const { vault, metadataCache } = this.deps.app;
		this.registerEvent(
			metadataCache.on('changed', (file, data, cache) => {
				if (isMarkdown(file)) this.update(file.path, cache, data);
			}),
		);
		this.registerEvent(
			metadataCache.on('deleted', (file) => {
				this.forget(file.path);
			}),
		);
		this.registerEvent(
			vault.on('rename', (file, oldPath) => {
				this.renamed(file, oldPath);
			}),
		);
		this.build();
		this.ready = true;
		this.emit();
		this.readLogsInBackground();
	}

	/**
	 * Resolves true once every person note has been read (the start-up pass, or the one a
	 * settings change started over); false when the index is not started or a pass
	 * stopped short with none after it (unloaded). For what must see logs and links.
	 */
	async whenComplete(): Promise<boolean> {
		if (!this.ready) return false;
		while (!this.complete) {
			const pass = this.logsRead;
			await pass;
			// The pass ended without completing and no other began: nothing more will come.
			if (!this.complete && this.logsRead === pass) return false;
		}
		return true;
	}

	/** Settings changed: the one time everything is re-read. */
	rebuild(): void {
		if (!this.started) return;
		this.epoch++;
		this.build();
		this.emit();
		this.readLogsInBackground();
	}

	onChange(cb: () => void): () => void {
		this.listeners.add(cb);
		return () => {
			this.listeners.delete(cb);
		};
	}

	dueList(today: LocalDate, all = false): readonly ScheduledPerson[] {
		return this.roster.dueList(today, this.deps.getSettings(), { all });
	}

	get(path: string): Person | undefined {
		return this.roster.get(path);
	}

	isPerson(path: string): boolean {
		return this.roster.has(path);
	}

	/** Which folders, tag and marker were searched, for the "no people found" state. */
	searchedDescription(): string {
		return describeSearch(this.deps.getSettings());
	}

	onload(): void {
		this.live = true;
	}

	onunload(): void {
		// Stops a background pass and a late settings rebuild; events are unregistered by Component.
		this.live = false;
		this.generation++;
		this.started = false;
		this.listeners.clear();
	}

	/** One pass over the cache: frontmatter and tags only. Callers tell the listeners. */
	private build(): void {
		const settings = this.deps.getSettings();
		const logKey = `${settings.logHeading}\n${String(settings.newestFirst)}`;
		if (logKey !== this.logKey) {
			this.bodies.clear();
			this.logKey = logKey;
		}
		const matcher = this.matcher(settings);
		const { vault, metadataCache } = this.deps.app;
		// Everything the loop needs in locals: it runs once per note in the vault.
		const roster = this.roster;
		const bodies = this.bodies;
		const getCache = metadataCache.getCache.bind(metadataCache);
		// Only a rebuild has people to drop: those not seen in this pass.
		const stale = roster.size > 0 ? new Set(roster.paths()) : null;
		forEachCandidate(vault.getRoot(), matcher, getCache, (path, cache, inPeopleFolder) => {
			// An empty block reads as none here without asking (readPerson and the matcher
			// find no key in it either): no pass over every note's keys just to ask.
			const fm: Record<string, unknown> | null = cache?.frontmatter ?? null;
			if (matcher.isTemplateFile(path) || (!inPeopleFolder && !isTaggedOrMarked(matcher, cache, fm))) return;
			const person = personAt(path, fm, settings, bodies);
			if (stale === null) roster.add(person);
			else {
				stale.delete(path);
				roster.upsert(person);
			}
		});
		if (stale) for (const path of stale) this.forgetQuietly(path);
	}

	private matcher(settings: KindredSettings): MembershipMatcher {
		return membershipMatcher(settings, this.deps.templatesFolder?.() ?? null);
	}

	/** The person at `path`, or null when the note is not one. Uses the log read last, if any. */
	private read(path: string, cache: CachedMetadata | null, settings: KindredSettings, matcher = this.matcher(settings)): Person | null {
		return readNote(path, cache, settings, matcher, this.bodies);
	}

	/** One note changed; `text` is its full content, the source of its log. */
	private update(path: string, cache: CachedMetadata | null, text: string): void {
		const settings = this.deps.getSettings();
		const fm = frontmatterOf(cache);
		// A change to any other note costs a membership check, never a body read.
		if (!isMember(this.matcher(settings), path, cache, fm)) {
			this.forget(path);
			return;
		}
		const body = readBody(text, cache, settings);
		this.bodies.set(path, body);
		if (this.roster.upsert(withBody(readPerson(path, fm, settings, body.log), body))) this.emit();
	}

	private forget(path: string): void {
		if (this.forgetQuietly(path)) this.emit();
	}

	private forgetQuietly(path: string): boolean {
		this.bodies.delete(path);
		return this.roster.remove(path);
	}

	/** A note (or a folder of notes) moved: carry each entry over and re-check membership. */
	private renamed(file: TAbstractFile, oldPath: string): void {
		if (file instanceof TFolder) {
			const prefix = file.path + '/';
			this.batch(() => {
				const visit = (f: TFolder): void => {
					for (const child of f.children) {
						if (child instanceof TFolder) visit(child);
						else if (isMarkdown(child)) this.moveOne(child, oldPath + '/' + child.path.slice(prefix.length));
					}
				};
				visit(file);
			});
			this.readMissingBodies([...this.roster.paths()].filter((p) => p.startsWith(prefix)));
			return;
		}
		if (isMarkdown(file)) {
			if (this.moveOne(file, oldPath)) this.emit();
			this.readMissingBodies([file.path]);
		} else if (oldPath.toLowerCase().endsWith('.md')) {
			// Renamed away from .md: no longer a note.
			this.forget(oldPath);
		}
	}

	/** Move one entry; true when the roster changed. */
	private moveOne(file: TFile, oldPath: string): boolean {
		const body = this.bodies.get(oldPath);
		this.bodies.delete(oldPath);
		if (body) this.bodies.set(file.path, body);
		const person = this.read(file.path, this.deps.app.metadataCache.getFileCache(file), this.deps.getSettings());
		if (!person) {
			const wasNew = this.forgetQuietly(file.path);
			const wasOld = this.roster.remove(oldPath);
			return wasNew || wasOld;
		}
		if (this.roster.has(oldPath)) {
			this.roster.rename(oldPath, file.path, person);
			return true;
		}
		return this.roster.upsert(person);
	}

	/** Read person notes' bodies for their logs, a few at a time, off the critical path. */
	private readLogsInBackground(): void {
		const gen = ++this.generation;
		this.complete = false;
		// Which notes still need reading is worked out after the first pause, off start-up's path.
		this.logsRead = this.readLogs(
			gen,
			() => {
				const pending: string[] = [];
				for (const path of this.roster.paths()) if (!this.bodies.has(path)) pending.push(path);
				return pending;
			},
			true,
		);
	}

	/** A note that became a person without a change event (moved into a people folder): read its body. */
	private readMissingBodies(paths: string[]): void {
		const missing = paths.filter((p) => this.roster.has(p) && !this.bodies.has(p));
		if (missing.length === 0) return;
		const pass = this.readLogs(this.generation, () => missing, false);
		const previous = this.logsRead;
		this.logsRead = Promise.all([previous, pass]).then(() => undefined);
	}

	/**
	 * Read the bodies of the notes `which` names (asked after the first pause), in
	 * batches. Listeners are told at most every PASS_SIGNAL_MS while it runs, and once at
	 * the end if anything moved since they were last told. The start-up pass (`all`) ends
	 * by marking the index complete.
	 */
	private async readLogs(gen: number, which: () => string[], all: boolean): Promise<void> {
		const { vault, metadataCache } = this.deps.app;
		const pause = this.deps.pause ?? defaultPause;
		await pause();
		if (gen !== this.generation) return;
		const paths = which();
		let lastSignal = performance.now();
		for (let i = 0; i < paths.length; i += BATCH) {
			if (i > 0) {
				await pause();
				if (gen !== this.generation) return;
			}
			const files = paths
				.slice(i, i + BATCH)
				.map((p) => vault.getFileByPath(p))
				.filter((f): f is TFile => f !== null);
			const texts = await Promise.all(files.map((f) => vault.cachedRead(f).catch(() => null)));
			if (gen !== this.generation) return;
			const settings = this.deps.getSettings();
			const matcher = this.matcher(settings);
			files.forEach((file, k) => {
				const text = texts[k];
				// A `changed` event that arrived meanwhile brought newer text; keep it.
				if (this.bodies.has(file.path) || !this.roster.has(file.path)) return;
				const cache = metadataCache.getFileCache(file);
				// A note that could not be read adds no log, but its links (from the cache)
				// are read all the same; its next change or a settings change reads it again.
				this.bodies.set(file.path, text === null ? UNREAD : readBody(text, cache, settings));
				const person = this.read(file.path, cache, settings, matcher);
				if (person) this.roster.upsert(person);
			});
			// The start-up pass's last batch completes the index: that signal carries both.
			const done = all && i + BATCH >= paths.length;
			if (done) this.complete = true;
			const now = performance.now();
			if (done || (this.revision !== this.signalled && now - lastSignal >= PASS_SIGNAL_MS)) {
				lastSignal = now;
				this.emit();
			}
		}
		if (gen !== this.generation) return;
		// No person notes at all: complete without a batch.
		if (all && !this.complete) {
			this.complete = true;
			this.emit();
		} else if (this.revision !== this.signalled) this.emit();
	}

	/** Run `fn`, then tell listeners once if the roster moved. */
	private batch(fn: () => void): void {
		const before = this.revision;
		fn();
		if (this.revision !== before) this.emit();
	}

	private emit(): void {
		this.signalled = this.revision;
		for (const cb of [...this.listeners]) cb();
	}
}

/** "notes in People or Friends, tagged #person, or with type: person in their properties". */
export function describeSearch(settings: KindredSettings): string {
	const parts: string[] = [];
	const folders = settings.peopleFolders.filter((f) => f.trim() !== '');
	if (folders.length === 1) parts.push(`notes in the folder "${folders[0]}"`);
	else if (folders.length > 1) {
		parts.push(`notes in the folders ${folders.map((f) => `"${f}"`).join(', ')}`);
	}
	if (settings.personTag.trim() !== '') parts.push(`notes tagged #${settings.personTag.replace(/^#/, '')}`);
	if (settings.markerKey.trim() !== '') {
		const value = settings.markerValue.trim();
		parts.push(value === '' ? `notes with a "${settings.markerKey}" property` : `notes with "${settings.markerKey}: ${value}" in their properties`);
	}
	if (parts.length === 0) return 'No folder, tag or property is set to find people; add one in the settings.';
	const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
	return `Looked for ${list}.`;
}
