/**
 * The base of Kindred's panes that draw from the people index (the due pane, the network
 * review), after Dataview's refreshable-view. A subclass says what its content depends
 * on (a key) and how to draw it; this class decides when to draw: only while the view is
 * shown and only when the key, today or the settings moved since the last draw. Index
 * changes are coalesced into one redraw per animation frame, and a hidden view catches up
 * on the next layout change. It owns the subscriptions (index, layout, DOM listeners), the
 * middle click that opens a note in a new tab, and teardown on close and unload. How a
 * subclass notices a new day stays with the subclass.
 */
import { ItemView, type PaneType, type WorkspaceLeaf } from 'obsidian';
import { todayLocal } from '../core/dates';
import type { KindredSettings } from '../core/settings';
import type { LocalDate } from '../core/types';

/** What the base needs from a view's deps; both views' deps are wider. */
export interface RefreshableViewDeps {
	index: {
		/** Subscribe to roster changes; returns the unsubscribe function. */
		onChange(cb: () => void): () => void;
	};
	getSettings(): KindredSettings;
	/** Injectable clock. */
	now(): Date;
	openNote(path: string, where: PaneType | boolean): void;
}

/** A control that opens a note; `path` null when it names none (then it does nothing). */
export interface OpenControl {
	path: string | null;
}

export abstract class RefreshableView<D extends RefreshableViewDeps = RefreshableViewDeps> extends ItemView {
	// Every field is initialised: the test double wraps views in a strict proxy that
	// throws on reading a property that was never set.
	protected readonly deps: D;
	/** What the drawn content was computed from; a redraw with the same key is skipped. */
	private drawnKey: string | null = null;
	private lastSettings: KindredSettings | null = null;
	private settingsGeneration = 0;
	private opened = false;
	private redrawFrame = 0;
	private cleanups: (() => void)[] = [];

	constructor(leaf: WorkspaceLeaf, deps: D) {
		super(leaf);
		this.deps = deps;
	}

	/**
	 * Build the view's fixed parts into the emptied `contentEl` and register its own
	 * listeners (with `listen`/`addCleanup`, so they go at teardown). Runs on every open.
	 */
	protected abstract build(root: HTMLElement): void;

	/** What the content depends on besides today and the settings (the base adds those). */
	protected abstract contentKey(): string;

	/** Draw the content; called only when shown and the key moved. */
	protected abstract draw(today: LocalDate, settings: KindredSettings): void;

	/** The note-opening control under the event, if any, for middle clicks. */
	protected abstract openControlAt(evt: Event): OpenControl | null;

	/** Drop the subclass's own frames, timers and element references. Safe to call twice. */
	protected onTeardown(): void {
		// Nothing by default: listeners and subscriptions are dropped by the base.
	}

	/** Public (the base is protected) so tests and the browser harness can open a view directly. */
	async onOpen(): Promise<void> {
		this.teardown();
		const root = this.contentEl;
		root.empty();
		this.opened = true;
		this.build(root);
		this.listen(root, 'auxclick', (evt) => this.onAuxClick(evt as MouseEvent));
		this.listen(root, 'mousedown', (evt) => {
			// A middle click on a name opens it in a new tab; do not start autoscroll.
			if ((evt as MouseEvent).button === 1 && this.openControlAt(evt) !== null) evt.preventDefault();
		});
		this.addCleanup(this.deps.index.onChange(() => this.requestRedraw()));
		// Revealing a view (sidebar expanded, tab switched) changes the layout: catch up then.
		const workspace = this.app.workspace;
		const layoutRef = workspace.on('layout-change', () => this.onResize());
		this.addCleanup(() => workspace.offref(layoutRef));
		this.redraw();
		await Promise.resolve();
	}

	/** Public for the same reason as onOpen. */
	async onClose(): Promise<void> {
		this.teardown();
		this.contentEl.empty();
		await Promise.resolve();
	}

	onunload(): void {
		// Also here, in case the view is unloaded without being closed first.
		this.teardown();
	}

	onResize(): void {
		this.redraw();
	}

	/** Redraw if shown and something the content depends on changed since the last draw. */
	redraw(): void {
		if (!this.opened || !this.containerEl.isShown()) return;
		const today = todayLocal(this.deps.now());
		const settings = this.deps.getSettings();
		if (settings !== this.lastSettings) {
			this.lastSettings = settings;
			this.settingsGeneration++;
		}
		const key = [today, this.settingsGeneration, this.contentKey()].join('\u0000');
		if (key === this.drawnKey) return;
		this.drawnKey = key;
		this.draw(today, settings);
	}

	/** Coalesce bursts of index changes into at most one redraw per frame. */
	protected requestRedraw(): void {
		if (this.redrawFrame || !this.opened) return;
		this.redrawFrame = this.containerEl.win.requestAnimationFrame(() => {
			this.redrawFrame = 0;
			this.redraw();
		});
	}

	/** Run `cleanup` at the next teardown (close, unload or reopen). */
	protected addCleanup(cleanup: () => void): void {
		this.cleanups.push(cleanup);
	}

	/** Add a DOM listener that is removed at teardown. */
	protected listen(
		target: EventTarget,
		type: string,
		handler: (evt: Event) => void,
		options?: AddEventListenerOptions,
	): void {
		target.addEventListener(type, handler, options);
		this.addCleanup(() => target.removeEventListener(type, handler, options));
	}

	private onAuxClick(evt: MouseEvent): void {
		if (evt.button !== 1) return;
		const hit = this.openControlAt(evt);
		if (hit === null || hit.path === null) return;
		evt.preventDefault();
		this.deps.openNote(hit.path, 'tab');
	}

	/** Drop every subscription, listener and pending frame. Safe to call twice. */
	private teardown(): void {
		for (const cleanup of this.cleanups.splice(0)) cleanup();
		if (this.redrawFrame) this.containerEl.win.cancelAnimationFrame(this.redrawFrame);
		this.redrawFrame = 0;
		this.opened = false;
		this.drawnKey = null;
		this.onTeardown();
	}
}
