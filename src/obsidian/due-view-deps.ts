/**
 * The narrow interface the due view is built against. The plugin (main.ts) wires the
 * real index, settings, clock and actions in; tests hand in fakes. Owned by plugin-core
 * so the pane and the plugin agree on one shape.
 */
import type { PaneType } from 'obsidian';
import type { KindredSettings } from '../core/settings';
import type { LocalDate, Person, ScheduledPerson } from '../core/types';

/** The due view's type, registered by the plugin and used to find its leaves. */
export const DUE_VIEW_TYPE = 'kindred-due';

/** What the view may ask of the people index. */
export interface DueViewIndex {
	/** Moves whenever any person changes; cheap to compare before re-rendering. */
	readonly revision: number;
	/** False until the first roster build has finished. */
	readonly ready: boolean;
	/** False while the start-up pass is still reading note bodies (their logs); absent counts as done. */
	readonly complete?: boolean;
	readonly peopleCount: number;
	dueList(today: LocalDate, all?: boolean): readonly ScheduledPerson[];
	/** Subscribe to roster changes; returns the unsubscribe function. */
	onChange(cb: () => void): () => void;
	/** Which folders, tag and marker were searched, for the empty state. */
	searchedDescription(): string;
	/** How many people have a problem on `today`, listed or not. */
	problemCount?(today: LocalDate): number;
}

export interface DueViewDeps {
	index: DueViewIndex;
	getSettings(): KindredSettings;
	/** Injectable clock. */
	now(): Date;
	/** `where`: Keymap.isModEvent's answer (a new tab, split or window), or false for the current tab. */
	openNote(path: string, where: PaneType | boolean): void;
	/** Opens the log modal for that person. */
	logTouchpoint(path: string): void;
	/** Opens the snooze modal for that person. */
	snooze(path: string): void;
	/** Lists everyone whose note has a problem (the pane's sign beside the summary). */
	showProblems?(): void;
}

/**
 * The network review view's type and deps, kept here beside the due view's so the
 * actions can open either view without importing a view class.
 */
export const REVIEW_VIEW_TYPE = 'kindred-review';

/** What the review view may ask of the people index. */
export interface ReviewViewIndex {
	/** Moves whenever any person or the settings changed. */
	readonly revision: number;
	/** False until the first roster build has finished. */
	readonly ready: boolean;
	/**
	 * False until every person note's body and links have been read (the index's
	 * background pass at start-up): the review weighs logs and links, so it waits.
	 */
	readonly complete: boolean;
	readonly roster: { all(): Person[] };
	/** Subscribe to roster changes; returns the unsubscribe function. */
	onChange(cb: () => void): () => void;
}

export interface ReviewViewDeps {
	index: ReviewViewIndex;
	getSettings(): KindredSettings;
	/** Injectable clock. */
	now(): Date;
	/** `where`: Keymap.isModEvent's answer (a new tab, split or window), or false for the current tab. */
	openNote(path: string, where: PaneType | boolean): void;
	/** Set the person's status to archived: the note and its history stay. Null when there is no such note. */
	archive(path: string): Promise<{ ok: boolean } | null>;
	/** Every note's vault path, so a `knows` link to a note that is not a person counts no one. */
	notePaths?(): Iterable<string>;
}
