/**
 * Kindred's plugin lifecycle, and nothing else: load settings, build the pieces, register
 * the views, ribbon icon, status bar, calendar export, commands and settings tab. onload reads no notes;
 * the index builds once the layout is ready.
 */
import { Notice, Plugin, debounce } from 'obsidian';
import type { WorkspaceLeaf } from 'obsidian';
import { migrateSettings } from './core/settings';
import type { KindredSettings } from './core/settings';
import { KindredActions } from './obsidian/actions';
import { CalendarExport } from './obsidian/calendar-export';
import { registerCommands } from './obsidian/commands';
import { DUE_VIEW_TYPE, REVIEW_VIEW_TYPE } from './obsidian/due-view-deps';
import type { DueViewDeps, ReviewViewDeps } from './obsidian/due-view-deps';
import { DueView } from './obsidian/due-view';
import { PeopleIndex } from './obsidian/people-index';
import { ReviewView } from './obsidian/review-view';
import { DRAWN_HERE, KindredSettingTab } from './obsidian/settings-tab';
import { StatusBarCount } from './obsidian/status-bar';
import { readTemplatesFolder } from './obsidian/templates-folder';
import { NoteWriter, saveOpenEditors } from './obsidian/writer';

export default class KindredPlugin extends Plugin {
	settings: KindredSettings = migrateSettings(undefined).settings;
	index: PeopleIndex | null = null;
	writer: NoteWriter | null = null;
	actions: KindredActions | null = null;
	private templatesFolder: string | null = null;
	private settingTab: KindredSettingTab | null = null;
	/** Typing in a settings field saves at once but rebuilds the index once typing pauses. */
	private readonly rebuildSoon = debounce(() => void this.rebuild(), 400, true);

	async onload(): Promise<void> {
		await this.loadSettings();
		const now = (): Date => new Date();
		const getSettings = (): KindredSettings => this.settings;

		const index = this.addChild(
			new PeopleIndex({ app: this.app, getSettings, templatesFolder: () => this.templatesFolder }),
		);
		const writer = new NoteWriter({
			vault: this.app.vault,
			getSettings,
			now,
			beforeEdit: (file) => saveOpenEditors(this.app.workspace, file),
		});
		const actions = new KindredActions({
			app: this.app,
			index,
			writer,
			getSettings,
			saveSettings: () => this.saveSettings(false),
			now,
		});
		this.index = index;
		this.writer = writer;
		this.actions = actions;

		const viewDeps: DueViewDeps = {
			index,
			getSettings,
			now,
			openNote: (path, newTab) => actions.openNote(path, newTab),
			logTouchpoint: (path) => actions.logWith(path),
			snooze: (path) => actions.snoozeWith(path),
			showProblems: () => void actions.showProblems(),
		};
		this.registerView(DUE_VIEW_TYPE, (leaf: WorkspaceLeaf) => new DueView(leaf, viewDeps));
		const reviewDeps: ReviewViewDeps = {
			index,
			getSettings,
			now,
			openNote: (path, newTab) => actions.openNote(path, newTab),
			archive: (path) => actions.archive(path),
			notePaths: () => this.app.vault.getMarkdownFiles().map((f) => f.path),
		};
		this.registerView(REVIEW_VIEW_TYPE, (leaf: WorkspaceLeaf) => new ReviewView(leaf, reviewDeps));
		const calendar = this.addChild(new CalendarExport({ vault: this.app.vault, index, getSettings, now }));
		this.addRibbonIcon('users', 'Open people due to reconnect', () => {
			void actions.openDueView();
		});
		this.addChild(
			new StatusBarCount(this.addStatusBarItem(), { index, now, onClick: () => void actions.openDueView() }),
		);
		registerCommands(this, actions, calendar);
		this.settingTab = new KindredSettingTab(this.app, this, { getSettings, save: () => this.saveSettings(true) });
		this.addSettingTab(this.settingTab);

		this.app.workspace.onLayoutReady(() => {
			void this.startIndex(index);
		});
	}

	/** Sync (or another device) rewrote data.json: take it and re-read everyone. */
	async onExternalSettingsChange(): Promise<void> {
		await this.loadSettings();
		// One rebuild for these settings, not a second for a pause in typing before them.
		this.rebuildSoon.cancel();
		await this.rebuild();
		// An open settings tab shows what is now in force, not what was typed before: one this
		// plugin drew is drawn again; one Obsidian 1.13+ draws from the definitions is
		// refreshed by its update() (display() does nothing there).
		const tab = this.settingTab;
		if (!tab?.containerEl.isConnected) return;
		if (tab.containerEl.hasClass(DRAWN_HERE)) tab.display();
		else (tab as { update?: () => void }).update?.();
	}

	async loadSettings(): Promise<void> {
		const raw: unknown = await this.loadData();
		// A copy, so nothing downstream can edit what loadData returned; non-objects pass
		// through so the migration can say they were ignored.
		const data = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.assign({}, raw) : raw;
		const { settings, warnings } = migrateSettings(data);
		this.settings = settings;
		if (warnings.length > 0) new Notice(`Kindred settings: ${warnings.join(' ')}`, 15_000);
	}

	/**
	 * Save, and (unless only a remembered choice changed) rebuild the index. The settings
	 * object is replaced, not edited in place, so results cached for the old one are dropped.
	 */
	async saveSettings(rebuild = true): Promise<void> {
		this.settings = migrateSettings(this.settings).settings;
		await this.saveData(this.settings);
		if (rebuild) this.rebuildSoon();
	}

	/**
	 * Re-read everyone under the settings now in force. The Templates folder (Obsidian's own
	 * setting, with no event of its own) is read again first, so a change there is taken
	 * with the next change of Kindred's settings rather than only at the next start.
	 */
	private async rebuild(): Promise<void> {
		if (!this.index) return;
		await this.readTemplatesFolder();
		this.index.rebuild();
	}

	private async startIndex(index: PeopleIndex): Promise<void> {
		await this.readTemplatesFolder();
		index.start();
	}

	private async readTemplatesFolder(): Promise<void> {
		this.templatesFolder = await readTemplatesFolder(this.app.vault.adapter, this.app.vault.configDir);
	}
}
