/** run(): dispatch and the exit-code mapping, in-process with a captured Io and a fixed clock. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { EXAMPLE_VAULT, FIXTURES } from './helpers';

function capture(overrides: Partial<Io> = {}): Io & { stdout: string; stderr: string } {
	const io = {
		stdout: '',
		stderr: '',
		out(t: string) {
			io.stdout += t;
		},
		err(t: string) {
			io.stderr += t;
		},
		style: { color: false, columns: null },
		defaultVault: EXAMPLE_VAULT,
		now: () => new Date(2026, 10, 23, 9, 30),
		...overrides,
	};
	return io;
}

describe('run', () => {
	it('uses the injected clock and default vault', async () => {
		const io = capture();
		expect(await run(['due', '--json'], io)).toBe(0);
		const doc = JSON.parse(io.stdout) as { today: string; people: { name: string }[] };
		expect(doc.today).toBe('2026-11-23');
		expect(doc.people[0].name).toBe('Sofia Marsh');
	});

	it('maps usage errors to 2 and user errors to 1', async () => {
		const usage = capture();
		expect(await run(['due', '--nope'], usage)).toBe(2);
		expect(usage.stderr).toBe("kindred: unknown option '--nope' for 'due' (see 'kindred due --help')\n");
		const user = capture();
		expect(await run(['log', path.join(FIXTURES, 'log-vault'), 'Nobody'], user)).toBe(1);
		expect(user.stderr).toBe('kindred: no person called "Nobody"; nothing written\n');
	});

	it('turns an unexpected failure into one "internal error" line and exit 1', async () => {
		const io = capture({
			out: () => {
				throw new Error('disk on fire\n    at somewhere (file.js:1:1)');
			},
		});
		expect(await run(['due'], io)).toBe(1);
		expect(io.stderr).toBe('kindred: internal error: disk on fire at somewhere (file.js:1:1)\n');
	});
});
