// The esbuild options for Kindred's two artefacts, shared by esbuild.config.mjs, the bundle
// tests and the benchmark, so what is tested is what `npm run build` ships.
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The Obsidian plugin: browser platform, no Node built-ins (they are left out, so any use fails loudly). */
export function pluginOptions({ production = true, outfile = 'main.js' } = {}) {
	return {
		entryPoints: ['src/main.ts'],
		bundle: true,
		external: [
			'obsidian',
			'electron',
			'@codemirror/autocomplete',
			'@codemirror/collab',
			'@codemirror/commands',
			'@codemirror/language',
			'@codemirror/lint',
			'@codemirror/search',
			'@codemirror/state',
			'@codemirror/view',
			'@lezer/common',
			'@lezer/highlight',
			'@lezer/lr',
			...nodeBuiltins,
		],
		format: 'cjs',
		platform: 'browser',
		target: 'es2021',
		logLevel: 'info',
		sourcemap: production ? false : 'inline',
		treeShaking: true,
		minify: production,
		outfile,
	};
}

/** The `kindred` command line for Node. */
export function cliOptions({ outfile = 'dist/cli.cjs' } = {}) {
	return {
		entryPoints: ['src/cli/main.ts'],
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		logLevel: 'info',
		banner: { js: '#!/usr/bin/env node' },
		outfile,
	};
}
