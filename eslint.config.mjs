import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig([
	globalIgnores([
		'node_modules/**',
		'main.js',
		'dist/**',
		'example-vault/**',
		'test-results/**',
		'bench-results/**',
		'coverage/**',
	]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'build-options.mjs', 'scripts/*.mjs'],
				},
			},
		},
	},
	{
		// The domain is pure: it runs in the plugin, the CLI and tests alike.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'obsidian', message: 'src/core is pure: no Obsidian API here.' },
						{ name: 'gray-matter', message: 'src/core is pure: take a YAML parser as a parameter.' },
						...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins.' })),
					],
				},
			],
		},
	},
	{
		// The plugin bundle must load on mobile: no Node built-ins, no gray-matter.
		files: ['src/obsidian/**/*.ts', 'src/main.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'gray-matter', message: 'gray-matter is not mobile-safe; use parseYaml.' },
						...nodeBuiltins.map((name) => ({ name, message: 'main.js must load without Node.' })),
					],
				},
			],
		},
	},
	{
		// Node-side code: the command line, build and bench scripts, and tests run in Node,
		// never in Obsidian, so the mobile and console rules for plugin code do not apply.
		// js-yaml stays: the command line reads frontmatter with it (gray-matter, which wraps it,
		// was dropped for speed), and the tests parse notes the same way.
		files: ['src/cli/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.config.{ts,mjs}', 'build-options.{mjs,d.mts}'],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'obsidianmd/no-nodejs-modules': 'off',
			'obsidianmd/hardcoded-config-path': 'off',
			'obsidianmd/rule-custom-message': 'off',
			'obsidianmd/no-global-this': 'off',
			'obsidianmd/prefer-window-timers': 'off',
			'depend/ban-dependencies': ['error', { allowed: ['js-yaml'] }],
			'no-console': 'off',
		},
	},
	{
		// js-yaml is a dependency of the command line only (see above); it never enters main.js.
		files: ['package.json'],
		rules: { 'depend/ban-dependencies': ['error', { allowed: ['js-yaml'] }] },
	},
]);
