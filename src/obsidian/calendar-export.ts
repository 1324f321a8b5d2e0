/**
 * Writes core's reconnect calendar (buildCalendar) to the .ics file named in the
 * settings, inside the vault, so a calendar app can subscribe to it through sync. On
 * demand (the command, with a Notice) and, when the setting is on, a couple of seconds
 * after the people index changes. It writes only when the text differs from what the
 * file holds: an unchanged calendar is not rewritten, so sync sees no churn. Folders on
 * the way are created. The file is not markdown, so no metadata-cache event comes back
 * and nothing loops.
 */
import { Component, Notice, TFile, TFolder, normalizePath } from 'obsidian';
import type { Vault } from 'obsidian';
import { todayLocal } from '../core/dates';
import { calendarEntries, calendarText } from '../core/ics';
import type { KindredSettings } from '../core/settings';
import type { Person } from '../core/types';
import { DayClock } from './day-clock';

export interface CalendarExportDeps {
	vault: Pick<Vault, 'getAbstractFileByPath' | 'create' | 'process' | 'read' | 'createFolder'>;
	index: {
		/**
		 * False while the start-up pass (or one a settings change started) is reading note
		 * bodies: a log line newer than `last_contact` may not be in yet, so nothing is written.
		 */
		readonly complete: boolean;
		/** Resolves true once that reading is done (PeopleIndex.whenComplete). */
		whenComplete(): Promise<boolean>;
		readonly roster: { all(): Person[] };
		onChange(cb: () => void): () => void;
	};
	getSettings: () => KindredSettings;
	now: () => Date;
	/** Defaults to a Notice; tests may collect messages instead. */
	notify?: (message: string) => void;
	/** Wait after the last index change before an automatic rewrite. */
	delayMs?: number;
}

export type CalendarWrite =
	| { ok: true; path: string; events: number; written: boolean }
	| { ok: false; path: string; error: string };

/** Index changes come in bursts (a sync, a folder rename): rewrite once they settle. */
export const AUTO_UPDATE_DELAY_MS = 2000;

/**
 * Why the calendar file setting cannot be written, or null: it must be a file ending in
 * .ics (never a note: a `.md` path would overwrite one) inside the vault (no `..` step,
 * no drive or network path; a leading `/` means the vault's root, as Obsidian reads it).
 * The settings tab refuses such a value as it is typed; data.json edited by hand or
 * synced in is checked here again before anything is written.
 */
export function calendarPathProblem(value: string): 'empty' | 'not-ics' | 'outside' | null {
	const v = value.trim();
	if (/^[/\\]*$/.test(v)) return 'empty';
	if (/^[A-Za-z]:/.test(v) || v.startsWith('\\') || v.split(/[/\\]/).some((part) => part === '..')) return 'outside';
	return /[^/\\]\.ics$/i.test(v) ? null : 'not-ics';
}

function parentFolders(path: string): string[] {
	const parts = path.split('/').slice(0, -1);
	return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function eventsText(n: number): string {
	return `${n} ${n === 1 ? 'event' : 'events'}`;
}

export class CalendarExport extends Component {
	private readonly deps: CalendarExportDeps;
	private timer = 0;
	/** Writes run one after another, so two never race on the same file. */
	private queue: Promise<unknown> = Promise.resolve();
	/** The last automatic-write error shown, so a failing path is reported once, not on every change. */
	private lastAutoError: string | null = null;

	constructor(deps: CalendarExportDeps) {
		super();
		this.deps = deps;
	}

	onload(): void {
		this.register(this.deps.index.onChange(() => this.schedule()));
		this.register(() => this.cancel());
		// A new day moves "today" for everyone overdue or never contacted: rewrite even when
		// no note changed, or their events would stay on the day of the last write.
		this.addChild(new DayClock(() => this.deps.now(), () => this.schedule()));
	}

	/** The command: write now and say where, and how many events. */
	async exportNow(): Promise<CalendarWrite> {
		// Written from everyone's logs, not the few read so far (an empty calendar before the index is ready).
		if (!this.deps.index.complete) this.notify('Reading your people first; the calendar follows in a moment.');
		if (!(await this.deps.index.whenComplete())) {
			const error = 'Kindred is still reading your people; try the export again in a moment.';
			this.notify(error);
			return { ok: false, path: this.deps.getSettings().icsPath.trim(), error };
		}
		const result = await this.write();
		if (!result.ok) this.notify(result.error);
		else {
			const what = `${eventsText(result.events)} in ${result.path}`;
			this.notify(result.written ? `Exported the reconnect calendar: ${what}.` : `The reconnect calendar is up to date: ${what}.`);
		}
		return result;
	}

	/** Build the calendar and write it when it differs from the file. Never throws. */
	write(): Promise<CalendarWrite> {
		const next = this.queue.then(() => this.writeOnce());
		this.queue = next.catch(() => undefined);
		return next;
	}

	/** True while an automatic rewrite is waiting for the index to settle. */
	get pending(): boolean {
		return this.timer !== 0;
	}

	/** Resolves when the writes started so far have finished. */
	async idle(): Promise<void> {
		await this.queue;
	}

	private schedule(): void {
		// The end of the reading is itself a change: the first write comes then.
		if (!this.deps.getSettings().icsAutoUpdate || !this.deps.index.complete) return;
		this.cancel();
		this.timer = window.setTimeout(() => {
			this.timer = 0;
			void this.autoWrite();
		}, this.deps.delayMs ?? AUTO_UPDATE_DELAY_MS);
	}

	private cancel(): void {
		if (this.timer) window.clearTimeout(this.timer);
		this.timer = 0;
	}

	private async autoWrite(): Promise<void> {
		// The setting may have been turned off, or a settings change started the reading over, while the timer ran.
		if (!this.deps.getSettings().icsAutoUpdate || !this.deps.index.complete) return;
		const result = await this.write();
		if (result.ok) {
			this.lastAutoError = null;
		} else if (result.error !== this.lastAutoError) {
			this.lastAutoError = result.error;
			this.notify(result.error);
		}
	}

	private async writeOnce(): Promise<CalendarWrite> {
		const settings = this.deps.getSettings();
		const problem = calendarPathProblem(settings.icsPath);
		const path = problem === 'outside' ? settings.icsPath.trim() : normalizePath(settings.icsPath.trim());
		const fail = (reason: string): CalendarWrite => ({
			ok: false,
			path,
			error: `Could not write the reconnect calendar to ${path}: ${reason}`,
		});
		if (problem === 'empty') return fail('no calendar file is set in the settings');
		if (problem === 'outside') return fail('the calendar file must be inside the vault');
		if (problem === 'not-ics') return fail('the calendar file must end in .ics (nothing else is overwritten)');
		const today = todayLocal(this.deps.now());
		const entries = calendarEntries(this.deps.index.roster.all(), today, settings);
		const text = calendarText(entries, today);
		const events = entries.length;
		const { vault } = this.deps;
		try {
			const existing = vault.getAbstractFileByPath(path);
			if (existing instanceof TFolder) return fail('that is a folder');
			if (existing instanceof TFile) {
				if ((await vault.read(existing)) === text) return { ok: true, path, events, written: false };
				// Read, compare and write in one step: sync or another device may have written it
				// since the read above (this runs in the background).
				let written = false;
				await vault.process(existing, (old) => {
					written = old !== text;
					return text;
				});
				return { ok: true, path, events, written };
			}
			for (const folder of parentFolders(path)) {
				const f = vault.getAbstractFileByPath(folder);
				if (f instanceof TFile) return fail(`${folder} is a file, not a folder`);
				if (!f) await vault.createFolder(folder);
			}
			await vault.create(path, text);
			return { ok: true, path, events, written: true };
		} catch (e) {
			return fail(e instanceof Error ? e.message : String(e));
		}
	}

	private notify(message: string): void {
		if (this.deps.notify) this.deps.notify(message);
		else new Notice(message, 8000);
	}
}
