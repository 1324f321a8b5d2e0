/**
 * `cliDueMs` and `cliReadFloorMs`: `node dist/cli.cjs due VAULT --today … --json` against
 * the read floor (read-floor.ts) on the same vault, run alternately (the order flips
 * every pair) so both see the same page cache and machine load; medians of each, after
 * one warm-up run of each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { execPath } from 'node:process';
import { BENCH_TODAY } from './generate';
import { median } from './stats';

export const CLI_PATH = 'dist/cli.cjs';

export interface CliFigures {
	cliDueMs: number;
	cliReadFloorMs: number;
	/** People in the CLI's `--json` output (a check that it read the vault). */
	listed: number;
}

function timed(args: string[]): number {
	const t0 = performance.now();
	const r = spawnSync(execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
	const ms = performance.now() - t0;
	if (r.status !== 0) {
		throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${String(r.stderr).split('\n')[0]}`);
	}
	return ms;
}

export function measureCli(vault: string, floorScript: string, runs: number): CliFigures {
	if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing (the build did not produce it)`);
	const cliArgs = [CLI_PATH, 'due', vault, '--today', BENCH_TODAY, '--json'];
	const floorArgs = [floorScript, vault];

	// Once with output captured: the command must succeed and list people. This run and
	// one of the floor are the warm-up (page cache, disk), so every later pair is timed.
	const first = spawnSync(execPath, cliArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
	if (first.status !== 0) throw new Error(`kindred due exited with ${first.status}: ${first.stderr.split('\n')[0]}`);
	const doc = JSON.parse(first.stdout) as { people?: unknown[] };
	const listed = Array.isArray(doc.people) ? doc.people.length : 0;
	if (listed === 0) throw new Error('kindred due --json listed nobody');
	timed(floorArgs);

	const cli: number[] = [];
	const floor: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cliFirst = i % 2 === 0;
		const a = cliFirst ? timed(cliArgs) : timed(floorArgs);
		const b = cliFirst ? timed(floorArgs) : timed(cliArgs);
		cli.push(cliFirst ? a : b);
		floor.push(cliFirst ? b : a);
	}
	return { cliDueMs: median(cli), cliReadFloorMs: median(floor), listed };
}
