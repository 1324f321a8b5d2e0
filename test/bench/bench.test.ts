// @vitest-environment happy-dom
/**
 * The benchmark's own checks, none of them timed: the synthetic vault is deterministic
 * and reads the way Obsidian's cache would hold it, the vault on disk is reused only when
 * its stamp matches, and `npm run bench -- --json` has exactly the issue's field names.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { App, parseYaml } from 'obsidian-test-mocks/obsidian';
import { afterEach, describe, expect, it } from 'vitest';
import { readLog } from '../../src/core/logline';
import { defaultSettings } from '../../src/core/settings';
import {
	FIGURE_NAMES,
	SIZES,
	emptyFigures,
	growthOf,
	renderReport,
	toJsonReport,
	verdict,
	type BenchReport,
	type Figures,
} from '../../bench/figures';
import {
	BENCH_TODAY,
	GENERATOR_VERSION,
	STAMP_FILE,
	bigPersonNote,
	generatePersonNote,
	generateVault,
	touchedNote,
	writeVault,
	type GeneratedNote,
} from '../../bench/generate';
import { cachedMetadataFor } from '../../bench/metadata';
import { Prng, mixSeed } from '../../bench/prng';

function digest(notes: Iterable<GeneratedNote>): string {
	const h = createHash('sha256');
	for (const n of notes) h.update(`${n.path}\u0000${n.content}\u0000${JSON.stringify(n.frontmatter)}\u0000${n.tags.join(',')}\n`);
	return h.digest('hex');
}

/** The frontmatter block of a note's text, as the cache would parse it. */
function frontmatterText(content: string): string {
	const close = content.indexOf('\n---\n', 3);
	return content.slice(4, close + 1);
}

describe('the seeded generator', () => {
	it('gives the same numbers for the same seed and different ones for another', () => {
		const a = new Prng(mixSeed(1, 'person', 7));
		const b = new Prng(mixSeed(1, 'person', 7));
		const c = new Prng(mixSeed(2, 'person', 7));
		const xs = Array.from({ length: 5 }, () => a.next());
		expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
		expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
		expect(mixSeed('ab', 'c')).not.toBe(mixSeed('a', 'bc'));
	});

	it('builds the same vault twice, byte for byte, and another for another seed', () => {
		expect(digest(generateVault(300))).toBe(digest(generateVault(300)));
		expect(digest(generateVault(300, 1))).not.toBe(digest(generateVault(300)));
	});

	it('regenerates any one person alone exactly as inside the whole vault', () => {
		const notes = [...generateVault(500)];
		for (const i of [0, 1, 250, 499]) expect(generatePersonNote(i, 500)).toEqual(notes[i]);
	});

	it('makes N people with unique paths, N/2 other notes, and about 2 KB per person', () => {
		const notes = [...generateVault(1000)];
		const people = notes.filter((n) => n.kind === 'person');
		expect(people).toHaveLength(1000);
		expect(notes).toHaveLength(1500);
		expect(new Set(notes.map((n) => n.path)).size).toBe(1500);
		const avg = people.reduce((s, n) => s + n.content.length, 0) / people.length;
		expect(avg).toBeGreaterThan(1800);
		expect(avg).toBeLessThan(2300);
	});

	it('writes 20 log lines per contacted person, all on or before the benchmark day', () => {
		const settings = defaultSettings();
		for (const note of [...generateVault(200)].filter((n) => n.kind === 'person')) {
			const log = readLog(note.content, settings);
			expect([0, 20]).toContain(log.length);
			for (const e of log) expect(e.date <= BENCH_TODAY).toBe(true);
		}
	});

	it('hands over frontmatter exactly as the cache parses it from the text', () => {
		for (const note of generateVault(400)) {
			if (note.frontmatter === null) {
				expect(note.content.startsWith('---\n')).toBe(false);
				continue;
			}
			expect(parseYaml(frontmatterText(note.content)) ?? {}).toEqual(note.frontmatter);
		}
	});

	it('builds the cache entry the double itself builds (sample)', () => {
		const notes = [...generateVault(120)];
		const sample = [...notes.slice(0, 100), ...notes.slice(-40)];
		const app = App.createConfigured__({ files: Object.fromEntries(sample.map((n) => [n.path, n.content])) });
		for (const note of sample) {
			const file = app.vault.getFileByPath(note.path);
			const theirs = file ? app.metadataCache.getFileCache(file) : null;
			const ours = cachedMetadataFor(note);
			expect(ours.frontmatter ?? null, note.path).toEqual(theirs?.frontmatter ?? null);
			expect(ours.frontmatterPosition, note.path).toEqual(theirs?.frontmatterPosition);
			expect(ours.frontmatterLinks, note.path).toEqual(theirs?.frontmatterLinks);
			expect(ours.tags, note.path).toEqual(theirs?.tags);
			expect(ours.headings, note.path).toEqual(theirs?.headings);
			expect(ours.links, note.path).toEqual(theirs?.links);
			expect(ours.listItems?.map((l) => [l.parent, l.position]), note.path).toEqual(
				theirs?.listItems?.map((l) => [l.parent, l.position]),
			);
			expect((ours.tags ?? []).map((t) => t.tag)).toEqual(note.tags);
		}
	});

	it('edits a note the way a logged touchpoint would', () => {
		const note = generatePersonNote(3, 100);
		const touched = touchedNote(note, BENCH_TODAY);
		expect(parseYaml(frontmatterText(touched.content))).toEqual(touched.frontmatter);
		expect(readLog(touched.content, defaultSettings())[0]).toMatchObject({ date: BENCH_TODAY, text: 'Bench touchpoint.' });
	});

	it('makes a well-formed person note of at least 100 KB', () => {
		const big = bigPersonNote(100 * 1024);
		expect(big.content.length).toBeGreaterThanOrEqual(100 * 1024);
		expect(parseYaml(frontmatterText(big.content))).toEqual(big.frontmatter);
		const log = readLog(big.content, defaultSettings());
		expect(log.length).toBeGreaterThan(1000);
		expect(log[0].date).toBe('2026-10-01');
	});
});

describe('the vault on disk', () => {
	let dir = '';
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('is written once and reused while the generator version and seed match', () => {
		dir = mkdtempSync(join(tmpdir(), 'kindred-bench-'));
		const vault = join(dir, 'vault');
		expect(writeVault(vault, 40)).toEqual({ reused: false, files: 60 });
		const first = generatePersonNote(0, 40);
		expect(readFileSync(join(vault, first.path), 'utf8')).toBe(first.content);
		expect(writeVault(vault, 40)).toEqual({ reused: true, files: 60 });
		expect(writeVault(vault, 40, 99).reused).toBe(false);
		// A stamp from another generator version means rebuild.
		const stampPath = join(vault, STAMP_FILE);
		const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Record<string, unknown>;
		writeFileSync(stampPath, JSON.stringify({ ...stamp, generatorVersion: GENERATOR_VERSION + 1 }));
		expect(writeVault(vault, 40, 99).reused).toBe(false);
	});
});

describe('the --json output', () => {
	const ISSUE_NAMES = [
		'indexBuildMs',
		'incrementalUpdateMs',
		'dueListMs',
		'paneFirstPaintMs',
		'paneDomNodes',
		'logTouchpointMs',
		'cliDueMs',
		'cliReadFloorMs',
		'bundleBytes',
		'onloadMs',
	];

	function fakeReport(): BenchReport {
		const sizes: BenchReport['sizes'] = {};
		for (const people of SIZES) {
			const figures = emptyFigures();
			FIGURE_NAMES.forEach((name, i) => (figures[name] = (people / 1000) * (i + 1) + 0.12345));
			sizes[people] = { people, figures, diagnostics: { bodyPassMs: 1 }, errors: {} };
		}
		return { sizes, totalSeconds: 42 };
	}

	it('has exactly the issue’s field names, people: 10000 and growth for 1,000 and 50,000', () => {
		const json = toJsonReport(fakeReport());
		expect([...FIGURE_NAMES]).toEqual(ISSUE_NAMES);
		expect(Object.keys(json).sort()).toEqual([...ISSUE_NAMES, 'people', 'growth'].sort());
		expect(json.people).toBe(10000);
		expect(Object.keys(json.growth).sort()).toEqual(['1000', '50000']);
		for (const size of ['1000', '50000']) expect(Object.keys(json.growth[size]).sort()).toEqual([...ISSUE_NAMES].sort());
		// The headline is the 10,000-person run; the growth entries are their own runs.
		expect(json.indexBuildMs).toBe(10.123);
		expect(json.growth['50000'].indexBuildMs).toBe(50.123);
		expect(json.paneDomNodes).toBe(50);
		// One line of JSON that survives a round trip.
		const line = JSON.stringify(json);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual(json);
	});

	it('keeps a figure that could not be measured as null, never drops it', () => {
		const report = fakeReport();
		report.sizes[10000].figures.cliDueMs = null;
		const json = toJsonReport(report);
		expect(json.cliDueMs).toBeNull();
		expect(Object.keys(json)).toContain('cliDueMs');
	});

	it('checks the issue’s targets against the 10,000-person figures', () => {
		const f: Figures = { ...emptyFigures(), indexBuildMs: 40, incrementalUpdateMs: 0.5, cliDueMs: 300, cliReadFloorMs: 100 };
		expect(verdict('indexBuildMs', f).ok).toBe(true);
		expect(verdict('incrementalUpdateMs', f).ok).toBe(false);
		expect(verdict('cliDueMs', f).ok).toBe(true);
		expect(verdict('onloadMs', f).ok).toBeNull();
		expect(verdict('bundleBytes', { ...f, bundleBytes: 150_001 }).ok).toBe(false);
	});

	it('prints a table with every metric and every size', () => {
		const text = renderReport(fakeReport());
		for (const name of ISSUE_NAMES) expect(text).toContain(name);
		for (const size of ['1,000', '10,000', '50,000']) expect(text).toContain(size);
	});

	it('judges growth over the floor measured beside each figure, and says so in the table', () => {
		const report = fakeReport();
		const at = (size: number, build: number, floor: number): void => {
			report.sizes[size].figures.indexBuildMs = build;
			report.sizes[size].diagnostics.indexFloorMs = floor;
		};
		// The machine's caches: the floor costs 2.5 times more per note at 50,000, and the
		// build follows it (×2.5 raw, ×1 over its floor): linear.
		at(10000, 40, 15);
		at(50000, 500, 187.5);
		expect(growthOf(report, 'indexBuildMs')).toEqual({ raw: 2.5, overFloor: 1, linear: true });
		const row = renderReport(report)
			.split('\n')
			.find((l) => l.startsWith('indexBuildMs') && l.includes('×'));
		expect(row?.split(/\s{2,}/).slice(-3)).toEqual(['×2.50', '×1', 'yes']);
		// A quadratic step of Kindred's own: the floor grows linearly, the build five times.
		at(50000, 1000, 75);
		const quadratic = growthOf(report, 'indexBuildMs');
		expect(quadratic.raw).toBeCloseTo(5);
		expect(quadratic.overFloor).toBeCloseTo(5);
		expect(quadratic.linear).toBe(false);
		// No floor at one size: the raw growth is judged.
		delete report.sizes[50000].diagnostics.indexFloorMs;
		expect(growthOf(report, 'indexBuildMs')).toEqual({ raw: 5, overFloor: null, linear: false });
		// cliDueMs over cliReadFloorMs, both figures.
		report.sizes[10000].figures.cliDueMs = 900;
		report.sizes[10000].figures.cliReadFloorMs = 300;
		report.sizes[50000].figures.cliDueMs = 4500;
		report.sizes[50000].figures.cliReadFloorMs = 1500;
		expect(growthOf(report, 'cliDueMs')).toEqual({ raw: 1, overFloor: 1, linear: true });
	});

	it('prints how many times the double’s own walk the build takes, where the floor was measured', () => {
		const report = fakeReport();
		report.sizes[10000].diagnostics.indexFloorMs = 4;
		const row = renderReport(report)
			.split('\n')
			.find((l) => l.startsWith('indexBuild / indexFloor'));
		// 10.123 / 4 at 10,000; no floor measured at the other sizes.
		expect(row?.split(/\s{2,}/).slice(1, 4)).toEqual(['n/a', '2.53', 'n/a']);
	});
});
