/**
 * `kindred log` end to end on copies of a fixture vault: each write changes only the
 * last_contact value and adds the entry (byte-compared with reviewed expected notes),
 * and each refusal exits 1 with one line and leaves every byte of the vault as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCli, copyVault, FIXTURES, hashTree, removeDir, runCli, type RunOptions } from './helpers';

const SOURCE = path.join(FIXTURES, 'log-vault');
const EXPECTED = path.join(FIXTURES, 'log-expected');
let cli: string;
let vault: string;

beforeAll(async () => {
	cli = await buildCli('log');
});
afterAll(() => fs.rmSync(cli, { force: true }));
beforeEach(() => {
	vault = copyVault(SOURCE);
});
afterEach(() => removeDir(path.dirname(vault)));

function log(args: string[], opts?: RunOptions): ReturnType<typeof runCli> {
	return runCli(cli, ['log', vault, ...args], opts);
}

function read(file: string): Buffer {
	return fs.readFileSync(path.join(vault, file));
}

/** The local date in a time zone, as the CLI computes "today" there. */
function todayIn(timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe('writes one entry and moves last_contact forward, nothing else', () => {
	const D = ['--date', '2025-01-15'];
	it.each([
		['People/Plain.md', ['Plain', ...D, '--channel', 'call', '--note', 'Caught up'], 'Logged 2025-01-15 (call) with Plain in People/Plain.md'],
		['People/CRLF.md', ['People/CRLF.md', ...D, '--channel', 'video', '--note', 'crlf', '--received'], 'Logged 2025-01-15 (video, received) with CRLF in People/CRLF.md'],
		['People/BOM.md', ['BOM', ...D, '--note', 'bom'], 'Logged 2025-01-15 with BOM in People/BOM.md'],
		['People/Comments.md', ['comments', ...D, '--channel', 'coffee', '--gave', '--note', 'Gave feedback'], 'Logged 2025-01-15 (coffee, gave) with Comments in People/Comments.md'],
		['People/Fenced.md', ['Fenced', ...D, '--channel', 'call', '--note', 'fenced'], 'Logged 2025-01-15 (call) with Fenced in People/Fenced.md'],
		['People/No Frontmatter.md', ['No Frontmatter', ...D, '--channel', 'call', '--note', 'first'], 'Logged 2025-01-15 (call) with No Frontmatter in People/No Frontmatter.md'],
		['People/No Newline.md', ['No Newline', ...D, '--channel', 'call', '--note', 'nl'], 'Logged 2025-01-15 (call) with No Newline in People/No Newline.md'],
		['People/Unicode Zoë 🌿.md', ['unicode zoë 🌿', ...D, '--channel', 'meal', '--note', 'Déjà vu 🌿'], 'Logged 2025-01-15 (meal) with Unicode Zoë 🌿 in People/Unicode Zoë 🌿.md'],
		['People/Newer Field.md', ['Newer Field', ...D, '--channel', 'call', '--note', 'back-dated'], 'Logged 2025-01-15 (call) with Newer Field in People/Newer Field.md'],
		['People/Aliased.md', ['ally', ...D], 'Logged 2025-01-15 with Aliased in People/Aliased.md'],
	])('%s', (file, args, message) => {
		const before = hashTree(vault);
		const r = log(args);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`${message}\n`);
		expect(read(file).equals(fs.readFileSync(path.join(EXPECTED, file)))).toBe(true);
		// Every other file is untouched, and no temporary or lock file is left behind.
		const after = hashTree(vault);
		expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
		for (const f of Object.keys(before)) if (f !== file) expect(after[f], f).toBe(before[f]);
	});

	it('keeps CRLF, the BOM and the missing final newline (guarding the expected files too)', () => {
		expect(fs.readFileSync(path.join(EXPECTED, 'People/CRLF.md'), 'latin1').split('\n').every((l, i, a) => i === a.length - 1 || l.endsWith('\r'))).toBe(true);
		expect([...fs.readFileSync(path.join(EXPECTED, 'People/BOM.md')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(fs.readFileSync(path.join(EXPECTED, 'People/No Newline.md'), 'utf8').endsWith('\n')).toBe(false);
	});

	it('moves last_contact forward so the person leaves the due list', () => {
		expect(log(['Plain', '--date', '2025-01-20']).status).toBe(0);
		const r = runCli(cli, ['due', vault, '--today', '2025-01-21', '--all', '--json']);
		const plain = (JSON.parse(r.stdout) as { people: { path: string; lastContact: string; status: string }[] }).people.find(
			(p) => p.path === 'People/Plain.md',
		);
		expect(plain).toMatchObject({ lastContact: '2025-01-20', status: 'ok' });
	});
});

describe('finds the person by path, name, alias or link', () => {
	it.each([
		['People/Plain.md', false],
		['People/Plain', false],
		['plain', false],
		['[[Plain]]', false],
		['./People/Plain.md', true],
		['People\\Plain.md', false],
		['absolute', false],
	])('%j (run from inside the vault: %s)', (query, fromVault) => {
		const person = query === 'absolute' ? path.join(vault, 'People/Plain.md') : query;
		const r = log([person, '--date', '2025-01-15'], fromVault ? { cwd: vault } : {});
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe('Logged 2025-01-15 with Plain in People/Plain.md\n');
	});
});

describe('finds a note by its path from inside a vault reached through a symlink', () => {
	it('as typed from the note\'s folder (the current folder is the physical path)', () => {
		const link = `${vault}-link`;
		fs.symlinkSync(vault, link);
		try {
			const r = runCli(cli, ['log', link, 'Plain.md', '--date', '2025-01-15'], { cwd: path.join(vault, 'People') });
			expect(r.stderr).toBe('');
			expect(r.stdout).toBe('Logged 2025-01-15 with Plain in People/Plain.md\n');
		} finally {
			fs.rmSync(link, { force: true });
		}
	});
});

describe('refuses with exit 1, one line naming the note and why, and writes nothing', () => {
	const pwned = path.join(os.tmpdir(), `kindred-log-pwned-${process.pid}`);
	it.each([
		[['Broken', '--date', '2025-01-15'], /^kindred: People\/Broken\.md: cannot log: the frontmatter is not valid YAML \(line 3/],
		[['Duplicate Key', '--date', '2025-01-15'], /^kindred: People\/Duplicate Key\.md: cannot log: .*last_contact.*twice/],
		[['List Contact', '--date', '2025-01-15'], /^kindred: People\/List Contact\.md: cannot log: /],
		[['Latin1', '--date', '2025-01-15'], /^kindred: People\/Latin1\.md: cannot log: the note is not valid UTF-8 text/],
		[['JS', '--date', '2025-01-15'], /^kindred: People\/JS\.md: cannot log: /],
		[['Sam Lee', '--date', '2025-01-15'], /"Sam Lee" matches more than one person: People\/Family\/Sam Lee\.md, People\/Work\/Sam Lee\.md/],
		[['Nobody', '--date', '2025-01-15'], /no person called "Nobody"/],
		[['Plain', '--date', '2025-02-30'], /--date 2025-02-30 is not a real date/],
		[['Plain', '--date', '2025-1-5'], /--date "2025-1-5" is not a date/],
		[['Plain', '--date', 'yesterday'], /--date "yesterday" is not a date \(expected yyyy-MM-dd\)/],
		[['Plain', '--date', '2999-01-01'], /^kindred: People\/Plain\.md: cannot log: 2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\)$/m],
		[['Plain', '--channel', 'call (late)'], /--channel "call \(late\)" cannot contain parentheses/],
	])('%j', (args, message) => {
		fs.rmSync(pwned, { force: true });
		const before = hashTree(vault);
		const r = log(args, { env: { KINDRED_PWNED_FILE: pwned } });
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(hashTree(vault)).toEqual(before);
		expect(fs.existsSync(pwned)).toBe(false);
	});

	it('refuses a read-only note', () => {
		const file = path.join(vault, 'People/Plain.md');
		fs.chmodSync(file, 0o444);
		const before = hashTree(vault);
		const r = log(['Plain', '--date', '2025-01-15']);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^kindred: People\/Plain\.md: nothing written: the note is read-only\n$/);
		expect(hashTree(vault)).toEqual(before);
	});
});

describe('dates and settings', () => {
	it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('--date defaults to the local date (TZ=%s)', (tz) => {
		const r = log(['Plain', '--channel', 'call'], { env: { TZ: tz } });
		const today = todayIn(tz);
		// Midnight may pass between the two clocks; accept the day after too.
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^Logged (\d{4}-\d{2}-\d{2}) \(call\) with Plain/);
		const logged = /^Logged (\S+)/.exec(r.stdout)?.[1] ?? '';
		expect(logged >= today).toBe(true);
		expect(read('People/Plain.md').toString('utf8')).toContain(`\n- ${logged} (call)\n`);
		expect(read('People/Plain.md').toString('utf8')).toContain(`last_contact: ${logged}\n`);
	});

	it('a date that is today in Kiritimati is in the future in Los Angeles', () => {
		const kiritimati = todayIn('Pacific/Kiritimati');
		const la = todayIn('America/Los_Angeles');
		const r = log(['Plain', '--date', kiritimati], { env: { TZ: 'America/Los_Angeles' } });
		if (kiritimati > la) {
			expect(r.status).toBe(1);
			expect(r.stderr).toMatch(/^kindred: People\/Plain\.md: cannot log: \S+ is after today/);
		} else expect(r.status).toBe(0);
	});

	it('refuses to write when the plugin settings file cannot be read (its key names and heading are unknown)', () => {
		fs.mkdirSync(path.join(vault, '.obsidian/plugins/kindred'), { recursive: true });
		// A trailing comma: the vault logs under "## Log" and "seen", which the defaults would not find.
		fs.writeFileSync(path.join(vault, '.obsidian/plugins/kindred/data.json'), '{ "logHeading": "## Log", "keys": { "lastContact": "seen" }, }');
		const before = hashTree(vault);
		const r = log(['Plain', '--date', '2025-01-15']);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^kindred: \.obsidian\/plugins\/kindred\/data\.json is not valid JSON \(.*\), so the key names and log heading to write are not known; nothing written\n$/);
		expect(hashTree(vault)).toEqual(before);
	});

	it('writes [[date]] links when the plugin settings say so', () => {
		fs.mkdirSync(path.join(vault, '.obsidian/plugins/kindred'), { recursive: true });
		fs.writeFileSync(path.join(vault, '.obsidian/plugins/kindred/data.json'), JSON.stringify({ schemaVersion: 1, linkDates: true }));
		expect(log(['Plain', '--date', '2025-01-15', '--note', 'linked']).status).toBe(0);
		expect(read('People/Plain.md').toString('utf8')).toContain('## Interactions\n- [[2025-01-15]] linked\n- 2024-12-01');
	});

	it('keeps the note file mode', () => {
		const file = path.join(vault, 'People/Plain.md');
		fs.chmodSync(file, 0o640);
		expect(log(['Plain', '--date', '2025-01-15']).status).toBe(0);
		if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o640);
	});

	it('joins a multi-line note into one log line', () => {
		expect(log(['Plain', '--date', '2025-01-15', '--note', 'first line\nsecond line']).status).toBe(0);
		expect(read('People/Plain.md').toString('utf8')).toContain('\n- 2025-01-15 first line second line\n');
	});
});
