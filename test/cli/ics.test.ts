/**
 * `kindred ics` reads people one note at a time (readPeople) and keeps only their events:
 * its output must be the calendar of the whole vault read at once, byte for byte, with
 * the same warnings, on stdout and with -o.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { loadVault } from '../../src/cli/vault';
import { buildCalendar } from '../../src/core/ics';
import { EXAMPLE_VAULT, FIXTURES } from './helpers';

const VAULTS = ['due-vault', 'settings-vault', 'log-vault'].map((v) => path.join(FIXTURES, v)).concat(EXAMPLE_VAULT);
const TODAYS = ['2026-01-31', '2026-11-23', '2027-06-15'];

async function ics(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const io: Io = {
		out: (t) => void (stdout += t),
		err: (t) => void (stderr += t),
		style: { color: false, columns: null },
		defaultVault: EXAMPLE_VAULT,
		now: () => new Date(2026, 10, 23, 12),
	};
	const code = await run(['ics', ...args], io);
	return { code, stdout, stderr };
}

describe('kindred ics', () => {
	it.each(VAULTS.flatMap((v) => TODAYS.map((today) => [path.basename(v), v, today])))('%s on %s: the whole vault\'s calendar', async (_name, vault, today) => {
		const whole = loadVault(vault);
		const r = await ics([vault, '--today', today]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(buildCalendar(whole.people, today, whole.settings));
		expect(r.stderr).toBe(whole.warnings.map((w) => `kindred: warning: ${w}\n`).join(''));
	});

	it("prints the calendar with -o - and writes no file named '-'", async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-ics-'));
		const cwd = process.cwd();
		try {
			process.chdir(dir);
			const vault = path.join(FIXTURES, 'due-vault');
			const r = await ics([vault, '--today', '2026-11-23', '-o', '-']);
			const whole = loadVault(vault);
			expect([r.code, r.stdout]).toEqual([0, buildCalendar(whole.people, '2026-11-23', whole.settings)]);
			expect(fs.readdirSync(dir)).toEqual([]);
		} finally {
			process.chdir(cwd);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('writes the same calendar with -o', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-ics-'));
		try {
			const file = path.join(dir, 'reconnect.ics');
			const vault = path.join(FIXTURES, 'due-vault');
			const r = await ics([vault, '--today', '2026-11-23', '-o', file]);
			expect([r.code, r.stdout, r.stderr]).toEqual([0, `Wrote the reconnect calendar to ${file}\n`, '']);
			const whole = loadVault(vault);
			expect(fs.readFileSync(file, 'utf8')).toBe(buildCalendar(whole.people, '2026-11-23', whole.settings));
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('writes over a calendar, and refuses a note or a file that holds something else, leaving it as it was', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-ics-'));
		try {
			const vault = path.join(FIXTURES, 'due-vault');
			const put = (name: string, text: string): string => {
				fs.writeFileSync(path.join(dir, name), text);
				return path.join(dir, name);
			};
			const old = put('old.ics', '\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
			const empty = put('empty.ics', '');
			expect((await ics([vault, '--today', '2026-11-23', '-o', old])).code).toBe(0);
			expect(fs.readFileSync(old, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[^]*SUMMARY/);
			expect((await ics([vault, '--today', '2026-11-23', '-o', empty])).code).toBe(0);

			const note = put('Ana.md', '---\ntrust: 4\n---\n# Ana\n');
			const other = put('todo.txt', 'buy milk\n');
			const refused = [
				[note, `kindred: ${note} is a note, not a calendar file; nothing written (use a path ending in .ics)\n`],
				[other, `kindred: ${other} is not a calendar file; nothing written (it would be replaced)\n`],
			];
			for (const [file, message] of refused) {
				const before = fs.readFileSync(file, 'utf8');
				const r = await ics([vault, '--today', '2026-11-23', '-o', file]);
				expect([r.code, r.stdout, r.stderr]).toEqual([1, '', message]);
				expect(fs.readFileSync(file, 'utf8')).toBe(before);
			}
			// A new note is not made either.
			expect((await ics([vault, '--today', '2026-11-23', '-o', path.join(dir, 'New.MD')])).code).toBe(1);
			expect(fs.existsSync(path.join(dir, 'New.MD'))).toBe(false);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
