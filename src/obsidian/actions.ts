/**
 * What the user can do to a person, shared by the commands, the due view's row buttons,
 * the review view and the ribbon: open the pane or the review, log a touchpoint (with a
 * modal, or "contacted today" without one), snooze, archive, create a person. Each action collects input with a modal and
 * writes through the one writer; none reads or edits notes itself.
 */
import { Notice } from 'obsidian';
import type { App, PaneType, TFile, WorkspaceLeaf } from 'obsidian';
import { lightFormat } from 'date-fns';
import { todayLocal } from '../core/dates';
import { foldName } from '../core/roster';
import type { KindredSettings } from '../core/settings';
import type { LocalDate, LogEntry, Person, ScheduledPerson } from '../core/types';
import { DUE_VIEW_TYPE, REVIEW_VIEW_TYPE } from './due-view-deps';
import { LogModal } from './log-modal';
import { createPersonNote } from './new-person';
import { NewPersonModal } from './new-person-modal';
import { PersonPicker, pickerItems, problemItems } from './person-picker';
import { SnoozeModal } from './snooze-modal';
import type { NoteWriter, WriteResult } from './writer';

/** How long a press of "mark contacted today" counts as just done (see `marked`). */
const MARKED_MS = 5000;

export interface ActionsDeps {
	/** Modals need the app; everything else goes through the narrow pieces below. */
	app: App;
	index: {
		get(path: string): Person | undefined;
		dueList(today: LocalDate, all?: boolean): readonly ScheduledPerson[];
		readonly roster: { all(): Person[] };
		/** True once every person note's log and links have been read (PeopleIndex.whenComplete). */
		whenComplete(): Promise<boolean>;
	};
	writer: Pick<NoteWriter, 'logTouchpoint' | 'snooze' | 'setStatus'>;
	getSettings: () => KindredSettings;
	/** Persist settings without rebuilding the index (the remembered channel). */
	saveSettings: () => Promise<void>;
	now: () => Date;
}

export class KindredActions {
	private readonly deps: ActionsDeps;
	/** A problem list is being got ready: a second click waits for it rather than open another. */
	private showingProblems = false;
	/**
	 * Who was just marked contacted from here, and when (ms): the index hears of a write a
	 * moment after it, so a second press in that moment must not write again. Only for a
	 * few seconds: after that the index knows (and an undone line may be marked again).
	 */
	private readonly marked = new Map<string, { day: LocalDate; at: number }>();

	constructor(deps: ActionsDeps) {
		this.deps = deps;
	}

	today(): LocalDate {
		return todayLocal(this.deps.now());
	}

	/** The active note's path when it is a person in the index. */
	activePersonPath(): string | null {
		const file = this.deps.app.workspace.getActiveFile();
		return file && this.deps.index.get(file.path) ? file.path : null;
	}

	/** Show the due pane in the right sidebar, reusing it when it is already open. */
	async openDueView(): Promise<void> {
		const { workspace } = this.deps.app;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(DUE_VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: DUE_VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}

	/** Show the network review in a tab of its own, reusing it when it is already open. */
	async openReviewView(): Promise<void> {
		const { workspace } = this.deps.app;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(REVIEW_VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getLeaf('tab');
			await leaf.setViewState({ type: REVIEW_VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}

	/** The active note's path when it is a person who can still be archived. */
	activeArchivablePath(): string | null {
		const path = this.activePersonPath();
		return path !== null && this.deps.index.get(path)?.status !== 'archived' ? path : null;
	}

	/**
	 * Set `status: archived`: the note and its log stay, the person leaves the due list
	 * and is never offered for weeding again. A refused edit is reported by the writer.
	 */
	async archive(path: string): Promise<WriteResult | null> {
		const file = this.file(path);
		if (!file) return null;
		const name = this.deps.index.get(path)?.name ?? file.basename;
		const result = await this.deps.writer.setStatus(file, 'archived');
		if (result.ok) new Notice(result.changed ? `Archived ${name}. The note and its history are kept.` : `${name} is already archived.`);
		return result;
	}

	/** Open a note where a click asked: Keymap.isModEvent's tab, split or window, or the current tab. */
	openNote(path: string, where: PaneType | boolean): void {
		const file = this.file(path);
		if (file) void this.deps.app.workspace.getLeaf(where).openFile(file);
	}

	/** The log modal for one person; the entry is written when it is submitted. */
	logWith(path: string): void {
		const person = this.deps.index.get(path);
		const file = this.file(path);
		if (!person || !file) return;
		const settings = this.deps.getSettings();
		new LogModal(this.deps.app, {
			personName: person.name,
			settings,
			today: () => this.today(),
			onSubmit: (entry) => this.writeLog(file, entry, true),
		}).open();
	}

	/** Pick someone (most urgent first), then the log modal. */
	pickAndLog(): void {
		const items = pickerItems(this.deps.index.dueList(this.today()), this.deps.index.roster.all());
		new PersonPicker(this.deps.app, items, (path) => this.logWith(path)).open();
	}

	/**
	 * Everyone with a problem, listed in the pane or not, in a picker by name; choosing one
	 * opens the note. Log lines and links are read after start-up, so it waits for that
	 * reading (a settings change may start it over) and says so when it is not done.
	 */
	async showProblems(): Promise<void> {
		if (this.showingProblems) return;
		this.showingProblems = true;
		try {
			if (await this.deps.index.whenComplete()) this.pickProblem();
			else new Notice('Kindred is still reading your people; try again in a moment.');
		} finally {
			this.showingProblems = false;
		}
	}

	private pickProblem(): void {
		const items = problemItems(this.deps.index.dueList(this.today(), true));
		if (items.length === 0) {
			new Notice('Every person note reads without a problem.');
			return;
		}
		new PersonPicker(this.deps.app, items, (path) => this.openNote(path, false), 'Open a note with a problem').open();
	}

	/** Log today's date with no note, no modal. */
	async contactedToday(path: string): Promise<WriteResult | null> {
		const file = this.file(path);
		if (!file) return null;
		const today = this.today();
		const person = this.deps.index.get(path);
		const name = person?.name ?? file.basename;
		// Once a day: a second press (or one after a touchpoint logged today) adds no bare
		// line. The index hears of a write a moment after it; `marked` covers that moment.
		const at = this.deps.now().getTime();
		const last = this.marked.get(path);
		const just = last !== undefined && last.day === today && at - last.at < MARKED_MS;
		if (just || (person && (person.lastContactField === today || person.log.some((e) => e.date === today)))) {
			new Notice(`${name} is already marked contacted today.`);
			return { ok: true, changed: false };
		}
		this.marked.set(path, { day: today, at });
		const entry: LogEntry = { date: today, linked: this.deps.getSettings().linkDates, channel: null, exchange: null, text: '' };
		const result = await this.writeLog(file, entry, false);
		if (result.ok && result.changed) new Notice(`Marked ${name} contacted today.`);
		else if (!result.ok) this.marked.delete(path);
		return result;
	}

	snoozeWith(path: string): void {
		const person = this.deps.index.get(path);
		const file = this.file(path);
		if (!person || !file) return;
		new SnoozeModal(this.deps.app, {
			personName: person.name,
			today: () => this.today(),
			onSubmit: (until) => {
				void this.deps.writer.snooze(file, until);
			},
		}).open();
	}

	newPerson(): void {
		new NewPersonModal(this.deps.app, (name) => {
			void this.createAndOpen(name);
		}).open();
	}

	/** Create (or find) the person's note and open it. */
	async createAndOpen(name: string): Promise<TFile | null> {
		// Someone of that name in another people folder (or found by tag): theirs, not a twin.
		const wanted = foldName(name.trim());
		const same = this.deps.index.roster.all().filter((p) => foldName(p.name) === wanted);
		if (same.length > 1) {
			new Notice(`There are already people called ${name.trim()}: ${same.map((p) => p.path).sort().join(', ')}.`);
			return null;
		}
		const known = same.length === 1 ? this.file(same[0].path) : null;
		const result = known
			? ({ ok: true, file: known, created: false } as const)
			: await createPersonNote(
					{ vault: this.deps.app.vault, getSettings: this.deps.getSettings, today: () => this.today(), time: () => lightFormat(this.deps.now(), 'HH:mm') },
					name,
				);
		if (!result.ok) {
			new Notice(result.error);
			return null;
		}
		if (!result.created) new Notice(`${result.file.path} already exists; opening it.`);
		await this.deps.app.workspace.getLeaf(false).openFile(result.file);
		return result.file;
	}

	/** Write the entry; from the modal, also remember its channel (none included) for next time. */
	private async writeLog(file: TFile, entry: LogEntry, rememberChannel: boolean): Promise<WriteResult> {
		const result = await this.deps.writer.logTouchpoint(file, entry);
		const settings = this.deps.getSettings();
		const channel = entry.channel ?? '';
		if (result.ok && rememberChannel && channel !== settings.lastChannel) {
			settings.lastChannel = channel;
			await this.deps.saveSettings();
		}
		return result;
	}

	private file(path: string): TFile | null {
		return this.deps.app.vault.getFileByPath(path);
	}
}
