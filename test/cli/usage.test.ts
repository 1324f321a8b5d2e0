/**
 * Exit codes and messages of the built CLI: help everywhere, 2 for bad usage, 1 for a
 * user error, always one line on stderr and never a stack trace; review and ics run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, runCli } from './helpers';

const VAULT = path.join(FIXTURES, 'due-vault');
let cli: string;

beforeAll(async () => {
	cli = await buildCli('usage');
});
afterAll(() => fs.rmSync(cli, { force: true }));

function oneLineError(stderr: string): void {
	expect(stderr.endsWith('\n')).toBe(true);
	expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(stderr).toMatch(/^kindred: /);
	expect(stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('help', () => {
	it.each([[[]], [['--help']], [['-h']], [['help']]])('kindred %j prints the overview', (args) => {
		const r = runCli(cli, args);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		for (const c of ['due', 'log', 'review', 'ics']) expect(r.stdout).toContain(`kindred ${c}`);
	});

	it.each([['--version'], ['-V']])('kindred %s prints the version from manifest.json', (flag) => {
		const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../manifest.json'), 'utf8')) as { version: string };
		const r = runCli(cli, [flag]);
		expect([r.status, r.stdout, r.stderr]).toEqual([0, `kindred ${manifest.version}\n`, '']);
	});

	it.each(['due', 'log', 'review', 'ics'])('kindred %s: -h, and help COMMAND', (command) => {
		for (const args of [[command, '-h'], ['help', command]]) {
			const r = runCli(cli, args);
			expect(r.status, args.join(' ')).toBe(0);
			expect(r.stdout).toMatch(new RegExp(`^Usage: kindred ${command} `));
		}
	});
});

describe('exit 2 on bad usage, with one line and a hint', () => {
	it.each([
		[['frobnicate'], /unknown command 'frobnicate' \(see 'kindred --help'\)/],
		[['--verbose'], /expected a command before '--verbose'/],
		[['due', '--frob'], /unknown option '--frob' for 'due' \(see 'kindred due --help'\)/],
		[['due', '-x'], /unknown option '-x' for 'due'/],
		[['due', '--today'], /option '--today' needs a value/],
		[['due', '--json=yes'], /option '--json' does not take a value/],
		[['due', 'a', 'b'], /unexpected argument 'b'/],
		[['log'], /missing VAULT and PERSON \(see 'kindred log --help'\)/],
		[['log', VAULT], /missing PERSON/],
		[['log', VAULT, 'Weeks', '--gave', '--received'], /--gave or --received, not both/],
		[['log', VAULT, 'Weeks', '--note'], /option '--note' needs a value/],
		[['ics', '-o'], /option '-o' needs a value/],
		[['help', 'nope'], /unknown command 'nope'/],
	])('kindred %j', (args, message) => {
		const r = runCli(cli, args);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		oneLineError(r.stderr);
		expect(r.stderr).toMatch(message);
	});
});

describe('exit 1 on a user error', () => {
	it.each([
		[['due', '/no/such/vault'], /no vault at \/no\/such\/vault/],
		[['due', path.join(VAULT, 'People/Weeks.md')], /not a folder/],
		[['due', VAULT, '--today', '2026-02-30'], /--today 2026-02-30 is not a real date/],
		[['due', VAULT, '--today', 'tomorrow'], /--today "tomorrow" is not a date \(expected yyyy-MM-dd\)/],
		[['review', VAULT, '--today', '23/11/2026'], /is not a date/],
		[['ics', VAULT, '--today', '2026-13-01'], /is not a real date/],
		[['log', '/no/such/vault', 'Ana'], /no vault at/],
	])('kindred %j', (args, message) => {
		const r = runCli(cli, args);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		oneLineError(r.stderr);
		expect(r.stderr).toMatch(message);
	});
});

describe('review and ics', () => {
	it('review prints the network review, and JSON with --json', () => {
		const text = runCli(cli, ['review', VAULT, '--today', '2026-11-23']);
		expect(text.status).toBe(0);
		expect(text.stdout).toMatch(/^Network review, 2026-11-23\n/);
		const json = runCli(cli, ['review', VAULT, '--today', '2026-11-23', '--json']);
		expect(json.status).toBe(0);
		expect((JSON.parse(json.stdout) as { today: string }).today).toBe('2026-11-23');
	});

	it('review counts no one for a knows link to a note that is not a person', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-reach-'));
		try {
			fs.mkdirSync(path.join(dir, 'People'));
			fs.mkdirSync(path.join(dir, 'Orgs'));
			fs.writeFileSync(path.join(dir, 'Orgs', 'Acme Corp.md'), '# Acme\n');
			fs.writeFileSync(path.join(dir, 'People', 'Ana.md'), '---\ntrust: 4\nknows: ["[[Acme Corp]]", "[[Ghost Person]]"]\n---\n');
			const json = runCli(cli, ['review', dir, '--today', '2026-11-23', '--json']);
			expect((JSON.parse(json.stdout) as { reach: unknown }).reach).toEqual({ direct: 1, secondDegree: 1 });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('review of a vault with no people says so, as due does', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-empty-'));
		try {
			const text = runCli(cli, ['review', dir, '--today', '2026-11-23']);
			expect([text.status, text.stdout]).toEqual([0, `No people found in ${dir}.\n`]);
			expect(runCli(cli, ['due', dir]).stdout).toBe(text.stdout);
			const json = runCli(cli, ['review', dir, '--today', '2026-11-23', '--json']);
			expect((JSON.parse(json.stdout) as { reach: { direct: number } }).reach.direct).toBe(0);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('ics prints a calendar, or writes it with -o', () => {
		const out = runCli(cli, ['ics', VAULT, '--today', '2026-11-23']);
		expect(out.status).toBe(0);
		expect(out.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-ics-'));
		try {
			const file = path.join(dir, 'reconnect.ics');
			const r = runCli(cli, ['ics', VAULT, '--today', '2026-11-23', '-o', file]);
			expect(r.status).toBe(0);
			expect(fs.readFileSync(file, 'utf8')).toBe(out.stdout);
			const bad = runCli(cli, ['ics', VAULT, '--today', '2026-11-23', '-o', path.join(dir, 'missing', 'x.ics')]);
			expect(bad.status).toBe(1);
			oneLineError(bad.stderr);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
