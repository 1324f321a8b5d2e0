/**
 * `kindred due` shows every problem it read, and never drops one silently. Those of
 * `knows` and `introduced_by` too, though it never shows the links themselves: every problem of a listed person is in `--json`, an invalid
 * person's problems fill the table's last column, and anyone else's are told on stderr. So the reader must read the links for
 * `due` too (readPerson's `links` left on); these tests fail if it stops.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueJsonDocument } from '../../src/cli/due-json';
import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { EXAMPLE_VAULT } from './helpers';

const TODAY = '2026-11-23';
const NOT_A_LINK = 'is not a link; write it as "[[Name]]"';

/** The same three people, with their links written well or badly. */
function notes(bad: boolean): Record<string, string> {
	return {
		'People/Overdue.md': bad
			? '---\ncadence: monthly\nlast_contact: 2026-09-01\nknows: Ana Ruiz\nintroduced_by: 42\n---\n'
			: '---\ncadence: monthly\nlast_contact: 2026-09-01\nknows: ["[[Ana Ruiz]]"]\nintroduced_by: "[[Ben]]"\n---\n',
		'People/Broken.md': bad ? '---\ntrust: high\nknows: [Ben]\n---\n' : '---\ntrust: high\nknows: ["[[Ben]]"]\n---\n',
		'People/Soon.md': bad
			? '---\ncadence: weekly\nlast_contact: 2026-11-20\nknows: [[[Ana Ruiz]], Cy]\n---\n'
			: '---\ncadence: weekly\nlast_contact: 2026-11-20\nknows: [[[Ana Ruiz]], "[[Cy]]"]\n---\n',
	};
}

/**
 * Log lines that could not be read (a day that does not exist, a year typed wrong), in a
 * person who is due and one who is up to date and so not listed; and one person with
 * more lines like that than stderr lists.
 */
function typos(): Record<string, string> {
	const many = Array.from({ length: 25 }, (_, i) => `- 2026-02-${30 + (i % 2)} (call) typo ${i + 1}`);
	return {
		'People/Ana Ruiz.md': '---\ncadence: monthly\nlast_contact: 2026-09-01\n---\n## Interactions\n- 2026-09-31 (coffee) Lunch\n- 2026-09-01 (call) Catch-up.\n',
		'People/Ben Ode.md': '---\ncadence: yearly\nlast_contact: 2026-11-01\n---\n## Interactions\n- 2027-11-20 (call) Typed a year ahead\n',
		'People/Zed Many.md': `---\ncadence: yearly\nlast_contact: 2026-11-01\n---\n## Interactions\n${many.join('\n')}\n`,
	};
}

let root: string;
const vaults: Record<'bad' | 'good' | 'typos', string> = { bad: '', good: '', typos: '' };

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-due-problems-'));
	for (const kind of ['bad', 'good', 'typos'] as const) {
		vaults[kind] = path.join(root, kind);
		const files = kind === 'typos' ? typos() : notes(kind === 'bad');
		for (const [file, text] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(vaults[kind], file)), { recursive: true });
			fs.writeFileSync(path.join(vaults[kind], file), text);
		}
	}
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function due(vault: string, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const io: Io = {
		out: (t) => void (stdout += t),
		err: (t) => void (stderr += t),
		// Wide enough that no problem text is cut.
		style: { color: false, columns: 400 },
		defaultVault: EXAMPLE_VAULT,
		now: () => new Date(2026, 10, 23, 12),
	};
	const code = await run(['due', vault, '--today', TODAY, ...flags], io);
	return { code, stdout, stderr };
}

describe('due with bad links', () => {
	it('lists the link problems in --json', async () => {
		const r = await due(vaults.bad, '--json');
		expect(r.code).toBe(0);
		const doc = JSON.parse(r.stdout) as DueJsonDocument;
		const problems = Object.fromEntries(doc.people.map((p) => [p.name, p.problems.map((x) => [x.field, x.value, x.reason])]));
		expect(problems).toEqual({
			Overdue: [
				['knows', 'Ana Ruiz', NOT_A_LINK],
				['introduced_by', '42', 'must be a link like "[[Name]]"'],
			],
			Broken: [
				['trust', 'high', 'must be a whole number from 1 to 5'],
				['knows', 'Ben', NOT_A_LINK],
			],
			Soon: [['knows', 'Cy', NOT_A_LINK]],
		});
	});

	it('shows an invalid person\'s link problem in the table', async () => {
		const r = await due(vaults.bad);
		expect(r.code).toBe(0);
		const broken = r.stdout.split('\n').find((line) => line.startsWith('Broken'));
		expect(broken).toContain(`trust: "high" must be a whole number from 1 to 5; knows: "Ben" ${NOT_A_LINK}`);
	});

	it('tells on stderr the problems that stop no schedule, which the table does not show', async () => {
		for (const flags of [[], ['--json']]) {
			const r = await due(vaults.bad, ...flags);
			expect(r.stderr).toBe(
				[
					`kindred: warning: People/Overdue.md: knows: "Ana Ruiz" ${NOT_A_LINK}`,
					'kindred: warning: People/Overdue.md: introduced_by: "42" must be a link like "[[Name]]"',
					`kindred: warning: People/Soon.md: knows: "Cy" ${NOT_A_LINK}`,
					'',
				].join('\n'),
			);
		}
		// Good links: nothing to tell (Broken's bad trust makes it invalid: it is in the table).
		expect((await due(vaults.good)).stderr).toBe('');
	});

	it('tells of a log line that could not be read, for someone listed or up to date, twenty at most', async () => {
		const r = await due(vaults.typos);
		expect(r.code).toBe(0);
		// Only Ana is due; Ben and Zed are up to date and not in the table.
		expect(r.stdout).toContain('Due to reconnect on 2026-11-23: 1 of 3 people');
		const lines = r.stderr.trimEnd().split('\n');
		expect(lines.slice(0, 3)).toEqual([
			'kindred: warning: People/Ana Ruiz.md: log: "- 2026-09-31 (coffee) Lunch": "2026-09-31" is not a real date, so this line is not read as a touchpoint',
			'kindred: warning: People/Ben Ode.md: log: "2027-11-20" is dated after today (2026-11-23)',
			'kindred: warning: People/Zed Many.md: log: "- 2026-02-30 (call) typo 1": "2026-02-30" is not a real date, so this line is not read as a touchpoint',
		]);
		// 27 problems: twenty told, the other seven counted.
		expect(lines).toHaveLength(21);
		expect(lines[20]).toBe('kindred: warning: and 7 more problems: `kindred due --all --json` lists every one');
	});

	it('places everyone as with good links: only the problems differ', async () => {
		for (const flags of [['--json'], ['--all', '--json']]) {
			const strip = (out: string): unknown =>
				(JSON.parse(out) as DueJsonDocument).people.map((p) => ({ ...p, problems: p.problems.filter((x) => x.field !== 'knows' && x.field !== 'introduced_by') }));
			const bad = await due(vaults.bad, ...flags);
			const good = await due(vaults.good, ...flags);
			expect(strip(bad.stdout)).toEqual(strip(good.stdout));
			expect((JSON.parse(good.stdout) as DueJsonDocument).people.flatMap((p) => p.problems.map((x) => x.field))).toEqual(['trust']);
		}
	});
});
