/**
 * Which notes the command line finds: links to notes and folders outside the vault are
 * followed (as Obsidian follows them), each folder read once; a link into the vault is
 * not (its notes would be two people); and a folder that cannot be read is named in a
 * warning instead of its people vanishing without a word.
 * Reading is refused by a stand-in for node:fs (the tests run as root, who reads anything).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadVault } from '../../src/cli/vault';
import { removeDir } from './helpers';

const locked = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
	const real = await importOriginal<typeof import('node:fs')>();
	const readdirSync = ((dir: fs.PathLike, opts?: unknown) => {
		if (locked.has(path.resolve(String(dir)))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(dir)}'`), { code: 'EACCES' });
		return (real.readdirSync as (d: fs.PathLike, o?: unknown) => unknown)(dir, opts);
	}) as typeof real.readdirSync;
	return { ...real, readdirSync, default: { ...real, readdirSync } };
});

const person = (last: string): string => `---\ntrust: 3\nlast_contact: ${last}\n---\n# Someone\n`;

let dirs: string[] = [];
function vault(notes: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-walk-'));
	dirs.push(root);
	for (const [rel, text] of Object.entries(notes)) {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
		fs.writeFileSync(path.join(root, rel), text);
	}
	return root;
}

afterEach(() => {
	locked.clear();
	for (const d of dirs) removeDir(d);
	dirs = [];
});

describe('the notes the command line finds', () => {
	it('follows a link to a note and a link to a folder of notes', () => {
		const outside = vault({ 'Zed.md': person('2026-01-01'), 'Friends/Yara.md': person('2026-02-01') });
		const root = vault({ 'People/Ana.md': person('2026-03-01') });
		fs.symlinkSync(path.join(outside, 'Zed.md'), path.join(root, 'People', 'Zed.md'));
		fs.symlinkSync(path.join(outside, 'Friends'), path.join(root, 'People', 'Friends'));
		const { people, warnings } = loadVault(root);
		expect(people.map((p) => [p.path, p.lastContactField])).toEqual([
			['People/Ana.md', '2026-03-01'],
			['People/Friends/Yara.md', '2026-02-01'],
			['People/Zed.md', '2026-01-01'],
		]);
		expect(warnings).toEqual([]);
	});

	it('does not follow a link into the vault (its notes are read where they are), or one that leads nowhere, and says so', () => {
		const root = vault({ 'People/Ana.md': person('2026-03-01'), 'Climbing/Gus.md': person('2026-04-01') });
		fs.symlinkSync(path.join(root, 'People'), path.join(root, 'People', 'Loop'));
		fs.symlinkSync(root, path.join(root, 'People', 'Top'));
		fs.symlinkSync(path.join(root, 'Climbing'), path.join(root, 'People', 'Climbers'));
		fs.symlinkSync(path.join(root, 'People', 'Ana.md'), path.join(root, 'People', 'Ana again.md'));
		fs.symlinkSync(path.join(root, 'gone.md'), path.join(root, 'People', 'Gone.md'));
		const { people, warnings } = loadVault(root);
		// Gus once (not also as People/Climbers/Gus.md), Ana once.
		expect(people.map((p) => p.path)).toEqual(['People/Ana.md']);
		// In the order the folder lists them, which depends on the file system.
		expect([...warnings].sort()).toEqual([
			'People/Ana again.md is a link into this vault; skipped (what it leads to is read where it is)',
			'People/Climbers/ is a link into this vault; skipped (what it leads to is read where it is)',
			'People/Gone.md is a link that cannot be followed (ENOENT); skipped',
			'People/Loop/ is a link into this vault; skipped (what it leads to is read where it is)',
			'People/Top/ is a link into this vault; skipped (what it leads to is read where it is)',
		]);
	});

	it('reads a folder outside the vault once, however many links lead to it or loop back', () => {
		const outside = vault({ 'A/Zed.md': person('2026-01-01'), 'B/Yara.md': person('2026-02-01') });
		// A and B link to each other twice over: 2^40 paths if each link were followed.
		fs.symlinkSync(path.join(outside, 'B'), path.join(outside, 'A', 'toB'));
		fs.symlinkSync(path.join(outside, 'B'), path.join(outside, 'A', 'toB2'));
		fs.symlinkSync(path.join(outside, 'A'), path.join(outside, 'B', 'toA'));
		const root = vault({ 'People/Ana.md': person('2026-03-01') });
		fs.symlinkSync(path.join(outside, 'A'), path.join(root, 'People', 'Friends'));
		const { people, warnings } = loadVault(root);
		const names = people.map((p) => p.name).sort();
		expect(names).toEqual(['Ana', 'Yara', 'Zed']);
		expect(warnings.length).toBeGreaterThanOrEqual(2);
		expect(warnings.every((w) => w.endsWith('is a link to a folder already read; skipped'))).toBe(true);
	});

	it('reads through a link into the vault what the walk would never reach (a dot folder, a note not named .md)', () => {
		const root = vault({ '.people/Ana.md': person('2026-03-01'), 'notes/ben.txt': person('2026-04-01') });
		fs.symlinkSync(path.join(root, '.people'), path.join(root, 'People'));
		fs.symlinkSync(path.join(root, 'notes', 'ben.txt'), path.join(root, 'People', 'Ben.md'));
		const { people, warnings } = loadVault(root);
		expect(people.map((p) => [p.path, p.lastContactField])).toEqual([
			['People/Ana.md', '2026-03-01'],
			['People/Ben.md', '2026-04-01'],
		]);
		expect(warnings).toEqual([]);
	});

	it('reads a folder outside the vault once when links lead to it and to a folder above it', () => {
		const outside = vault({ 'sub/Zed.md': person('2026-01-01') });
		const root = vault({ 'People/Ana.md': person('2026-03-01') });
		fs.symlinkSync(path.join(outside, 'sub'), path.join(root, 'People', 'a'));
		fs.symlinkSync(outside, path.join(root, 'People', 'b'));
		const { people, warnings } = loadVault(root);
		// Zed once, under whichever link the folder listing gave first.
		expect(people.filter((p) => p.name === 'Zed')).toHaveLength(1);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/^People\/(?:a|b\/sub)\/ (?:is a link to a folder already read|was already read through a link); skipped$/);
	});

	it('names a folder it cannot read, and reads the rest', () => {
		const root = vault({ 'People/Ana.md': person('2026-03-01'), 'People/Work/Chidi.md': person('2026-04-01') });
		locked.add(path.join(root, 'People', 'Work'));
		const { people, warnings } = loadVault(root);
		expect(people.map((p) => p.path)).toEqual(['People/Ana.md']);
		expect(warnings).toEqual(['People/Work/ could not be read (EACCES); the notes in it are skipped']);
	});

	it('refuses a vault folder it cannot read, instead of finding no one in it', () => {
		const root = vault({ 'People/Ana.md': person('2026-03-01') });
		locked.add(root);
		expect(() => loadVault(root)).toThrow(`cannot read the vault ${root} (EACCES)`);
	});
});
