/**
 * Which notes the command line finds: links to notes and folders are followed (as
 * Obsidian follows them), a link back into a folder it sits in is not, and a folder that
 * cannot be read is named in a warning instead of its people vanishing without a word.
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

	it('does not follow a link back to a folder it is in, or one that leads nowhere, and says so', () => {
		const root = vault({ 'People/Ana.md': person('2026-03-01') });
		fs.symlinkSync(path.join(root, 'People'), path.join(root, 'People', 'Loop'));
		fs.symlinkSync(root, path.join(root, 'People', 'Top'));
		fs.symlinkSync(path.join(root, 'gone.md'), path.join(root, 'People', 'Gone.md'));
		const { people, warnings } = loadVault(root);
		expect(people.map((p) => p.path)).toEqual(['People/Ana.md']);
		// In the order the folder lists them, which depends on the file system.
		expect([...warnings].sort()).toEqual([
			'People/Gone.md is a link that cannot be followed (ENOENT); skipped',
			'People/Loop/ links back to a folder it is in; skipped',
			'People/Top/ links back to a folder it is in; skipped',
		]);
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
