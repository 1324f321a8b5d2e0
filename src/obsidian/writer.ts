/**
 * The one place the plugin edits a person note. Every edit is one `Vault.process` call
 * around a pure core function, so the read, the change and the write are atomic, and
 * positions are found in the text being edited (the metadata cache is stale right after
 * a write). Edits to the same file wait for each other in a per-path queue, so two quick
 * logs never lose one. A refused edit writes nothing new, shows a Notice naming the note
 * and the reason, and resolves to a result rather than throwing.
 */
import { MarkdownView, Notice, parseYaml } from 'obsidian';
import type { TFile, Vault, Workspace } from 'obsidian';
import { todayLocal } from '../core/dates';
import { applySnooze, applyStatus, applyTouchpoint } from '../core/note-edit';
import type { EditContext } from '../core/note-edit';
import type { KindredSettings } from '../core/settings';
import type { EditResult, LocalDate, LogEntry, ParseYaml, PersonStatus } from '../core/types';

export interface NoteWriterDeps {
	vault: Pick<Vault, 'process'>;
	getSettings: () => KindredSettings;
	/** Injectable clock: "today" decides what counts as a future date. */
	now?: () => Date;
	/** Defaults to a Notice; tests may collect messages instead. */
	notify?: (message: string) => void;
	parseYaml?: ParseYaml;
	/**
	 * Runs before each edit reads the note: the plugin saves an editor that has the note
	 * open (see saveOpenEditors), so what was typed in it a moment ago is in the text
	 * edited and not written over.
	 */
	beforeEdit?: (file: TFile) => Promise<void>;
}

/**
 * Save every editor that has `file` open. Obsidian saves typing about two seconds after
 * the last key; an edit of the file on disk inside that window would be edited without it.
 */
export async function saveOpenEditors(workspace: Pick<Workspace, 'getLeavesOfType'>, file: TFile): Promise<void> {
	for (const leaf of workspace.getLeavesOfType('markdown')) {
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === file.path) await view.save();
	}
}

export type WriteResult = { ok: true; changed: boolean } | { ok: false; error: string };

type Edit = (text: string, ctx: EditContext) => EditResult;

export class NoteWriter {
	private readonly deps: NoteWriterDeps;
	/** The tail of each file's queue of edits, by path. */
	private readonly queues: Map<string, Promise<unknown>> = new Map();

	constructor(deps: NoteWriterDeps) {
		this.deps = deps;
	}

	/** Add a log line and move `last_contact` forward, in one write. */
	logTouchpoint(file: TFile, entry: LogEntry): Promise<WriteResult> {
		return this.edit(file, (text, ctx) => applyTouchpoint(text, entry, ctx));
	}

	snooze(file: TFile, until: LocalDate): Promise<WriteResult> {
		return this.edit(file, (text, ctx) => applySnooze(text, until, ctx));
	}

	setStatus(file: TFile, status: PersonStatus): Promise<WriteResult> {
		return this.edit(file, (text, ctx) => applyStatus(text, status, ctx));
	}

	/** Resolves when every queued edit has settled (for tests and unload). */
	async idle(): Promise<void> {
		while (this.queues.size > 0) {
			await Promise.allSettled([...this.queues.values()]);
		}
	}

	private edit(file: TFile, apply: Edit): Promise<WriteResult> {
		const path = file.path;
		const run = (): Promise<WriteResult> => this.run(file, apply);
		const previous = this.queues.get(path) ?? Promise.resolve();
		const next = previous.then(run, run);
		this.queues.set(path, next);
		void next.finally(() => {
			if (this.queues.get(path) === next) this.queues.delete(path);
		});
		return next;
	}

	private async run(file: TFile, apply: Edit): Promise<WriteResult> {
		let outcome: EditResult | null = null;
		try {
			await this.deps.beforeEdit?.(file);
			await this.deps.vault.process(file, (text) => {
				const ctx: EditContext = {
					path: file.path,
					settings: this.deps.getSettings(),
					parseYaml: this.deps.parseYaml ?? parseYaml,
					today: todayLocal(this.deps.now?.() ?? new Date()),
				};
				outcome = apply(text, ctx);
				// Refused or nothing to change: hand back the very same text.
				return outcome.ok ? outcome.text : text;
			});
		} catch (e) {
			const reason = e instanceof Error ? e.message : String(e);
			outcome = { ok: false, error: `${file.path}: could not be written: ${reason}` };
		}
		const result = outcome as EditResult | null;
		if (result === null) return { ok: false, error: `${file.path}: could not be read` };
		if (!result.ok) {
			this.notify(result.error);
			return { ok: false, error: result.error };
		}
		return { ok: true, changed: result.changed };
	}

	private notify(message: string): void {
		if (this.deps.notify) this.deps.notify(message);
		else new Notice(message, 10_000);
	}
}
