import { defineConfig } from 'vitest/config';

export default defineConfig({
	// `obsidian` ships types only; tests run against the maintained double.
	resolve: { alias: { obsidian: 'obsidian-test-mocks/obsidian' } },
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/browser/**', 'node_modules/**'],
		setupFiles: ['obsidian-test-mocks/vitest-setup'],
		environment: 'happy-dom',
		testTimeout: 60_000,
	},
});
