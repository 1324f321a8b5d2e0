/**
 * The benchmark's figures: their names (the `--json` contract), the targets from issue 6,
 * the JSON object printed as the last line, and the readable table. Pure: no timing, no
 * I/O, so test/bench can check the field names without running anything.
 */

/** The figures, in the order of the issue. These names are the `--json` contract. */
export const FIGURE_NAMES = [
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
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** One vault size's figures; null when that measurement could not run (see `errors`). */
export type Figures = Record<FigureName, number | null>;

export const SIZES = [1000, 10000, 50000] as const;
/** The size whose figures are the headline (top level of the JSON). */
export const HEADLINE = 10000;

/** Extra numbers that explain the figures; printed in the table, never in the JSON. */
export type Diagnostics = Record<string, number | null>;

export interface SizeResult {
	people: number;
	figures: Figures;
	diagnostics: Diagnostics;
	/** Why a figure is null, by figure or step name. */
	errors: Record<string, string>;
}

export interface BenchReport {
	/** By vault size. */
	sizes: Record<number, SizeResult>;
	/** Seconds the whole run took. */
	totalSeconds: number;
	/** One-minute load average at the start and the end, and the CPU count: wall-clock figures mean little on a busy machine. */
	load?: { start: number; end: number; cpus: number };
}

export function emptyFigures(): Figures {
	const f = {} as Figures;
	for (const name of FIGURE_NAMES) f[name] = null;
	return f;
}

/** Milliseconds to 3 decimals, counts as whole numbers. */
function rounded(name: FigureName, v: number | null): number | null {
	if (v === null || !Number.isFinite(v)) return null;
	if (name === 'bundleBytes' || name === 'paneDomNodes') return Math.round(v);
	return Math.round(v * 1000) / 1000;
}

function roundedFigures(f: Figures): Figures {
	const out = emptyFigures();
	for (const name of FIGURE_NAMES) out[name] = rounded(name, f[name]);
	return out;
}

export interface JsonReport extends Figures {
	people: number;
	growth: Record<string, Figures>;
}

/** The `--json` object: the 10,000-person figures at the top level, the other sizes under growth. */
export function toJsonReport(report: BenchReport): JsonReport {
	const headline = report.sizes[HEADLINE]?.figures ?? emptyFigures();
	const growth: Record<string, Figures> = {};
	for (const size of SIZES) {
		if (size === HEADLINE) continue;
		growth[String(size)] = roundedFigures(report.sizes[size]?.figures ?? emptyFigures());
	}
	return { ...roundedFigures(headline), people: HEADLINE, growth };
}

// ------------------------------------------------------------------ targets

export interface Verdict {
	target: string;
	/** null when there is nothing to check (no target, or the figure is missing). */
	ok: boolean | null;
}

const KB = 1000;

/** The targets, checked against the headline (10,000-person) figures. */
export function verdict(name: FigureName, f: Figures): Verdict {
	const v = f[name];
	const check = (target: string, ok: (x: number) => boolean): Verdict => ({ target, ok: v === null ? null : ok(v) });
	switch (name) {
		case 'indexBuildMs':
			return check('≤ 50', (x) => x <= 50);
		case 'incrementalUpdateMs': {
			const build = f.indexBuildMs;
			return {
				target: '< 1% of indexBuildMs',
				ok: v === null || build === null ? null : v < build / 100,
			};
		}
		case 'paneFirstPaintMs':
			return check('≤ 16', (x) => x <= 16);
		case 'paneDomNodes':
			return check('≤ 3,000', (x) => x <= 3000);
		case 'cliDueMs': {
			const floor = f.cliReadFloorMs;
			return { target: '≤ 3 × floor', ok: v === null || floor === null ? null : v / floor <= 3 };
		}
		case 'bundleBytes':
			return check('≤ 150 KB', (x) => x <= 150 * KB);
		case 'onloadMs':
			return check('≤ 5', (x) => x <= 5);
		default:
			return { target: '—', ok: null };
	}
}

/** Per-person cost grows by at most this factor from 10,000 to 50,000 people to count as linear. */
export const LINEAR_SLACK = 2;

/** Figures that should grow with the number of people (the others are per note or per bundle). */
export const SCALING: readonly FigureName[] = ['indexBuildMs', 'dueListMs', 'cliDueMs', 'cliReadFloorMs'];

/**
 * Each scaling figure's floor: the same walk over the same data with no Kindred code (the
 * double's walk for the build, one copy of the list for a patched due list, reading the
 * files for the command line), measured beside it at every size.
 */
const FLOOR_OF: Partial<Record<FigureName, { diagnostic: string } | { figure: FigureName }>> = {
	indexBuildMs: { diagnostic: 'indexFloorMs' },
	dueListMs: { diagnostic: 'dueListFloorMs' },
	cliDueMs: { figure: 'cliReadFloorMs' },
};

function perPerson(report: BenchReport, size: number, name: FigureName): number | null {
	const v = report.sizes[size]?.figures[name] ?? null;
	return v === null ? null : (1000 * v) / size;
}

function floorAt(report: BenchReport, size: number, name: FigureName): number | null {
	const f = FLOOR_OF[name];
	const r = report.sizes[size];
	if (f === undefined || r === undefined) return null;
	return ('figure' in f ? r.figures[f.figure] : r.diagnostics[f.diagnostic]) ?? null;
}

/** b / a, or null when either is missing (or not a number) or a is 0. */
function over(b: number | null, a: number | null): number | null {
	return a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || a === 0 ? null : b / a;
}

/**
 * How a figure's cost per person grows from 10,000 to 50,000 people: `raw`, and
 * `overFloor`, the same over its floor's growth. A vault five times larger no longer fits
 * the processor's caches, so even the floor's cost per person rises on a machine like this
 * one (×1.1–2.5 in recent runs); a step of Kindred's own that is worse than linear shows as
 * the figure outgrowing its floor. `linear` judges overFloor where the floor was measured
 * at both sizes, else raw, against LINEAR_SLACK.
 */
export function growthOf(report: BenchReport, name: FigureName): { raw: number | null; overFloor: number | null; linear: boolean | null } {
	const raw = over(perPerson(report, 50000, name), perPerson(report, 10000, name));
	const ratioAt = (size: number): number | null => over(report.sizes[size]?.figures[name] ?? null, floorAt(report, size, name));
	const overFloor = over(ratioAt(50000), ratioAt(10000));
	const judged = overFloor ?? raw;
	return { raw, overFloor, linear: judged === null ? null : judged <= LINEAR_SLACK };
}

// ------------------------------------------------------------------ table

function fmt(v: number | null | undefined, name?: string): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
	if (name === 'bundleBytes' || name === 'paneDomNodes' || Number.isInteger(v)) return Math.round(v).toLocaleString('en');
	if (Math.abs(v) >= 100) return v.toFixed(0);
	if (Math.abs(v) >= 10) return v.toFixed(1);
	if (Math.abs(v) >= 1) return v.toFixed(2);
	return v.toFixed(3);
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	return rows
		.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
		.join('\n');
}

function mark(ok: boolean | null): string {
	return ok === null ? '' : ok ? 'yes' : 'NO';
}

export function renderReport(report: BenchReport): string {
	const sizes = SIZES.filter((s) => report.sizes[s] !== undefined);
	const fig = (s: number, n: FigureName): number | null => report.sizes[s]?.figures[n] ?? null;
	const headline = report.sizes[HEADLINE]?.figures ?? emptyFigures();
	const out: string[] = [];

	const rows: string[][] = [['metric', ...sizes.map((s) => s.toLocaleString('en')), 'target (10k)', 'ok?']];
	for (const name of FIGURE_NAMES) {
		const v = verdict(name, headline);
		rows.push([name, ...sizes.map((s) => fmt(fig(s, name), name)), v.target, mark(v.ok)]);
	}
	out.push(table(rows));

	const ratio: string[][] = [['ratio', ...sizes.map((s) => s.toLocaleString('en')), 'target', 'ok?']];
	const pct = sizes.map((s) => {
		const inc = fig(s, 'incrementalUpdateMs');
		const build = fig(s, 'indexBuildMs');
		return inc === null || build === null || build === 0 ? null : (100 * inc) / build;
	});
	const headPct = pct[sizes.indexOf(HEADLINE)] ?? null;
	ratio.push(['incremental / indexBuild (%)', ...pct.map((p) => fmt(p)), '< 1%', mark(headPct === null ? null : headPct < 1)]);
	const cli = sizes.map((s) => {
		const a = fig(s, 'cliDueMs');
		const b = fig(s, 'cliReadFloorMs');
		return a === null || b === null || b === 0 ? null : a / b;
	});
	const headCli = cli[sizes.indexOf(HEADLINE)] ?? null;
	ratio.push(['cliDue / cliReadFloor', ...cli.map((r) => fmt(r)), '≤ 3', mark(headCli === null ? null : headCli <= 3)]);
	// For reading the build's figure on a busy machine: the double's own walk (indexFloorMs)
	// slows with it, and how many times that walk the build takes moves far less.
	const overFloor = sizes.map((s) => {
		const build = fig(s, 'indexBuildMs');
		const floor = report.sizes[s].diagnostics.indexFloorMs ?? null;
		return build === null || floor === null || floor === 0 ? null : build / floor;
	});
	ratio.push(['indexBuild / indexFloor', ...overFloor.map((r) => fmt(r)), '—', '']);
	out.push('', table(ratio));

	const growth: string[][] = [
		['growth: µs per person', ...sizes.map((s) => s.toLocaleString('en')), '10k→50k', 'over floor', 'linear?'],
	];
	for (const name of SCALING) {
		const g = growthOf(report, name);
		const factor = (v: number | null): string => (v === null ? 'n/a' : `×${fmt(v)}`);
		growth.push([name, ...sizes.map((s) => fmt(perPerson(report, s, name))), factor(g.raw), factor(g.overFloor), mark(g.linear)]);
	}
	out.push('', table(growth));

	const diagNames = [...new Set(sizes.flatMap((s) => Object.keys(report.sizes[s].diagnostics)))];
	if (diagNames.length > 0) {
		const diag: string[][] = [['diagnostics', ...sizes.map((s) => s.toLocaleString('en'))]];
		for (const d of diagNames) diag.push([d, ...sizes.map((s) => fmt(report.sizes[s].diagnostics[d] ?? null))]);
		out.push('', table(diag));
	}
	const errors = sizes.flatMap((s) => Object.entries(report.sizes[s].errors).map(([k, e]) => `  ${s}: ${k}: ${e}`));
	if (errors.length > 0) out.push('', 'not measured:', ...errors);
	const load = report.load ? `; load average ${report.load.start.toFixed(1)} at the start, ${report.load.end.toFixed(1)} at the end, ${report.load.cpus} CPUs` : '';
	out.push('', `total ${report.totalSeconds.toFixed(0)} s${load}`);
	return out.join('\n');
}
