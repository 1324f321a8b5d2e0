/**
 * The status bar's "N to reconnect": people due now (overdue, due today, never
 * contacted). "Due soon" and "needs attention" are in the pane, not in this count.
 * Empty when nobody is due, so it takes no room. Updates when the index changes and
 * when the date changes; a click opens the due pane.
 *
 * An index change is not counted inside the event that reports it (that is the metadata
 * cache's `changed` handler, on the typing path): a burst of changes is coalesced into
 * one recount on the next animation frame, and the count is recomputed only when the
 * index revision, its readiness or the date moved since the text was last set.
 */
import { Component } from 'obsidian';
import { todayLocal } from '../core/dates';
import { DUE_NOW } from '../core/schedule';
import type { LocalDate, ScheduledPerson } from '../core/types';
import { DayClock } from './day-clock';

export function reconnectCount(list: readonly ScheduledPerson[]): number {
	let n = 0;
	for (const sp of list) if (DUE_NOW.has(sp.status)) n++;
	return n;
}

export function reconnectText(n: number): string {
	return n === 0 ? '' : `${n.toLocaleString('en')} to reconnect`;
}

export interface StatusBarDeps {
	index: {
		readonly ready: boolean;
		/** Moves whenever the people (or the settings) changed. */
		readonly revision: number;
		dueList(today: LocalDate): readonly ScheduledPerson[];
		onChange(cb: () => void): () => void;
	};
	now: () => Date;
	onClick: () => void;
}

export class StatusBarCount extends Component {
	private readonly el: HTMLElement;
	private readonly deps: StatusBarDeps;
	/** The pending animation frame's id; 0 when none. */
	private frame = 0;
	/** What the shown text was computed from; null before the first render. */
	private shown: { ready: boolean; revision: number; today: LocalDate } | null = null;

	constructor(el: HTMLElement, deps: StatusBarDeps) {
		super();
		this.el = el;
		this.deps = deps;
	}

	onload(): void {
		this.el.addClass('kindred-status');
		this.el.setAttribute('aria-label', 'Open people due to reconnect');
		this.registerDomEvent(this.el, 'click', () => this.deps.onClick());
		this.register(this.deps.index.onChange(() => this.requestRender()));
		this.register(() => this.cancelFrame());
		this.addChild(new DayClock(this.deps.now, () => this.render()));
		this.render();
	}

	/** Recount on the next frame; any number of changes before it cost one recount. */
	requestRender(): void {
		if (this.frame !== 0) return;
		this.frame = window.requestAnimationFrame(() => {
			this.frame = 0;
			this.render();
		});
	}

	/** Recount now, unless nothing it depends on moved since the text was set. */
	render(): void {
		this.cancelFrame();
		const index = this.deps.index;
		const ready = index.ready;
		const revision = index.revision;
		const today = todayLocal(this.deps.now());
		const shown = this.shown;
		if (shown !== null && shown.ready === ready && shown.revision === revision && shown.today === today) return;
		this.shown = { ready, revision, today };
		const n = ready ? reconnectCount(index.dueList(today)) : 0;
		this.el.setText(reconnectText(n));
		this.el.toggleClass('kindred-status-empty', n === 0);
	}

	private cancelFrame(): void {
		if (this.frame === 0) return;
		window.cancelAnimationFrame(this.frame);
		this.frame = 0;
	}
}
