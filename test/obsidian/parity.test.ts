// @vitest-environment happy-dom
/**
 * The pane and `kindred due` agree: the example vault, loaded into the Obsidian double
 * (metadata cache and all) and indexed by the plugin's real index, gives the same people,
 * in the same order, with the same statuses and dates as the command line's own disk
 * reader, for the same day, in every time zone the suite runs in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDueJson } from '../../src/cli/due-json';
import { loadVault, readSettings } from '../../src/cli/vault';
import { dueList } from '../../src/core/schedule';
import { readTemplatesFolder } from '../../src/obsidian/templates-folder';
import { freezeToday, makeVault, startIndex } from './harness';

// Tests run from the repository root.
const ROOT = 'example-vault';
const TODAY = '2026-11-23';

/** Every file under `dir`, vault-relative with `/`. */
function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const abs = join(dir, e.name);
		return e.isDirectory() ? walk(abs) : [relative(ROOT, abs).split(sep).join('/')];
	});
}

/** The example vault in the double: notes in the vault, the config folder on the adapter only (as in Obsidian). */
async function loadExampleVault() {
	const files = walk(ROOT);
	const notes = Object.fromEntries(
		files.filter((f) => f.endsWith('.md') && !f.startsWith('.')).map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]),
	);
	const vault = makeVault(notes);
	const config = `${vault.app.vault.configDir}/`;
	for (const f of files.filter((f) => f.startsWith(config) && f.endsWith('.json'))) {
		await vault.app.vault.adapter.write(f, readFileSync(join(ROOT, f), 'utf8'));
	}
	return vault;
}

/** What the parity is about, per person. */
function essentials(list: ReturnType<typeof toDueJson>[]) {
	return list.map((p) => ({
		path: p.path,
		status: p.status,
		lastContact: p.lastContact,
		due: p.due,
		daysOverdue: p.daysOverdue,
		cadenceDays: p.cadenceDays,
		trust: p.trust,
		lastNote: p.lastNote,
		problemFields: p.problems.map((x) => x.field),
	}));
}

beforeEach(() => freezeToday(TODAY));
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('parity with kindred due on the example vault', () => {
	it.each([false, true])('lists the same people the same way (all: %s)', async (all) => {
		const { settings } = readSettings(ROOT);
		const cli = loadVault(ROOT);
		const expected = dueList(cli.people, TODAY, cli.settings, { all }).map(toDueJson);

		const vault = await loadExampleVault();
		const templates = await readTemplatesFolder(vault.app.vault.adapter, vault.app.vault.configDir);
		expect(templates).toBe(cli.templatesFolder);
		const index = await startIndex(vault, settings, templates);
		const actual = index.dueList(TODAY, all).map(toDueJson);

		expect(expected.length).toBeGreaterThan(3);
		expect(essentials(actual)).toEqual(essentials(expected));
		expect(actual).toEqual(expected);
	});
});
