/**
 * Tells its owner when the local date changed: at midnight, and on waking (a laptop lid
 * opened the next morning, a phone app brought back). A minute timer covers midnight and
 * fires soon after a wake; focus and visibility changes cover the rest at once.
 */
import { Component } from 'obsidian';
import { todayLocal } from '../core/dates';
import type { LocalDate } from '../core/types';

export class DayClock extends Component {
	private readonly now: () => Date;
	private readonly onNewDay: (today: LocalDate) => void;
	private today: LocalDate;

	constructor(now: () => Date, onNewDay: (today: LocalDate) => void) {
		super();
		this.now = now;
		this.onNewDay = onNewDay;
		this.today = todayLocal(now());
	}

	onload(): void {
		this.today = todayLocal(this.now());
		this.registerInterval(window.setInterval(() => this.check(), 60_000));
		this.registerDomEvent(document, 'visibilitychange', () => this.check());
		this.registerDomEvent(window, 'focus', () => this.check());
	}

	/** Fire when the date moved since the last check. */
	check(): void {
		const today = todayLocal(this.now());
		if (today === this.today) return;
		this.today = today;
		this.onNewDay(today);
	}
}
