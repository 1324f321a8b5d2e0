// @vitest-environment happy-dom
/**
 * The status bar count: coalesces index changes into one recount per animation frame,
 * never counts inside the change event itself, recounts only when the index revision,
 * its readiness or the date moved, follows the date at once, and leaves no frame behind
 * when unloaded. (The count itself: day-clock.test.ts; with the real plugin: main.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusBarCount } from '../../src/obsidian/status-bar';
import type { StatusBarDeps } from '../../src/obsidian/status-bar';
import type { DueStatus, LocalDate, ScheduledPerson } from '../../src/core/types';

interface FakeIndex {
	deps: StatusBarDeps['index'];
	/** Move the revision to `statuses` and tell the listeners, as the index does. */
	change(...statuses: DueStatus[]): void;
	/** Calls to dueList, by today. */
	asked: LocalDate[];
}

function fakeIndex(...initial: DueStatus[]): FakeIndex {
	let list = initial.map((status) => ({ status }) as ScheduledPerson);
	let revision = 1;
	const listeners = new Set<() => void>();
	const asked: LocalDate[] = [];
	const deps: StatusBarDeps['index'] = {
		ready: true,
		get revision() {
			return revision;
		},
		dueList: (today) => {
			asked.push(today);
			return list;
		},
		onChange: (cb) => {
			listeners.add(cb);
			return () => listeners.delete(cb);
		},
	};
	return {
		deps,
		asked,
		change: (...statuses) => {
			list = statuses.map((status) => ({ status }) as ScheduledPerson);
			revision++;
			for (const cb of listeners) cb();
		},
	};
}

let now = new Date(2026, 10, 23, 12);

function mount(index: FakeIndex): { bar: StatusBarCount; el: HTMLElement } {
	const el = document.body.createDiv();
	const bar = new StatusBarCount(el, { index: index.deps, now: () => now, onClick: () => {} });
	bar.load();
	return { bar, el };
}

/** Run pending animation frames. */
function frame(): void {
	vi.advanceTimersByTime(32);
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setInterval', 'clearInterval'] });
	now = new Date(2026, 10, 23, 12);
});
afterEach(() => {
	vi.useRealTimers();
	document.body.empty();
});

describe('the status bar count', () => {
	it('counts once on load', () => {
		const index = fakeIndex('overdue', 'never', 'soon');
		const { el } = mount(index);
		expect(el.textContent).toBe('2 to reconnect');
		expect(index.asked).toEqual(['2026-11-23']);
	});

	it('does not count inside the change event, and a burst of changes costs one recount on the next frame', () => {
		const index = fakeIndex('overdue');
		const { el } = mount(index);
		index.asked.length = 0;
		index.change('overdue', 'due');
		index.change('overdue', 'due', 'never');
		index.change('overdue', 'due', 'never', 'overdue');
		expect(index.asked).toEqual([]);
		expect(el.textContent).toBe('1 to reconnect');
		frame();
		expect(index.asked).toHaveLength(1);
		expect(el.textContent).toBe('4 to reconnect');
		frame();
		expect(index.asked).toHaveLength(1);
	});

	it('does not recount when nothing it depends on moved', () => {
		const index = fakeIndex('overdue');
		const { bar } = mount(index);
		bar.render();
		bar.render();
		expect(index.asked).toHaveLength(1);
		// The date moved: a recount for the new day.
		now = new Date(2026, 10, 24, 9);
		bar.render();
		expect(index.asked).toEqual(['2026-11-23', '2026-11-24']);
	});

	it('follows the date at once when the day changes (on wake)', () => {
		const index = fakeIndex('due');
		const { el } = mount(index);
		now = new Date(2026, 10, 24, 8);
		window.dispatchEvent(new Event('focus'));
		expect(index.asked).toEqual(['2026-11-23', '2026-11-24']);
		expect(el.textContent).toBe('1 to reconnect');
	});

	it('is empty (and marked so) when nobody is due now', () => {
		const index = fakeIndex('soon', 'invalid', 'ok');
		const { el } = mount(index);
		expect(el.textContent).toBe('');
		expect(el.hasClass('kindred-status-empty')).toBe(true);
		index.change('never');
		frame();
		expect(el.hasClass('kindred-status-empty')).toBe(false);
	});

	it('counts nothing until the index is ready', () => {
		const index = fakeIndex('overdue');
		(index.deps as { ready: boolean }).ready = false;
		const { el } = mount(index);
		expect(el.textContent).toBe('');
		expect(index.asked).toEqual([]);
	});

	it('leaves no pending frame and no listener behind when unloaded', () => {
		const index = fakeIndex('overdue');
		const { bar, el } = mount(index);
		index.change('overdue', 'due');
		bar.unload();
		frame();
		index.change('overdue', 'due', 'never');
		frame();
		expect(index.asked).toHaveLength(1);
		expect(el.textContent).toBe('1 to reconnect');
	});
});
