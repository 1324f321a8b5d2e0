// Builds two artefacts from one source tree:
//  - main.js: the Obsidian plugin (browser platform, no Node built-ins, no gray-matter);
//  - dist/cli.cjs: the `kindred` command line for Node.
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';

const production = process.argv[2] === 'production';

const plugin = {
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
		...builtinModules,
		...builtinModules.map((m) => `node:${m}`),
	],
	format: 'cjs',
	platform: 'browser',
	target: 'es2021',
	logLevel: 'info',
	sourcemap: production ? false : 'inline',
	treeShaking: true,
	minify: production,
	outfile: 'main.js',
};

const cli = {
	entryPoints: ['src/cli/main.ts'],
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	logLevel: 'info',
	banner: { js: '#!/usr/bin/env node' },
	outfile: 'dist/cli.cjs',
};

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((c) => c.watch()));
}
