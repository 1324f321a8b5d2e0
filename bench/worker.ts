/**
 * One vault size's in-process measurements, run in a child process of its own (so the
 * sizes don't share a heap or JIT state). Usage:
 *
 *     node --expose-gc bench-results/build/worker.mjs --people 10000 --warmup 2 --runs 7
 *
 * Prints one JSON line (a SizeResult without the command-line figures) on stdout.
 * The DOM must exist before obsidian-test-mocks loads, hence the dynamic import.
 */
import { argv, exit, stderr, stdout } from 'node:process';
import { installDom } from './dom-env';

function option(name: string, fallback: number): number {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? Number(argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
	await installDom();
	const { measureInProcess } = await import('./in-process');
	const result = await measureInProcess({
		people: option('people', 10000),
		plan: { warmup: option('warmup', 2), runs: option('runs', 7) },
	});
	stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	// Views and clocks leave timers behind; the result is out, so stop here.
	() => exit(0),
	(err: unknown) => {
		stderr.write(`bench worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
		exit(1);
	},
);
