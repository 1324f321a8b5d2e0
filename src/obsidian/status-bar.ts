/**
 * The status bar's "N to reconnect": people due now (overdue, due today, never
 * contacted). "Due soon" and "needs attention" are in the pane, not in this count.
 * Empty when nobody is due, so it takes no room. Updates when the index changes and
 * when the date changes; a click opens the due pane.
 */
import { Component } from 'obsidian';
import { todayLocal } from '../core/dates';
import type { DueStatus, LocalDate, ScheduledPerson } from '../core/types';
import { DayClock } from './day-clock';

const DUE_NOW: ReadonlySet<DueStatus> = new Set<DueStatus>(['overdue', 'due', 'never']);

export function reconnectCount(list: readonly ScheduledPerson[]): number {
	return list.filter((sp) => DUE_NOW.has(sp.status)).length;
}

export function reconnectText(n: number): string {
	return n === 0 ? '' : `${n} to reconnect`;
}

export interface StatusBarDeps {
	index: {
		readonly ready: boolean;
		dueList(today: LocalDate): ScheduledPerson[];
		onChange(cb: () => void): () => void;
	};
	now: () => Date;
	onClick: () => void;
}

export class StatusBarCount extends Component {
	private readonly el: HTMLElement;
	private readonly deps: StatusBarDeps;

	constructor(el: HTMLElement, deps: StatusBarDeps) {
		super();
		this.el = el;
		this.deps = deps;
	}

	onload(): void {
		this.el.addClass('kindred-status');
		this.el.setAttribute('aria-label', 'Open people due to reconnect');
		this.registerDomEvent(this.el, 'click', () => this.deps.onClick());
		this.register(this.deps.index.onChange(() => this.render()));
		this.addChild(new DayClock(this.deps.now, () => this.render()));
		this.render();
	}

	render(): void {
		const n = this.deps.index.ready ? reconnectCount(this.deps.index.dueList(todayLocal(this.deps.now()))) : 0;
		this.el.setText(reconnectText(n));
		this.el.toggleClass('kindred-status-empty', n === 0);
	}
}
