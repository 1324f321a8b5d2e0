// @vitest-environment happy-dom
/**
 * The calendar export over a real (test double) vault and people index: the command
 * writes the .ics (folders created), an unchanged calendar is not rewritten, and with
 * auto-update on, an index change rewrites it once things settle, only when it changed.
 * The file is read back with ical.js.
 */
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCalendar } from '../../src/core/ics';
import type { KindredSettings } from '../../src/core/settings';
import KindredPlugin from '../../src/main';
import { AUTO_UPDATE_DELAY_MS, CalendarExport, eventsText } from '../../src/obsidian/calendar-export';
import { PeopleIndex } from '../../src/obsidian/people-index';
import { icsPathError } from '../../src/obsidian/settings-tab';
import { makeVault, manifest, settingsWith, startIndex, type TestVault } from './harness';

const ana = '---\ntrust: 4\nlast_contact: 2026-11-01\n---\n# Ana\n\n## Interactions\n- 2026-11-01 (call) Lisbon, again.\n';
const ben = '---\ncadence: weekly\nlast_contact: 2026-11-20\n---\n# Ben\n';
const paused = '---\ntrust: 3\nstatus: paused\n---\n';

/** Date and timers both fake: the 2-second wait is stepped through, not slept. */
function fakeClock(): void {
	vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
	vi.setSystemTime(new Date('2026-11-23T12:00:00'));
}

async function setup(files: Record<string, string>, changes: Partial<KindredSettings> = {}) {
	const settings = settingsWith(changes);
	const vault = makeVault(files);
	const index = await startIndex(vault, () => settings);
	const notes: string[] = [];
	const exporter = new CalendarExport({
		vault: vault.obsidian.vault,
		index,
		getSettings: () => settings,
		now: () => new Date(),
		notify: (m) => notes.push(m),
	});
	exporter.load();
	const rewrite = vi.spyOn(vault.app.vault, 'process');
	const create = vi.spyOn(vault.app.vault, 'create');
	return { settings, vault, index, exporter, notes, rewrite, create };
}

function summaries(ics: string): string[] {
	const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	return cal.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
}

async function exists(vault: TestVault, path: string): Promise<boolean> {
	return vault.app.vault.adapter.exists(path);
}

beforeEach(fakeClock);
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('export now', () => {
	it('writes the calendar into a new folder and says where and how many events', async () => {
		const { vault, index, exporter, notes, settings } = await setup({
			'People/Ana.md': ana,
			'People/Ben.md': ben,
			'People/Gus.md': paused,
		});
		const result = await exporter.exportNow();
		expect(result).toEqual({ ok: true, path: 'Kindred/reconnect.ics', events: 2, written: true });
		const ics = await vault.read('Kindred/reconnect.ics');
		expect(ics).toBe(buildCalendar(index.roster.all(), '2026-11-23', settings));
		expect(summaries(ics)).toEqual(['Reconnect with Ana', 'Reconnect with Ben']);
		expect(notes).toEqual(['Exported the reconnect calendar: 2 events in Kindred/reconnect.ics.']);
	});

	it('waits for the notes to be read, so a log line newer than last_contact is in the event', async () => {
		vi.useRealTimers();
		const settings = settingsWith({ icsAutoUpdate: true });
		const vault = makeVault({ 'People/Ana.md': '---\ncadence: monthly\nlast_contact: 2026-01-01\n---\n## Interactions\n- 2026-11-20 (call) Lunch.\n' });
		let release = (): void => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const index = new PeopleIndex({ app: vault.obsidian, getSettings: () => settings, pause: () => held });
		index.load();
		index.start();
		const notes: string[] = [];
		const exporter = new CalendarExport({ vault: vault.obsidian.vault, index, getSettings: () => settings, now: () => new Date(2026, 10, 23, 12), notify: (m) => notes.push(m), delayMs: 0 });
		exporter.load();
		const exported = exporter.exportNow();
		await new Promise((resolve) => setTimeout(resolve, 20));
		// Nothing written while the log is unread: not even the automatic rewrite.
		expect(await exists(vault, 'Kindred/reconnect.ics')).toBe(false);
		release();
		expect(await exported).toMatchObject({ ok: true, events: 1 });
		expect(await vault.read('Kindred/reconnect.ics')).toContain('DTSTART;VALUE=DATE:20261220');
		exporter.unload();
		index.unload();

		// A reading that stopped short (the plugin turned off): said, nothing written.
		const before = await vault.read('Kindred/reconnect.ics');
		await vault.modify('People/Ana.md', '---\ncadence: weekly\n---\n');
		let releaseOther = (): void => {};
		const heldOther = new Promise<void>((resolve) => (releaseOther = resolve));
		const other = new PeopleIndex({ app: vault.obsidian, getSettings: () => settings, pause: () => heldOther });
		other.load();
		other.start();
		const stopped = new CalendarExport({ vault: vault.obsidian.vault, index: other, getSettings: () => settings, now: () => new Date(), notify: (m) => notes.push(m) });
		const refused = stopped.exportNow();
		other.unload();
		releaseOther();
		expect(await refused).toMatchObject({ ok: false, error: 'Kindred is still reading your people; try the export again in a moment.' });
		expect(await vault.read('Kindred/reconnect.ics')).toBe(before);
	});

	it('does not rewrite an unchanged calendar', async () => {
		const { exporter, notes, rewrite, create } = await setup({ 'People/Ana.md': ana });
		await exporter.exportNow();
		expect(create).toHaveBeenCalledTimes(1);
		const again = await exporter.exportNow();
		expect(again).toEqual({ ok: true, path: 'Kindred/reconnect.ics', events: 1, written: false });
		expect(create).toHaveBeenCalledTimes(1);
		expect(rewrite).not.toHaveBeenCalled();
		expect(notes[1]).toBe('The reconnect calendar is up to date: 1 event in Kindred/reconnect.ics.');
	});

	it('rewrites a file whose content differs, and creates nested folders', async () => {
		const { vault, exporter, rewrite } = await setup(
			{ 'People/Ana.md': ana, 'Calendars/Deep/people.ics': 'old' },
			{ icsPath: 'Calendars/Deep/people.ics' },
		);
		expect((await exporter.write()).ok).toBe(true);
		expect(rewrite).toHaveBeenCalledTimes(1);
		expect(summaries(await vault.read('Calendars/Deep/people.ics'))).toEqual(['Reconnect with Ana']);

		const other = await setup({ 'People/Ana.md': ana }, { icsPath: 'A/B/C/cal.ics' });
		expect((await other.exporter.write()).ok).toBe(true);
		expect(await exists(other.vault, 'A/B/C/cal.ics')).toBe(true);
	});

	it.each([
		['a folder', { 'Kindred/reconnect.ics/inside.md': '' }, 'Kindred/reconnect.ics', 'that is a folder'],
		['under a file', { 'Kindred': 'a file' }, 'Kindred/reconnect.ics', 'Kindred is a file, not a folder'],
		['empty', {}, '  ', 'no calendar file is set in the settings'],
	])('refuses a path that is %s, and says why', async (_, files, icsPath, reason) => {
		const { exporter, notes } = await setup({ 'People/Ana.md': ana, ...files }, { icsPath });
		const result = await exporter.exportNow();
		expect(result.ok).toBe(false);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatch(/^Could not write the reconnect calendar to /);
		expect(notes[0]).toContain(reason);
	});

	it('counts events in words', () => {
		expect([0, 1, 2].map(eventsText)).toEqual(['0 events', '1 event', '2 events']);
	});
});

describe('auto-update', () => {
	it('stays off unless the setting is on', async () => {
		const { vault, create } = await setup({ 'People/Ana.md': ana });
		await vault.modify('People/Ana.md', ana.replace('2026-11-01\n---', '2026-11-20\n---'));
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS * 2);
		expect(create).not.toHaveBeenCalled();
	});

	it('rewrites once, two seconds after a burst of changes, and only when the calendar changed', async () => {
		const { vault, exporter, rewrite, create } = await setup({ 'People/Ana.md': ana, 'People/Ben.md': ben }, { icsAutoUpdate: true });
		await exporter.write();
		expect(create).toHaveBeenCalledTimes(1);

		// Three edits in a row: one rewrite, two seconds after the last.
		await vault.modify('People/Ana.md', ana.replace('last_contact: 2026-11-01', 'last_contact: 2026-11-20'));
		await vi.advanceTimersByTimeAsync(1000);
		await vault.create('People/Cleo.md', '---\ncadence: monthly\n---\n');
		await vi.advanceTimersByTimeAsync(1000);
		await vault.modify('People/Ben.md', ben.replace('weekly', 'every 2 weeks'));
		expect(exporter.pending).toBe(true);
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS - 1);
		expect(rewrite).not.toHaveBeenCalledWith(expect.objectContaining({ path: 'Kindred/reconnect.ics' }), expect.anything());
		await vi.advanceTimersByTimeAsync(1);
		await exporter.idle();
		const writes = (): number => rewrite.mock.calls.filter(([f]) => f.path === 'Kindred/reconnect.ics').length;
		expect(writes()).toBe(1);
		const ics = await vault.read('Kindred/reconnect.ics');
		expect(summaries(ics)).toEqual(['Reconnect with Ana', 'Reconnect with Ben', 'Reconnect with Cleo']);
		expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2\r\n');

		// A change the calendar does not show (circles): the index moves, the file is not rewritten.
		await vault.modify('People/Cleo.md', '---\ncadence: monthly\ncircles: [chess]\n---\n');
		expect(exporter.pending).toBe(true);
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS);
		await exporter.idle();
		expect(writes()).toBe(1);
	});

	it('drops a pending rewrite on unload', async () => {
		const { vault, exporter, create } = await setup({ 'People/Ana.md': ana }, { icsAutoUpdate: true });
		await vault.modify('People/Ana.md', ana.replace('2026-11-01\n---', '2026-11-20\n---'));
		expect(exporter.pending).toBe(true);
		exporter.unload();
		expect(exporter.pending).toBe(false);
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS * 2);
		expect(create).not.toHaveBeenCalled();
	});

	it('never writes over a note, nor outside the vault, whatever data.json says', async () => {
		for (const [icsPath, reason] of [
			['People/Ana.md', 'the calendar file must end in .ics (nothing else is overwritten)'],
			['../reconnect.ics', 'the calendar file must be inside the vault'],
			['Kindred/../../reconnect.ics', 'the calendar file must be inside the vault'],
		]) {
			const { vault, exporter, notes, create, rewrite } = await setup({ 'People/Ana.md': ana }, { icsPath });
			const result = await exporter.exportNow();
			expect(result.ok).toBe(false);
			expect(notes).toEqual([`Could not write the reconnect calendar to ${icsPath}: ${reason}`]);
			expect(await vault.read('People/Ana.md')).toBe(ana);
			expect(create).not.toHaveBeenCalled();
			expect(rewrite).not.toHaveBeenCalled();
		}
	});

	it('rewrites when the day changes, so an overdue person is shown on the new today', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
		vi.setSystemTime(new Date('2026-11-23T23:58:00'));
		// Olga is overdue (weekly, last contact 1 November): her event is today.
		const olga = '---\ncadence: weekly\nlast_contact: 2026-11-01\n---\n# Olga\n';
		const { vault, exporter } = await setup({ 'People/Olga.md': olga }, { icsAutoUpdate: true });
		await exporter.write();
		expect(await vault.read('Kindred/reconnect.ics')).toContain('DTSTART;VALUE=DATE:20261123\r\n');
		// Past midnight, no note changed: the day clock asks for a rewrite.
		await vi.advanceTimersByTimeAsync(3 * 60_000 + AUTO_UPDATE_DELAY_MS);
		await exporter.idle();
		expect(await vault.read('Kindred/reconnect.ics')).toContain('DTSTART;VALUE=DATE:20261124\r\n');
	});

	it('reports a failing path once, not on every change', async () => {
		const { vault, notes } = await setup({ 'People/Ana.md': ana, Kindred: 'a file' }, { icsAutoUpdate: true });
		for (const day of ['2026-11-20', '2026-11-21']) {
			await vault.modify('People/Ana.md', ana.replace('2026-11-01\n---', `${day}\n---`));
			await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS);
		}
		expect(notes).toEqual(['Could not write the reconnect calendar to Kindred/reconnect.ics: Kindred is a file, not a folder']);
	});
});

describe('the calendar file setting', () => {
	it.each([
		['Kindred/reconnect.ics', null],
		['people.ICS', null],
		['  Cal/people.ics  ', null],
		['', 'This cannot be empty.'],
		['Kindred/reconnect.md', 'Use a path ending in .ics, like "Kindred/reconnect.ics".'],
		['Kindred/', 'Use a path ending in .ics, like "Kindred/reconnect.ics".'],
		['Kindred/.ics', 'Use a path ending in .ics, like "Kindred/reconnect.ics".'],
		// The vault's root, as Obsidian reads a leading slash.
		['/Cal/people.ics', null],
		['../reconnect.ics', 'Use a path inside the vault, like "Kindred/reconnect.ics".'],
		['Kindred/../../reconnect.ics', 'Use a path inside the vault, like "Kindred/reconnect.ics".'],
		['C:\\Users\\me\\reconnect.ics', 'Use a path inside the vault, like "Kindred/reconnect.ics".'],
	])('%j → %j', (value, error) => {
		expect(icsPathError(value)).toBe(error);
	});
});

describe('in the plugin', () => {

	it('keeps the calendar file up to date when the setting is on', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const plugin = new KindredPlugin(vault.obsidian, manifest);
		vi.spyOn(plugin, 'loadData').mockResolvedValue({ icsAutoUpdate: true, icsPath: 'Cal/people.ics' });
		plugin.load();
		await vi.advanceTimersByTimeAsync(0);
		vault.app.workspace.setLayoutReady__();
		await vi.advanceTimersByTimeAsync(0);
		await plugin.index?.logsRead;
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS);
		await vi.waitFor(async () => expect(await exists(vault, 'Cal/people.ics')).toBe(true));
		expect(summaries(await vault.read('Cal/people.ics'))).toEqual(['Reconnect with Ana']);

		await vault.create('People/Ben.md', ben);
		await vi.advanceTimersByTimeAsync(AUTO_UPDATE_DELAY_MS);
		await vi.waitFor(async () =>
			expect(summaries(await vault.read('Cal/people.ics'))).toEqual(['Reconnect with Ana', 'Reconnect with Ben']),
		);
		plugin.unload();
	});
});
