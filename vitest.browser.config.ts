// The browser suite: real view and modal code, bundled with esbuild, rendered in Debian's
// Chromium through playwright-core. The tests themselves run in Node (they drive the
// browser); the page gets its own stand-in for 'obsidian', so no obsidian-test-mocks setup
// file here. One fork, one file at a time: each file starts a Chromium and they are slow
// enough without fighting over the CPU.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/browser/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		maxWorkers: 1,
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
});
