// `npm run bench` (after the production build of main.js and dist/cli.cjs): bundles the
// benchmark (bench/*.ts) into bench-results/build with esbuild, then runs it in a child
// process with this script's arguments (--json, --sizes). 'obsidian' is aliased to
// obsidian-test-mocks/obsidian, so the plugin's real code (index, view, onload) runs
// against the test double outside vitest. Packages stay external: the double, happy-dom
// and vitest's environment load from node_modules at run time.
// See bench/main.ts for what is measured.
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import process from 'node:process';

await esbuild.build({
	entryPoints: {
		main: 'bench/main.ts',
		worker: 'bench/worker.ts',
		'read-floor': 'bench/read-floor.ts',
	},
	outdir: 'bench-results/build',
	outExtension: { '.js': '.mjs' },
	bundle: true,
	// The worker loads the plugin code with a dynamic import once the DOM exists;
	// splitting keeps that code (and its imports of the double) out of the first chunk.
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	alias: { obsidian: 'obsidian-test-mocks/obsidian' },
	logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['bench-results/build/main.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
