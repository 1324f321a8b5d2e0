/**
 * The safe rewrite behind `kindred log`: a change made by someone else between our read
 * and our write is never lost (retry once from the new text, then refuse), temporary and
 * lock files never stay behind, and permissions and symlinks survive.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLog } from '../../src/cli/log';
import type { Io } from '../../src/cli/io';
import { safeRewrite, type Compute } from '../../src/cli/write';
import { copyVault, FIXTURES, hashTree, removeDir } from './helpers';

let dir: string;
let file: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-write-'));
	file = path.join(dir, 'note.md');
	fs.writeFileSync(file, 'one\n');
});
afterEach(() => removeDir(dir));

/** Appends a line: the edit under test. */
const append: Compute = (bytes) => ({ ok: true, bytes: Buffer.concat([bytes, Buffer.from('ours\n')]) });

function leftovers(): string[] {
	return fs.readdirSync(dir).filter((f) => f !== 'note.md' && !f.startsWith('target'));
}

describe('safeRewrite', () => {
	it('writes the computed bytes in one attempt when nobody interferes', async () => {
		const r = await safeRewrite(file, append);
		expect(r).toEqual({ ok: true, written: true, attempts: 1 });
		expect(fs.readFileSync(file, 'utf8')).toBe('one\nours\n');
		expect(leftovers()).toEqual([]);
	});

	it('starts again from the new text when the note changed after it was read', async () => {
		const r = await safeRewrite(file, append, {
			beforeCommit: (attempt) => {
				if (attempt === 1) fs.appendFileSync(file, 'theirs\n'); // e.g. Obsidian saved meanwhile
			},
		});
		expect(r).toEqual({ ok: true, written: true, attempts: 2 });
		// Both edits are there: theirs was not overwritten by a write computed from the old text.
		expect(fs.readFileSync(file, 'utf8')).toBe('one\ntheirs\nours\n');
		expect(leftovers()).toEqual([]);
	});

	it('refuses when the note changed again, keeping the other writer’s text', async () => {
		let n = 0;
		const r = await safeRewrite(file, append, {
			label: 'People/Note.md',
			beforeCommit: () => fs.appendFileSync(file, `theirs ${++n}\n`),
		});
		expect(r).toEqual({
			ok: false,
			error: 'People/Note.md: nothing written: the note kept changing while Kindred was writing it; try again',
		});
		expect(fs.readFileSync(file, 'utf8')).toBe('one\ntheirs 1\ntheirs 2\n');
		expect(leftovers()).toEqual([]);
	});

	it('does not write when the computation refuses or changes nothing', async () => {
		const mtime = fs.statSync(file).mtimeMs;
		expect(await safeRewrite(file, () => ({ ok: false, error: 'no' }))).toEqual({ ok: false, error: 'no' });
		expect(await safeRewrite(file, (b) => ({ ok: true, bytes: b }))).toEqual({ ok: true, written: false, attempts: 1 });
		expect(fs.statSync(file).mtimeMs).toBe(mtime);
		expect(leftovers()).toEqual([]);
	});

	it('keeps the file mode', async () => {
		if (process.platform === 'win32') return;
		fs.chmodSync(file, 0o600);
		await safeRewrite(file, append);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
	});

	// Only root can give a file to another user; CI runs as root.
	const asRoot = process.platform !== 'win32' && process.getuid?.() === 0;

	it.skipIf(!asRoot)('keeps the note’s owner and group when root rewrites a user’s note', async () => {
		fs.chownSync(file, 1000, 1000);
		fs.chmodSync(file, 0o640);
		expect((await safeRewrite(file, append)).ok).toBe(true);
		const st = fs.statSync(file);
		expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1000, 1000, 0o640]);
		expect(fs.readFileSync(file, 'utf8')).toBe('one\nours\n');
	});

	it.skipIf(!asRoot)('refuses, writing nothing, when the note belongs to another user it cannot be given back to', async () => {
		fs.chmodSync(dir, 0o777);
		fs.chmodSync(file, 0o666);
		// Kindred run by an ordinary user (uid 65534) on a note root owns.
		process.setegid?.(65534);
		process.seteuid?.(65534);
		let r;
		try {
			r = await safeRewrite(file, append, { label: 'note.md' });
		} finally {
			process.seteuid?.(0);
			process.setegid?.(0);
		}
		expect(r).toEqual({ ok: false, error: 'note.md: nothing written: the note belongs to another user, and rewriting it would make it yours' });
		expect(fs.readFileSync(file, 'utf8')).toBe('one\n');
		expect(fs.statSync(file).uid).toBe(0);
		expect(leftovers()).toEqual([]);
	});

	it('writes through a symlink to its target and keeps the link', async () => {
		if (process.platform === 'win32') return;
		const target = path.join(dir, 'target.md');
		fs.renameSync(file, target);
		fs.symlinkSync(target, file);
		expect((await safeRewrite(file, append)).ok).toBe(true);
		expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
		expect(fs.readFileSync(target, 'utf8')).toBe('one\nours\n');
	});

	it('waits for another kindred process’s lock, then gives up with a message', async () => {
		const lock = path.join(dir, '.note.md.kindred-lock');
		fs.writeFileSync(lock, `${process.pid}\n`); // held by a live process (this one)
		const r = await safeRewrite(file, append, { lockTimeoutMs: 150, label: 'note.md' });
		expect(r).toEqual({ ok: false, error: 'note.md: nothing written: another kindred process is writing it; try again' });
		expect(fs.readFileSync(file, 'utf8')).toBe('one\n');
		expect(fs.existsSync(lock)).toBe(true); // not ours to remove
	});

	it('takes over a lock left by a process that no longer runs', async () => {
		const lock = path.join(dir, '.note.md.kindred-lock');
		fs.writeFileSync(lock, '2147483646\n');
		const r = await safeRewrite(file, append, { lockTimeoutMs: 150 });
		expect(r.ok).toBe(true);
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('takes over a lock that names no process once it is a few seconds old (a process died writing it)', async () => {
		const lock = path.join(dir, '.note.md.kindred-lock');
		fs.writeFileSync(lock, '');
		// Fresh: perhaps being written this instant, so it is waited for.
		expect((await safeRewrite(file, append, { lockTimeoutMs: 100 })).ok).toBe(false);
		const old = new Date(Date.now() - 3_000);
		fs.utimesSync(lock, old, old);
		expect(await safeRewrite(file, append, { lockTimeoutMs: 100 })).toMatchObject({ ok: true, written: true });
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('removes the temporary copy a crashed write left beside the note, and only such', async () => {
		const crashed = path.join(dir, '.note.md.kindred-2147483646-0123abcd.tmp');
		const live = path.join(dir, `.note.md.kindred-${process.pid}-0123abcd.tmp`);
		const other = path.join(dir, '.other.md.kindred-2147483646-0123abcd.tmp');
		for (const f of [crashed, live, other]) fs.writeFileSync(f, 'one\n');
		expect((await safeRewrite(file, append)).ok).toBe(true);
		expect([crashed, live, other].map((f) => fs.existsSync(f))).toEqual([false, true, true]);
		// One it cannot remove (a folder named like one) is left, and the write goes on.
		fs.mkdirSync(crashed);
		expect(await safeRewrite(file, append)).toMatchObject({ ok: true, written: true });
		expect(fs.existsSync(crashed)).toBe(true);
		expect(fs.existsSync(path.join(dir, '.note.md.kindred-lock'))).toBe(false);
	});

	it('writes a note whose name is as long as a name can be (short lock and temporary names)', async () => {
		const long = path.join(dir, `${'Ж'.repeat(125)}.md`); // 253 bytes
		fs.writeFileSync(long, 'one\n');
		expect(await safeRewrite(long, append)).toMatchObject({ ok: true, written: true });
		expect(fs.readFileSync(long, 'utf8')).toBe('one\nours\n');
		expect(fs.readdirSync(dir).sort()).toEqual([path.basename(long), 'note.md'].sort());
	});

	it('reports a missing note in one line', async () => {
		const r = await safeRewrite(path.join(dir, 'gone.md'), append, { label: 'gone.md' });
		expect(r).toEqual({ ok: false, error: 'gone.md: cannot read the note (ENOENT)' });
	});
});

describe('runLog with a concurrent edit between read and write', () => {
	let vault: string;
	const out: string[] = [];
	const io: Io = {
		out: (t) => void out.push(t),
		err: (t) => void out.push(t),
		style: { color: false, columns: null },
		defaultVault: '',
		now: () => new Date(2025, 0, 20, 12),
	};
	beforeEach(() => {
		vault = copyVault(path.join(FIXTURES, 'log-vault'));
		out.length = 0;
	});
	afterEach(() => removeDir(path.dirname(vault)));

	const args = {
		command: 'log' as const,
		person: 'Plain',
		date: '2025-01-15',
		channel: 'call',
		note: 'from the CLI',
		exchange: null,
	};

	it('keeps the other edit and adds ours (retry once)', async () => {
		const note = path.join(vault, 'People/Plain.md');
		const code = await runLog({ ...args, vault }, io, {
			beforeCommit: (attempt) => {
				if (attempt === 1) fs.appendFileSync(note, '- 2025-01-10 (email) typed in Obsidian meanwhile\n');
			},
		});
		expect(code).toBe(0);
		const text = fs.readFileSync(note, 'utf8');
		expect(text).toContain('- 2025-01-10 (email) typed in Obsidian meanwhile\n');
		expect(text).toContain('- 2025-01-15 (call) from the CLI\n');
		expect(text).toContain('last_contact: 2025-01-15\n');
	});

	it('refuses with exit 1 when the note keeps changing, and loses nothing of theirs', async () => {
		const note = path.join(vault, 'People/Plain.md');
		let theirs = '';
		await expect(
			runLog({ ...args, vault }, io, {
				beforeCommit: (attempt) => {
					fs.appendFileSync(note, `- 2025-01-1${attempt} (email) edit ${attempt}\n`);
					theirs = fs.readFileSync(note, 'utf8');
				},
			}),
		).rejects.toThrow('People/Plain.md: nothing written: the note kept changing while Kindred was writing it; try again');
		expect(fs.readFileSync(note, 'utf8')).toBe(theirs);
		expect(Object.keys(hashTree(vault)).some((f) => /kindred-(lock|\d)/.test(f))).toBe(false);
	});
});
