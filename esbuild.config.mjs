// Builds two artefacts from one source tree (options in build-options.mjs):
//  - main.js: the Obsidian plugin (browser platform, no Node built-ins, no gray-matter);
//  - dist/cli.cjs: the `kindred` command line for Node.
import esbuild from 'esbuild';
import { cliOptions, pluginOptions } from './build-options.mjs';

const production = process.argv[2] === 'production';
const plugin = pluginOptions({ production });
const cli = cliOptions();

if (production) {
	await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
	const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
	await Promise.all(contexts.map((c) => c.watch()));
}
