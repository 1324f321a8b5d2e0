// @vitest-environment happy-dom
/**
 * The plugin's lifecycle: settings load and migration, sync rewriting data.json, what
 * onload registers (and that it reads no notes), the index starting when the layout is
 * ready, the status bar count, and the settings tab saving and rebuilding.
 */
import { Plugin } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings } from '../../src/core/settings';
import KindredPlugin from '../../src/main';
import { DueView } from '../../src/obsidian/due-view';
import { DUE_VIEW_TYPE, REVIEW_VIEW_TYPE } from '../../src/obsidian/due-view-deps';
import { cadenceError, KindredSettingTab } from '../../src/obsidian/settings-tab';
import { byLabel, captureNotices, flush, freezeToday, makeVault, manifest, trackTextFields } from './harness';
import type { TestVault } from './harness';


const ana = '---\ntrust: 4\ncadence: monthly\nlast_contact: 2026-10-01\n---\n# Ana\n';
const ben = '---\ntrust: 5\n---\n# Ben\n';

interface Loaded {
	vault: TestVault;
	plugin: KindredPlugin;
	/** The mock's view of the same plugin: what it registered. */
	registered: Plugin;
	data: { value: unknown };
}

async function load(files: Record<string, string>, stored: unknown, layoutReady = true): Promise<Loaded> {
	const vault = makeVault(files);
	const plugin = new KindredPlugin(vault.obsidian, manifest);
	const data = { value: stored };
	vi.spyOn(plugin, 'loadData').mockImplementation(() => Promise.resolve(data.value));
	vi.spyOn(plugin, 'saveData').mockImplementation((d: unknown) => {
		data.value = JSON.parse(JSON.stringify(d)) as unknown;
		return Promise.resolve();
	});
	plugin.load();
	await flush();
	if (layoutReady) {
		vault.app.workspace.setLayoutReady__();
		await flush();
		await plugin.index?.logsRead;
	}
	return { vault, plugin, registered: plugin as unknown as Plugin, data };
}

beforeEach(() => freezeToday('2026-11-23'));
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('settings', () => {
	it('loads the defaults into a copy, never into DEFAULT_SETTINGS', async () => {
		const before = JSON.stringify(DEFAULT_SETTINGS);
		const { plugin } = await load({}, null);
		expect(plugin.settings).toEqual(defaultSettings());
		expect(plugin.settings).not.toBe(DEFAULT_SETTINGS);
		plugin.settings.peopleFolders.push('Friends');
		plugin.settings.keys.trust = 'closeness';
		expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before);
	});

	it('migrates the first beta\'s settings', async () => {
		const { plugin } = await load({}, { peopleFolder: 'Friends', dateLinks: true, soonWindowDays: 3 });
		expect(plugin.settings.peopleFolders).toEqual(['Friends']);
		expect(plugin.settings.linkDates).toBe(true);
		expect(plugin.settings.soonWindowDays).toBe(3);
		expect(plugin.settings.schemaVersion).toBe(1);
	});

	it.each([
		['not an object', 'hello', /not an object/],
		['a value of the wrong type', { schemaVersion: 1, soonWindowDays: 'soon' }, /soonWindowDays/],
	])('falls back to defaults with a notice for %s', async (_, stored, warning) => {
		const notices = captureNotices();
		const { plugin } = await load({}, stored);
		expect(plugin.settings.soonWindowDays).toBe(7);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(warning);
	});

	it('takes settings rewritten by sync, and re-reads everyone', async () => {
		const { plugin, data } = await load({ 'People/Ana.md': ana, 'Friends/Ben.md': ben }, null);
		expect(plugin.index?.peopleCount).toBe(1);
		data.value = { ...defaultSettings(), peopleFolders: ['People', 'Friends'] };
		await plugin.onExternalSettingsChange();
		expect(plugin.settings.peopleFolders).toEqual(['People', 'Friends']);
		expect(plugin.index?.peopleCount).toBe(2);
	});

	it('remembers the last channel without rebuilding the index', async () => {
		const { plugin, data } = await load({ 'People/Ana.md': ana }, null);
		const rebuild = vi.spyOn(plugin.index!, 'rebuild');
		plugin.settings.lastChannel = 'coffee';
		await plugin.saveSettings(false);
		expect((data.value as { lastChannel: string }).lastChannel).toBe('coffee');
		await new Promise((r) => window.setTimeout(r, 450));
		expect(rebuild).not.toHaveBeenCalled();
	});
});

describe('onload', () => {
	it('registers the view, ribbon icon, status bar, commands and settings tab, and reads no note', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const read = vi.spyOn(vault.app.vault, 'read');
		const cachedRead = vi.spyOn(vault.app.vault, 'cachedRead');
		const plugin = new KindredPlugin(vault.obsidian, manifest);
		vi.spyOn(plugin, 'loadData').mockResolvedValue(null);
		plugin.load();
		await flush();
		const registered = plugin as unknown as Plugin;
		expect([...registered.views__.keys()]).toEqual([DUE_VIEW_TYPE, REVIEW_VIEW_TYPE]);
		expect(registered.ribbonActions__).toHaveLength(1);
		expect(registered.statusBarItems__).toHaveLength(1);
		expect(registered.commands__.size).toBe(10);
		expect(registered.settingTabs__[0]).toBeInstanceOf(KindredSettingTab);
		expect(plugin.index?.ready).toBe(false);
		expect(read).not.toHaveBeenCalled();
		expect(cachedRead).not.toHaveBeenCalled();

		vault.app.workspace.setLayoutReady__();
		await flush();
		await plugin.index?.logsRead;
		expect(plugin.index?.ready).toBe(true);
		expect(plugin.index?.peopleCount).toBe(1);
	});

	it('starts no index when turned off while it waited for the layout (a quick disable)', async () => {
		const { vault, plugin } = await load({ 'People/Ana.md': '---\ntrust: 3\n---\n' }, null, false);
		vault.app.workspace.setLayoutReady__();
		// Unloaded before the start, which waits for the templates setting to be read.
		plugin.unload();
		await flush();
		await flush();
		expect(plugin.index?.ready).toBe(false);
		await vault.create('People/Ben.md', '---\ntrust: 3\n---\n');
		await flush();
		expect(plugin.index?.peopleCount).toBe(0);
	});

	it('keeps people in the templates folder out', async () => {
		const { vault, plugin } = await load(
			{
				'Meta/Templates/Person.md': '---\ntype: person\ntrust: 3\n---\n',
				'Notes/Cleo.md': '---\ntype: person\ntrust: 3\n---\n',
			},
			null,
			false,
		);
		await vault.app.vault.adapter.write(`${vault.app.vault.configDir}/templates.json`, '{"folder":"Meta/Templates"}');
		vault.app.workspace.setLayoutReady__();
		await flush();
		await flush();
		await plugin.index?.logsRead;
		expect(plugin.index?.roster.all().map((p) => p.path)).toEqual(['Notes/Cleo.md']);
		// The Templates folder moved in Obsidian's settings: taken with the next settings change.
		await vault.app.vault.adapter.write(`${vault.app.vault.configDir}/templates.json`, '{"folder":"Notes"}');
		await plugin.onExternalSettingsChange();
		expect(plugin.index?.roster.all().map((p) => p.path)).toEqual(['Meta/Templates/Person.md']);
	});

	it('opens the due view in the right sidebar from the ribbon, reusing it, and leaves it on unload', async () => {
		const { vault, plugin } = await load({}, null);
		await plugin.actions?.openDueView();
		await plugin.actions?.openDueView();
		expect(vault.app.workspace.getLeavesOfType(DUE_VIEW_TYPE)).toHaveLength(1);
		plugin.unload();
		expect(vault.app.workspace.getLeavesOfType(DUE_VIEW_TYPE)).toHaveLength(1);
	});

	it('builds the due view with the index and actions', async () => {
		const { vault, registered } = await load({ 'People/Ana.md': ana }, null);
		const factory = registered.views__.get(DUE_VIEW_TYPE);
		const view = factory?.(vault.obsidian.workspace.getLeaf(true));
		expect(view).toBeInstanceOf(DueView);
		expect(view?.getViewType()).toBe(DUE_VIEW_TYPE);
	});
});

describe('the status bar', () => {
	/** The count follows index changes on the next animation frame (it coalesces them). */
	const nextFrame = (): Promise<void> => new Promise((resolve) => window.requestAnimationFrame(() => resolve()));

	it('shows how many to reconnect, and follows the index and the date', async () => {
		const { vault, registered } = await load({ 'People/Ana.md': ana }, null);
		const bar = registered.statusBarItems__[0];
		await nextFrame();
		expect(bar.textContent).toBe('1 to reconnect');
		await vault.create('People/Ben.md', ben);
		await nextFrame();
		expect(bar.textContent).toBe('2 to reconnect');
		await vault.modify('People/Ana.md', ana.replace('2026-10-01', '2026-11-20'));
		await vault.modify('People/Ben.md', '---\ntrust: 5\nlast_contact: 2026-11-20\n---\n');
		await nextFrame();
		expect(bar.textContent).toBe('');

		// Ben's fortnight runs out on 2026-12-04: the count moves when the day does, on wake.
		vi.setSystemTime(new Date('2026-12-04T08:00:00'));
		window.dispatchEvent(new Event('focus'));
		expect(bar.textContent).toBe('1 to reconnect');
	});
});

describe('the settings tab', () => {
	it('says what is wrong with a cadence in a sentence, an empty one too', () => {
		expect(cadenceError('monthly')).toBeNull();
		expect(cadenceError('0')).toBe('Not a cadence: "0" must be more than zero.');
		expect(cadenceError('')).toBe('Not a cadence: the cadence is empty.');
		expect(cadenceError('biweekly')).toMatch(/^Not a cadence: "biweekly" is ambiguous; write "every 2 weeks"/);
	});

	/** The plugin loaded over one person note, its settings tab shown, text fields typed into. */
	async function openSettingsTab() {
		const { registered, data, plugin } = await load({ 'People/Ana.md': ana }, null);
		const tab = registered.settingTabs__[0] as unknown as KindredSettingTab;
		const type = trackTextFields();
		tab.display();
		return { el: tab.containerEl, type, data, plugin };
	}
	it('shows the synced settings in an open settings tab, and rebuilds once', async () => {
		const { el, plugin, data, type } = await openSettingsTab();
		document.body.appendChild(el);
		try {
			const rebuild = vi.spyOn(plugin.index!, 'rebuild');
			// Typed here just before sync rewrote data.json: its rebuild, waiting for a pause, is dropped.
			type(byLabel<HTMLInputElement>(el, 'Marker value'), 'human');
			await vi.waitFor(() => expect((data.value as { markerValue: string } | null)?.markerValue).toBe('human'));
			data.value = { ...defaultSettings(), peopleFolders: ['Friends'] };
			await plugin.onExternalSettingsChange();
			expect(byLabel<HTMLInputElement>(el, 'People folders').value).toBe('Friends');
			await new Promise((r) => window.setTimeout(r, 450));
			expect(rebuild).toHaveBeenCalledTimes(1);
		} finally {
			el.remove();
		}
	});

	it('refreshes a settings tab Obsidian 1.13 drew from the definitions with update(), not display()', async () => {
		const { registered, data, plugin } = await load({ 'People/Ana.md': ana }, null);
		const tab = registered.settingTabs__[0] as unknown as KindredSettingTab & { update: () => void };
		// Obsidian 1.13 draws the open tab itself (no display() call) and offers update().
		tab.update = vi.fn();
		const display = vi.spyOn(tab, 'display');
		document.body.appendChild(tab.containerEl);
		try {
			data.value = { ...defaultSettings(), peopleFolders: ['Friends'] };
			await plugin.onExternalSettingsChange();
			expect(tab.update).toHaveBeenCalledTimes(1);
			expect(display).not.toHaveBeenCalled();
		} finally {
			tab.containerEl.remove();
		}
	});

	it('saves a valid change and rebuilds; shows an inline error and saves nothing for an invalid one', async () => {
		const { vault, plugin, registered, data } = await load({ 'People/Ana.md': ana, 'Friends/Ben.md': ben }, null);
		const tab = registered.settingTabs__[0] as unknown as KindredSettingTab;
		const type = trackTextFields();
		tab.display();
		const el = tab.containerEl;

		type(byLabel<HTMLInputElement>(el, 'Trust 4'), 'every fortnight-ish');
		expect(el.textContent).toMatch(/Not a cadence/);
		expect(data.value).toBeNull();

		type(byLabel<HTMLInputElement>(el, 'People folders'), 'People, Friends');
		await vi.waitFor(() => expect(plugin.index?.peopleCount).toBe(2), { timeout: 2000 });
		expect((data.value as { peopleFolders: string[] }).peopleFolders).toEqual(['People', 'Friends']);
		expect(vault.app.vault.getMarkdownFiles()).toHaveLength(2);
	});

	it('refuses a property name another setting already uses, or one YAML would read otherwise', async () => {
		const { el, type, data } = await openSettingsTab();
		type(byLabel<HTMLInputElement>(el, 'Last contact property'), 'trust');
		expect(el.textContent).toContain('"trust" is already the trust property.');
		type(byLabel<HTMLInputElement>(el, 'Last contact property'), 'seen: last');
		expect(el.textContent).toContain('Use letters, numbers, spaces, "_", "-", "." or "/", starting with a letter or number.');
		expect(data.value).toBeNull();
		// The marker property ("type"): Kindred would write over it, either way round.
		type(byLabel<HTMLInputElement>(el, 'Status property'), 'type');
		expect(el.textContent).toContain('"type" is the marker property; Kindred would write over it.');
		type(byLabel<HTMLInputElement>(el, 'Marker property'), 'status');
		expect(el.textContent).toContain('"status" is already the status property; Kindred would write over the marker.');
		expect(data.value).toBeNull();
		type(byLabel<HTMLInputElement>(el, 'Last contact property'), 'seen');
		await vi.waitFor(() => expect((data.value as { keys: { lastContact: string } } | null)?.keys.lastContact).toBe('seen'));
	});

	it('takes whole numbers in plain digits only, as the saved settings are read', async () => {
		const { el, type, data } = await openSettingsTab();
		for (const typed of ['1e2', '0x10', '12.0', ' ']) {
			type(byLabel<HTMLInputElement>(el, 'Inner circle target'), typed);
			expect(el.textContent).toContain('Enter a whole number from 1 to 1000.');
		}
		expect(data.value).toBeNull();
		type(byLabel<HTMLInputElement>(el, 'Inner circle target'), '15');
		await vi.waitFor(() => expect((data.value as { innerCircleTarget: number } | null)?.innerCircleTarget).toBe(15));
	});

	it('refuses a channel with parentheses (the log line puts the channel in them) and keeps one of each', async () => {
		const { el, type, data } = await openSettingsTab();
		type(byLabel<HTMLInputElement>(el, 'People folders'), 'People, /');
		expect(el.textContent).toContain('The whole vault cannot be a people folder');
		type(byLabel<HTMLInputElement>(el, 'Channels'), 'call, lunch (work)');
		expect(el.textContent).toContain('A channel cannot contain parentheses.');
		expect(data.value).toBeNull();
		type(byLabel<HTMLInputElement>(el, 'Channels'), 'call, coffee, call');
		await vi.waitFor(() => expect((data.value as { channels: string[] } | null)?.channels).toEqual(['call', 'coffee']));
	});

	it('declares its rows for Obsidian 1.13 settings search, in sections', async () => {
		const { registered } = await load({}, null);
		const tab = registered.settingTabs__[0] as unknown as KindredSettingTab;
		expect(tab.getSettingDefinitions().map((g) => g.heading)).toEqual([
			'Where people are',
			'Property names',
			'Cadence',
			'Interaction log',
			'New people',
			'Cultivating',
			'Calendar',
		]);
	});
});
