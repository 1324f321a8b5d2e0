/**
 * The CLI reads the plugin's own data.json so both agree: custom key names, folders, tag,
 * heading and defaults are honoured; a broken data.json or templates.json falls back to
 * the defaults with a one-line warning on stderr that names the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DueJsonDocument } from '../../src/cli/due-json';
import { buildCli, copyVault, FIXTURES, removeDir, runCli } from './helpers';

const VAULT = path.join(FIXTURES, 'settings-vault');
let cli: string;
const temps: string[] = [];

beforeAll(async () => {
	cli = await buildCli('settings');
});
afterAll(() => fs.rmSync(cli, { force: true }));
afterEach(() => {
	for (const t of temps.splice(0)) removeDir(path.dirname(t));
});

function copy(source: string): string {
	const v = copyVault(source);
	temps.push(v);
	return v;
}

function due(vault: string): { doc: DueJsonDocument; stderr: string } {
	const r = runCli(cli, ['due', vault, '--today', '2026-11-23', '--all', '--json']);
	expect(r.status).toBe(0);
	return { doc: JSON.parse(r.stdout) as DueJsonDocument, stderr: r.stderr };
}

describe('settings from data.json', () => {
	it('uses custom folders, tag, key names, heading, defaults and soon window', () => {
		const { doc, stderr } = due(VAULT);
		const rows = doc.people.map((p) => [p.path, p.status, p.lastContact, p.due, p.daysOverdue, p.cadence]);
		expect(rows).toEqual([
			['Contacts/Rae Kim.md', 'overdue', '2026-11-12', '2026-11-22', 1, 'every 10 days'],
			['Notes/Ola.md', 'never', null, null, null, 'weekly'],
			// due in 4 days is outside the 3-day soon window
			['Contacts/Tove Lund.md', 'ok', '2026-11-20', '2026-11-27', -4, 'weekly'],
		]);
		expect(stderr).toBe(
			'kindred: warning: .obsidian/plugins/kindred/data.json: Setting "innerCircleTarget" must be a whole number from 1 to 1000; using the default.\n',
		);
	});

	it('logs with the custom key and heading', () => {
		const vault = copy(VAULT);
		const r = runCli(cli, ['log', vault, 'Rae Kim', '--date', '2026-11-15', '--channel', 'call']);
		expect(r.status).toBe(0);
		const text = fs.readFileSync(path.join(vault, 'Contacts/Rae Kim.md'), 'utf8');
		expect(text).toContain('prm-last-contacted: 2026-11-15\n');
		expect(text).toContain('### Log\n- 2026-11-15 (call)\n- 2026-11-12');
		expect(text).not.toContain('last_contact');
	});

	it.each([
		['{ not json', /is not valid JSON/],
		['', /is not valid JSON/],
	])('unreadable data.json %j: defaults and one warning naming the file', (content, reason) => {
		const vault = copy(VAULT);
		fs.writeFileSync(path.join(vault, '.obsidian/plugins/kindred/data.json'), content);
		const { doc, stderr } = due(vault);
		const lines = stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^kindred: warning: \.obsidian\/plugins\/kindred\/data\.json /);
		expect(lines[0]).toMatch(reason);
		expect(lines[0]).toMatch(/using the default settings$/);
		// Defaults: People/ is the people folder again, Contacts/ is not, the marker counts.
		expect(doc.people.map((p) => p.path).sort()).toEqual(['Notes/Ola.md', 'People/Not Here.md']);
	});

	it('a data.json that is a folder (unreadable) also falls back with a warning', () => {
		const vault = copy(VAULT);
		const file = path.join(vault, '.obsidian/plugins/kindred/data.json');
		fs.rmSync(file);
		fs.mkdirSync(file);
		const { stderr } = due(vault);
		expect(stderr).toMatch(/^kindred: warning: \.obsidian\/plugins\/kindred\/data\.json could not be read \(EISDIR\); using the default settings\n$/);
	});

	it('a broken templates.json is reported and templates are then not excluded', () => {
		const vault = copy(path.join(FIXTURES, 'due-vault'));
		fs.writeFileSync(path.join(vault, '.obsidian/templates.json'), '{');
		const { doc, stderr } = due(vault);
		expect(stderr).toMatch(/^kindred: warning: \.obsidian\/templates\.json is not valid JSON .*its templates folder is not excluded\n$/);
		expect(doc.people.some((p) => p.path === 'Templates/Person.md')).toBe(true);
	});

	it("takes Templater's templates folder when the core plugin names none, as the plugin does", () => {
		const vault = copy(path.join(FIXTURES, 'due-vault'));
		fs.rmSync(path.join(vault, '.obsidian/templates.json'));
		expect(due(vault).doc.people.some((p) => p.path === 'Templates/Person.md')).toBe(true);
		fs.mkdirSync(path.join(vault, '.obsidian/plugins/templater-obsidian'), { recursive: true });
		fs.writeFileSync(path.join(vault, '.obsidian/plugins/templater-obsidian/data.json'), JSON.stringify({ templates_folder: '/Templates/' }));
		const { doc, stderr } = due(vault);
		expect(stderr).toBe('');
		expect(doc.people.some((p) => p.path === 'Templates/Person.md')).toBe(false);
	});
});
