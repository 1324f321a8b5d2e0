// @vitest-environment happy-dom
/**
 * The writer: one Vault.process per edit, a queue per file so concurrent edits all land,
 * and a refused edit that leaves the note byte-identical and says why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../src/core/types';
import { MarkdownView, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { NoteWriter, saveOpenEditors } from '../../src/obsidian/writer';
import { captureNotices, freezeToday, makeVault, settingsWith } from './harness';

const ana = `---
trust: 4 # inner circle
last_contact: 2026-10-01
---
# Ana

## Interactions
- 2026-10-01 (call) Lisbon.
`;

function entry(text: string, date = '2026-11-23'): LogEntry {
	return { date, linked: false, channel: 'call', exchange: null, text };
}

function writerFor(vault: ReturnType<typeof makeVault>, settings = settingsWith()): NoteWriter {
	return new NoteWriter({ vault: vault.obsidian.vault, getSettings: () => settings, now: () => new Date() });
}

beforeEach(() => freezeToday('2026-11-23'));
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('NoteWriter', () => {
	it('logs a touchpoint: the line under the heading and last_contact moved, in one process call', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const process = vi.spyOn(vault.app.vault, 'process');
		const result = await writerFor(vault).logTouchpoint(vault.file('People/Ana.md'), entry('Coffee plans.'));
		expect(result).toEqual({ ok: true, changed: true });
		expect(process).toHaveBeenCalledTimes(1);
		expect(await vault.read('People/Ana.md')).toBe(
			ana.replace('last_contact: 2026-10-01', 'last_contact: 2026-11-23').replace(
				'## Interactions\n',
				'## Interactions\n- 2026-11-23 (call) Coffee plans.\n',
			),
		);
	});

	it.each([2, 20])('lands all of %i concurrent logs to one note', async (n) => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const writer = writerFor(vault);
		const file = vault.file('People/Ana.md');
		const dates = Array.from({ length: n }, (_, i) => `2026-11-2${i % 4}`);
		const results = await Promise.all(dates.map((date, i) => writer.logTouchpoint(file, entry(`Entry ${i}.`, date))));
		expect(results.every((r) => r.ok)).toBe(true);
		const text = await vault.read('People/Ana.md');
		for (let i = 0; i < n; i++) expect(text).toContain(`(call) Entry ${i}.`);
		expect(text).toContain(`last_contact: ${[...dates].sort().pop()}`);
	});

	it('needs its queue: the double, like a slow disk, loses concurrent unqueued edits', async () => {
		// Control for the test above: without the queue, read-modify-write races lose entries.
		const vault = makeVault({ 'People/Ana.md': ana });
		const file = vault.file('People/Ana.md');
		await Promise.all(
			Array.from({ length: 5 }, (_, i) => vault.obsidian.vault.process(file, (t) => `${t}- 2026-11-23 raw ${i}\n`)),
		);
		const text = await vault.read('People/Ana.md');
		expect(Array.from({ length: 5 }, (_, i) => text.includes(`raw ${i}`)).filter(Boolean).length).toBeLessThan(5);
	});

	it('saves an editor that has the note open first, so what was typed a moment ago is kept', async () => {
		const vault = makeVault({ 'People/Ana.md': ana, 'People/Ben.md': ana });
		const file = vault.file('People/Ana.md');
		const editorOn = (path: string, save: () => Promise<void>): WorkspaceLeaf => {
			const leaf = WorkspaceLeaf.create2__(vault.app);
			// The double's view, given a file and a save as Obsidian's has (the types differ between the two).
			const view = Object.assign(MarkdownView.create2__(leaf), { file: vault.file(path), save });
			Object.assign(leaf, { view });
			return leaf;
		};
		// Typed in Ana's note, not saved yet (Obsidian saves about two seconds after the last key).
		const typed = ana.replace('# Ana', '# Ana\n\nJust typed.');
		const leaves = [
			editorOn('People/Ana.md', () => vault.obsidian.vault.modify(file, typed)),
			// Only the note's own editor is saved: this one would fail the write.
			editorOn('People/Ben.md', () => Promise.reject(new Error('Ben\'s editor is not saved'))),
		];
		const workspace = { getLeavesOfType: (type: string) => (type === 'markdown' ? leaves.map((l) => l.asOriginalType3__()) : []) };
		const writer = new NoteWriter({
			vault: vault.obsidian.vault,
			getSettings: () => settingsWith(),
			now: () => new Date(),
			beforeEdit: (f) => saveOpenEditors(workspace, f),
		});
		expect(await writer.logTouchpoint(file, entry('Coffee plans.'))).toEqual({ ok: true, changed: true });
		const text = await vault.read('People/Ana.md');
		expect(text).toContain('Just typed.');
		expect(text).toContain('- 2026-11-23 (call) Coffee plans.');
	});

	it('edits the text on disk, not what the metadata cache last saw', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const writer = writerFor(vault);
		const file = vault.file('People/Ana.md');
		// Change the note behind the cache's back (as an editor save in flight would).
		await vault.app.vault.adapter.write('People/Ana.md', ana.replace('# Ana', '# Ana\n\nA new paragraph.'));
		await writer.logTouchpoint(file, entry('Later.'));
		const text = await vault.read('People/Ana.md');
		expect(text).toContain('A new paragraph.');
		expect(text).toContain('- 2026-11-23 (call) Later.');
	});

	it.each([
		['broken YAML', '---\ntrust: [4\nlast_contact: 2026-10-01\n---\n# Ana\n'],
		['a duplicate last_contact', '---\nlast_contact: 2026-10-01\nlast_contact: 2026-10-02\n---\n'],
		['last_contact as a list', '---\nlast_contact:\n  - 2026-10-01\n---\n'],
	])('refuses to edit a note with %s: byte-identical, a Notice naming the note and why', async (_, text) => {
		const vault = makeVault({ 'People/Ana.md': text });
		const notices = captureNotices();
		const result = await writerFor(vault).logTouchpoint(vault.file('People/Ana.md'), entry('Nope.'));
		expect(result.ok).toBe(false);
		expect(await vault.read('People/Ana.md')).toBe(text);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^People\/Ana\.md: cannot log: .+/);
		if (!result.ok) expect(result.error).toBe(notices[0]);
	});

	it('refuses a touchpoint dated after today, leaving the note alone', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const messages: string[] = [];
		const writer = new NoteWriter({
			vault: vault.obsidian.vault,
			getSettings: () => settingsWith(),
			now: () => new Date(),
			notify: (m) => messages.push(m),
		});
		const result = await writer.logTouchpoint(vault.file('People/Ana.md'), entry('Future.', '2026-11-24'));
		expect(result.ok).toBe(false);
		expect(messages[0]).toMatch(/People\/Ana\.md: cannot log: .*after today/);
		expect(await vault.read('People/Ana.md')).toBe(ana);
	});

	it('reports a note that cannot be written, without throwing', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const notices = captureNotices();
		vi.spyOn(vault.app.vault, 'process').mockRejectedValue(new Error('disk full'));
		const result = await writerFor(vault).logTouchpoint(vault.file('People/Ana.md'), entry('x'));
		expect(result).toEqual({ ok: false, error: 'People/Ana.md: could not be written: disk full' });
		expect(notices).toEqual(['People/Ana.md: could not be written: disk full']);
	});

	it('snoozes and sets the status through the same safe edit', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const writer = writerFor(vault);
		const file = vault.file('People/Ana.md');
		expect(await writer.snooze(file, '2026-12-01')).toEqual({ ok: true, changed: true });
		expect(await writer.setStatus(file, 'paused')).toEqual({ ok: true, changed: true });
		const text = await vault.read('People/Ana.md');
		expect(text).toContain('snooze_until: 2026-12-01');
		expect(text).toContain('status: paused');
		expect(text).toContain('trust: 4 # inner circle');
	});
});
