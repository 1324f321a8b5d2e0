/**
 * `npm run bench`: generates (or reuses) the synthetic vaults, runs the in-process
 * measurements for each size in a child process of its own (worker.ts), times the command
 * line against the read floor (cli.ts), reads the bundle size, and prints the table; with
 * `--json`, the JSON object of figures.ts as the last line.
 *
 * Options (after `npm run bench --`): --json; --sizes 1000,10000 to run fewer sizes.
 * Progress goes to stderr so stdout is the table (and the JSON line) only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { argv, execPath, stderr, stdout } from 'node:process';
import { measureCli } from './cli';
import { emptyFigures, renderReport, SIZES, toJsonReport, type BenchReport, type SizeResult } from './figures';
import { writeVault } from './generate';
import type { RunPlan } from './stats';

const RESULTS = 'bench-results';
const BUILD = join(RESULTS, 'build');

/**
 * Fewer runs where one run is long, so the whole benchmark fits in about three minutes on
 * a 2-core machine. `cli` is the number of timed command-line/floor pairs (after one
 * warm-up run of each).
 */
const PLANS: Record<number, { inProcess: RunPlan; cli: number }> = {
	1000: { inProcess: { warmup: 3, runs: 9 }, cli: 7 },
	10000: { inProcess: { warmup: 2, runs: 7 }, cli: 5 },
	50000: { inProcess: { warmup: 1, runs: 3 }, cli: 2 },
};

function progress(msg: string): void {
	stderr.write(`bench: ${msg}\n`);
}

function sizesFromArgs(): number[] {
	const i = argv.indexOf('--sizes');
	if (i < 0) return [...SIZES];
	const wanted = argv[i + 1].split(',').map(Number);
	return SIZES.filter((s) => wanted.includes(s));
}

function runWorker(people: number, plan: RunPlan): SizeResult {
	const args = [
		'--expose-gc',
		'--max-old-space-size=8192',
		join(BUILD, 'worker.mjs'),
		'--people',
		String(people),
		'--warmup',
		String(plan.warmup),
		'--runs',
		String(plan.runs),
	];
	const r = spawnSync(execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
	const last = r.stdout.trim().split('\n').pop() ?? '';
	if (r.status !== 0 || !last.startsWith('{')) {
		return {
			people,
			figures: emptyFigures(),
			diagnostics: {},
			errors: { inProcess: `worker exited with ${r.status ?? r.signal}` },
		};
	}
	return JSON.parse(last) as SizeResult;
}

function main(): void {
	const t0 = performance.now();
	const loadStart = loadavg()[0];
	const json = argv.includes('--json');
	const sizes = sizesFromArgs();
	const vaults = new Map<number, string>();
	for (const size of sizes) {
		const dir = join(RESULTS, `vault-${size}`);
		const t = performance.now();
		const { reused, files } = writeVault(dir, size);
		progress(`${reused ? 'reused' : 'generated'} ${dir} (${files.toLocaleString('en')} notes) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		vaults.set(size, dir);
	}
	const bundleBytes = existsSync('main.js') ? statSync('main.js').size : null;

	const report: BenchReport = { sizes: {}, totalSeconds: 0 };
	for (const size of sizes) {
		const plan = PLANS[size];
		let t = performance.now();
		const result = runWorker(size, plan.inProcess);
		progress(`${size.toLocaleString('en')} people: in-process measurements in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		t = performance.now();
		try {
			const cli = measureCli(vaults.get(size) as string, join(BUILD, 'read-floor.mjs'), plan.cli);
			result.figures.cliDueMs = cli.cliDueMs;
			result.figures.cliReadFloorMs = cli.cliReadFloorMs;
			result.diagnostics.cliListed = cli.listed;
		} catch (err) {
			result.errors.cli = err instanceof Error ? err.message.split('\n')[0] : String(err);
		}
		progress(`${size.toLocaleString('en')} people: command line in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		result.figures.bundleBytes = bundleBytes;
		if (bundleBytes === null) result.errors.bundleBytes = 'main.js is missing (the build did not produce it)';
		report.sizes[size] = result;
	}
	report.totalSeconds = (performance.now() - t0) / 1000;
	report.load = { start: loadStart, end: loadavg()[0], cpus: cpus().length };
	stdout.write(`${renderReport(report)}\n`);
	if (json) stdout.write(`${JSON.stringify(toJsonReport(report))}\n`);
}

main();
