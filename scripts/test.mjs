// `npm test`: everything a change must pass, in order, stopping at the first failure.
// The unit, integration and command-line suites run under three time zones (one far
// west with daylight saving, UTC, and UTC+14) so "same vault, same answer" is checked,
// then the browser tests run in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];

function run(title, cmd, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`\n✖ ${title} failed`);
		process.exit(r.status ?? 1);
	}
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('typecheck (benchmarks)', 'npx', ['tsc', '--noEmit', '-p', 'bench/tsconfig.json']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('build', 'node', ['esbuild.config.mjs', 'production']);
zones.forEach((tz, i) => {
	// Property tests run their full 10,000+ cases once; the other zones run a lighter sample.
	const env = { TZ: tz, KINDRED_PROPERTY_RUNS: i === 0 ? '' : '500' };
	run(`unit, integration and CLI tests (TZ=${tz})`, 'npx', ['vitest', 'run'], env);
});
run('browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts']);
console.log('\n✔ all checks passed');
