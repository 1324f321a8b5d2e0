/**
 * The measurements that run inside one Node process against the real plugin code:
 * the index (src/obsidian/people-index.ts) over obsidian-test-mocks' Vault and
 * MetadataCache, the due list, the due view's first render in happy-dom, the log edit on
 * a 100 KB note, and the plugin's onload. Loaded by worker.ts after the DOM exists.
 *
 * 'obsidian' resolves to obsidian-test-mocks/obsidian: scripts/bench.mjs bundles this file
 * with esbuild and an alias, so the plugin's own imports get the double.
 */
import { readFileSync } from 'node:fs';
import { stderr } from 'node:process';
import { parseYaml, TFolder, type MetadataCache, type PluginManifest } from 'obsidian';
import { WorkspaceLeaf, type App } from 'obsidian-test-mocks/obsidian';
import { applyTouchpoint } from '../src/core/note-edit';
import { reviewNetwork } from '../src/core/review';
import { defaultSettings, type KindredSettings } from '../src/core/settings';
import type { LogEntry, ScheduledPerson } from '../src/core/types';
import KindredPlugin from '../src/main';
import { DueView } from '../src/obsidian/due-view';
import type { DueViewDeps } from '../src/obsidian/due-view-deps';
import { PeopleIndex, type PeopleIndexDeps } from '../src/obsidian/people-index';
import { StatusBarCount } from '../src/obsidian/status-bar';
import { emptyFigures, type Diagnostics, type SizeResult } from './figures';
import { BENCH_TODAY, bigPersonNote, generateVault, touchedNote, type GeneratedNote } from './generate';
import { cachedMetadataFor } from './metadata';
import { cacheMap, fileAt, populateApp } from './populate';
import { median, medianOf, timeSync, type RunPlan } from './stats';

export interface InProcessOptions {
	people: number;
	plan: RunPlan;
}

/** Noon on the benchmark's today, local time: todayLocal() gives BENCH_TODAY in every zone. */
function now(): Date {
	const [y, m, d] = BENCH_TODAY.split('-').map(Number);
	return new Date(y, m - 1, d, 12, 0, 0);
}

const never = (): Promise<void> => new Promise<void>(() => {});
const immediate = (): Promise<void> => Promise.resolve();

function oneLine(err: unknown): string {
	const s = err instanceof Error ? err.message : String(err);
	return s.split('\n')[0].slice(0, 200);
}

/**
 * `count` person paths spread over the vault, deterministic: positions from..from+count of
 * a stride-7919 walk (7919 is prime, so the walk visits every path once before repeating).
 * Disjoint ranges give disjoint paths, so one step never re-touches another step's note
 * (a note touched twice the same way would not change, and nothing would be measured).
 */
function spread(paths: readonly string[], from: number, count: number): string[] {
	const out: string[] = [];
	for (let i = from; i < from + count; i++) out.push(paths[(i * 7919) % paths.length]);
	return out;
}

/**
 * What any index must ask the test double at start-up, with no Kindred code: every
 * note's path (a walk of the folder tree) and its cache entry. Every file and the cache
 * are proxies in the double (real Obsidian's are plain objects), so this is the part of
 * indexBuildMs the double itself costs, as cliReadFloorMs is for the command line.
 */
function doubleFloor(root: TFolder, metadataCache: Pick<MetadataCache, 'getCache'>): number {
	let entries = 0;
	const folders: TFolder[] = [root];
	for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
		for (const child of folder.children) {
			if (child instanceof TFolder) folders.push(child);
			else if (metadataCache.getCache(child.path) !== null) entries++;
		}
	}
	return entries;
}

function countPeople(index: PeopleIndex, people: number): void {
	if (index.peopleCount !== people) {
		throw new Error(`the index found ${index.peopleCount} people; the vault has ${people}`);
	}
}

export async function measureInProcess(opts: InProcessOptions): Promise<SizeResult> {
	const { people, plan } = opts;
	const figures = emptyFigures();
	const diagnostics: Diagnostics = {};
	const errors: Record<string, string> = {};
	const step = async (name: string, fn: () => Promise<void> | void): Promise<void> => {
		const t0 = performance.now();
		try {
			await fn();
		} catch (err) {
			errors[name] = oneLine(err);
		}
		stderr.write(`bench:   ${people.toLocaleString('en')} people: ${name} took ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
	};

	let t = performance.now();
	const notes = [...generateVault(people)];
	diagnostics.generateMs = performance.now() - t;
	const { app, fillMs } = populateApp(notes);
	diagnostics.fillDoubleMs = fillMs;
	const personPaths = notes.filter((n) => n.kind === 'person').map((n) => n.path);
	const byPath = new Map(notes.map((n) => [n.path, n]));
	const settings: KindredSettings = defaultSettings();
	const getSettings = (): KindredSettings => settings;
	const indexDeps = (pause: () => Promise<void>): PeopleIndexDeps => ({
		app: { vault: app.vault.asOriginalType2__(), metadataCache: app.metadataCache.asOriginalType2__() },
		getSettings,
		templatesFolder: () => null,
		pause,
	});

	// onload first, before any index exists: it must not depend on the vault at all.
	await step('onloadMs', async () => {
		const r = await measureOnload(app, plan);
		figures.onloadMs = r.ms;
		diagnostics.onloadNoteReads = r.reads;
	});

	// The build alone: the background body pass never gets past its first pause. Each run
	// is paired with the double's floor (see doubleFloor), timed just before it.
	await step('indexBuildMs', async () => {
		const cpu: number[] = [];
		const floor: number[] = [];
		const full: number[] = [];
		const { vault, metadataCache } = indexDeps(never).app;
		figures.indexBuildMs = await medianOf(plan, () => {
			floor.push(timeSync(() => doubleFloor(vault.getRoot(), metadataCache)));
			const index = new PeopleIndex(indexDeps(never));
			index.load();
			const ms = timeSync(() => index.start(), cpu);
			countPeople(index, people);
			// What the pane and the status bar ask for next: the first due list, from scratch.
			full.push(timeSync(() => index.dueList(BENCH_TODAY)));
			index.unload();
			return ms;
		});
		diagnostics.indexBuildCpuMs = median(cpu.slice(plan.warmup));
		diagnostics.indexFloorMs = median(floor.slice(plan.warmup));
		diagnostics.dueListFullMs = median(full.slice(plan.warmup));
	});

	// The index the rest works with: built, then its body pass run to the end.
	const index = new PeopleIndex(indexDeps(immediate));
	index.load();
	let emits = 0;
	index.onChange(() => emits++);
	index.start();
	t = performance.now();
	await index.logsRead;
	diagnostics.bodyPassMs = performance.now() - t;
	diagnostics.bodyPassChangeEvents = emits;

	const touched = (path: string): { file: ReturnType<typeof fileAt>; note: GeneratedNote } => {
		const note = touchedNote(byPath.get(path) as GeneratedNote, BENCH_TODAY);
		return { file: fileAt(app, path), note };
	};
	const fire = (file: ReturnType<typeof fileAt>, note: GeneratedNote): number => {
		const meta = cachedMetadataFor(note);
		cacheMap(app).set(note.path, meta);
		return timeSync(() => app.metadataCache.trigger('changed', file, note.content, meta));
	};

	// The network review over everyone, as the review view computes it on a change (every
	// note's path handed over for reach, introductions among the circles).
	await step('reviewMs', async () => {
		const notePaths = notes.map((n) => n.path);
		diagnostics.reviewMs = await medianOf(plan, () => timeSync(() => reviewNetwork(index.roster.all(), BENCH_TODAY, settings, notePaths)));
	});

	await step('incrementalUpdateMs', async () => {
		const many: RunPlan = { warmup: plan.warmup * 5, runs: plan.runs * 5 };
		const changes = spread(personPaths, 0, many.warmup + many.runs).map(touched);
		figures.incrementalUpdateMs = await medianOf(many, (i) => fire(changes[i].file, changes[i].note));
		const last = changes[changes.length - 1];
		if (index.get(last.note.path)?.lastContactField !== BENCH_TODAY) {
			throw new Error(`a changed note (${last.note.path}) did not reach the index`);
		}
	});

	// As in the plugin: the status bar listens to the index and recounts on every change.
	// (Skipped at 50,000, where each run is a full due list: see dueListMs.)
	if (people <= 10000) {
		await step('incrementalWithStatusBarMs', async () => {
			const bar = new StatusBarCount(createDiv(), { index, now, onClick: () => {} });
			bar.load();
			const changes = spread(personPaths, 200, plan.warmup + plan.runs).map(touched);
			diagnostics.incrementalWithStatusBarMs = await medianOf(plan, (i) => fire(changes[i].file, changes[i].note));
			bar.unload();
		});
	}

	// The start-up body pass with the status bar attached, as the plugin runs it. Every
	// batch of the pass moves the revision and the bar recomputes the whole due list, so
	// this is quadratic; measured at 1,000 only, estimated for every size below
	// (bodyPassWithStatusBarEstimateMs = change events × dueListMs).
	if (people <= 1000) {
		await step('bodyPassWithStatusBarMs', async () => {
			const other = new PeopleIndex(indexDeps(immediate));
			other.load();
			const bar = new StatusBarCount(createDiv(), { index: other, now, onClick: () => {} });
			bar.load();
			other.start();
			const t0 = performance.now();
			await other.logsRead;
			diagnostics.bodyPassWithStatusBarMs = performance.now() - t0;
			bar.unload();
			other.unload();
		});
	}

	// Cold: one person changes before each run, so the roster's cached list is stale.
	const someone = index.get(personPaths[0]);
	const bump = (i: number): void => {
		if (!someone) throw new Error('no first person in the index');
		index.roster.upsert(i % 2 === 0 ? { ...someone, aliases: [...someone.aliases, 'bench'] } : someone);
	};
	// Each run is paired with the least any patch that hands out a new list does: one copy
	// of that list (dueListFloorMs), timed just after it, for reading growth across sizes.
	await step('dueListMs', async () => {
		const cpu: number[] = [];
		const floor: number[] = [];
		let copies = 0;
		figures.dueListMs = await medianOf(plan, (i) => {
			bump(i);
			let list: readonly ScheduledPerson[] = [];
			const ms = timeSync(() => {
				list = index.dueList(BENCH_TODAY);
			}, cpu);
			floor.push(timeSync(() => {
				copies += list.slice().length;
			}));
			return ms;
		});
		diagnostics.dueListCpuMs = median(cpu.slice(plan.warmup));
		diagnostics.dueListFloorMs = copies > 0 ? median(floor.slice(plan.warmup)) : NaN;
		diagnostics.dueListLength = index.dueList(BENCH_TODAY).length;
		diagnostics.bodyPassWithStatusBarEstimateMs = emits * (figures.dueListMs ?? NaN);
		diagnostics.dueListCachedMs = await medianOf(plan, () => timeSync(() => index.dueList(BENCH_TODAY)));
	});

	await step('paneFirstPaintMs', async () => {
		const deps: DueViewDeps = {
			index,
			getSettings,
			now,
			openNote: () => {},
			logTouchpoint: () => {},
			snooze: () => {},
		};
		let nodes = 0;
		let firstFrameNodes = 0;
		const open = async (): Promise<number> => {
			const leaf = WorkspaceLeaf.create2__(app);
			const view = new DueView(leaf.asOriginalType3__(), deps);
			// happy-dom does no layout: the pane counts as shown, as a real open pane is.
			view.containerEl.isShown = () => true;
			document.body.appendChild(view.containerEl);
			view.load();
			const t0 = performance.now();
			await view.onOpen();
			const ms = performance.now() - t0;
			firstFrameNodes = view.containerEl.querySelectorAll('*').length;
			// The rows around the view come on the next frame (not timed): count them too.
			await new Promise<void>((resolve) => view.containerEl.win.requestAnimationFrame(() => resolve()));
			nodes = view.containerEl.querySelectorAll('*').length;
			await view.onClose();
			view.unload();
			view.containerEl.remove();
			return ms;
		};
		// Warm: the status bar has already asked for today's list, as it does in the plugin.
		// A run is a few milliseconds, so take three times as many.
		const many: RunPlan = { warmup: plan.warmup * 3, runs: plan.runs * 3 };
		figures.paneFirstPaintMs = await medianOf(many, async () => {
			index.dueList(BENCH_TODAY);
			return open();
		});
		figures.paneDomNodes = nodes;
		diagnostics.paneFirstFrameDomNodes = firstFrameNodes;
		if (people <= 10000) {
			diagnostics.paneFirstPaintColdMs = await medianOf(plan, async (i) => {
				bump(i);
				return open();
			});
		}
	});

	await step('logTouchpointMs', async () => {
		const big = bigPersonNote(100 * 1024);
		diagnostics.logNoteBytes = big.content.length;
		const entry: LogEntry = { date: BENCH_TODAY, linked: false, channel: 'call', exchange: 'gave', text: 'Bench touchpoint.' };
		const ctx = { path: big.path, settings, parseYaml, today: BENCH_TODAY };
		const check = applyTouchpoint(big.content, entry, ctx);
		if (!check.ok) throw new Error(check.error);
		figures.logTouchpointMs = await medianOf({ warmup: plan.warmup * 3, runs: plan.runs * 3 }, () =>
			timeSync(() => applyTouchpoint(big.content, entry, ctx)),
		);
	});

	index.unload();
	return { people, figures, diagnostics, errors };
}

/** The plugin's onload, up to (not including) layout ready, on a fresh plugin each run. */
async function measureOnload(app: App, plan: RunPlan): Promise<{ ms: number; reads: number }> {
	const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as PluginManifest;
	const vault = app.vault as unknown as Record<string, unknown>;
	let reads = 0;
	// Count note reads during onload: there should be none (the index starts at layout ready).
	for (const name of ['read', 'cachedRead']) {
		const original = vault[name] as (...args: unknown[]) => unknown;
		vault[name] = (...args: unknown[]): unknown => {
			reads++;
			return original.apply(app.vault, args);
		};
	}
	const workspace = app.workspace as unknown as { layoutReadyCallbacks: unknown[] };
	const ms = await medianOf(plan, async () => {
		const plugin = new KindredPlugin(app.asOriginalType__(), manifest);
		const t0 = performance.now();
		await plugin.onload();
		const elapsed = performance.now() - t0;
		// Undo what onload registered, as Obsidian's unload would (the double only
		// unloads a component it loaded itself).
		(plugin as unknown as { loaded__: boolean }).loaded__ = true;
		plugin.unload();
		workspace.layoutReadyCallbacks = [];
		return elapsed;
	});
	delete vault.read;
	delete vault.cachedRead;
	return { ms, reads };
}
