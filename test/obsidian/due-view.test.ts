// @vitest-environment happy-dom
// The due view rendered in happy-dom with obsidian-test-mocks' leaf, fed by a fake index
// over core's real Roster, people built by PersonBuilder, and a frozen clock.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import type { PaneType } from 'obsidian';
import { addDaysLocal } from '../../src/core/dates';
import { Roster } from '../../src/core/roster';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import type { LocalDate, Person, ScheduledPerson } from '../../src/core/types';
import type { DueViewDeps, DueViewIndex } from '../../src/obsidian/due-view-deps';
import { reconnectCount, reconnectText } from '../../src/obsidian/status-bar';
import { DueView, ITEM_HEIGHTS, VIEW_TYPE_DUE } from '../../src/obsidian/due-view';
import { PersonBuilder } from '../builders';

/** The index as the view sees it, over a real Roster. */
class FakeIndex implements DueViewIndex {
	readonly roster = new Roster();
	ready = true;
	complete = true;
	dueCalls = 0;
	readonly listeners = new Set<() => void>();
	constructor(private readonly settings: KindredSettings) {}
	get revision(): number {
		return this.roster.revision;
	}
	get peopleCount(): number {
		return this.roster.size;
	}
	problemCount(today: LocalDate): number {
		return this.roster.problemCount(today);
	}
	dueList(today: LocalDate, all = false): readonly ScheduledPerson[] {
		this.dueCalls++;
		return this.roster.dueList(today, this.settings, { all });
	}
	onChange(cb: () => void): () => void {
		this.listeners.add(cb);
		return () => this.listeners.delete(cb);
	}
	searchedDescription(): string {
		return 'Looked for notes in the folder "People" and notes tagged #person.';
	}
	/** Add or replace people, then tell listeners (as the real index does after a change). */
	put(...people: Person[]): void {
		for (const p of people) this.roster.upsert(p);
		this.emit();
	}
	emit(): void {
		for (const cb of [...this.listeners]) cb();
	}
}

const settings = defaultSettings();
const b = (name: string): PersonBuilder => new PersonBuilder(`People/${name}.md`, settings);

/** Monday 23 November 2026, 09:00 local time, in whatever TZ the suite runs. */
const MORNING = new Date(2026, 10, 23, 9, 0);

function cast(): Person[] {
	return [
		b('Ana Ruiz')
			.trust(4)
			.lastContact('2026-10-01')
			.aliases(['Anita'])
			.entry('2026-10-01', { channel: 'call', text: 'Talked about her move to Lisbon. '.repeat(10).trim() })
			.build(),
		b('Ben Ode').cadence('weekly').lastContact('2026-11-16').build(),
		b('Cy Park').cadence('monthly').lastContact('2026-10-26').circles(['work']).build(),
		b('Dee Lin').trust(5).build(),
		b('Eve Moss').cadence('every blue moon').build(),
		b('Fay Gold').cadence('monthly').lastContact('2026-11-20').build(),
		b('Gus Hale').trust(3).status('paused').build(),
	];
}

interface Mounted {
	view: DueView;
	/** What the view asked the plugin to do. */
	deps: ReturnType<typeof spies>;
	root: HTMLElement;
	/** happy-dom does no layout, so `isShown()` is whatever the test says. */
	setShown: (shown: boolean) => void;
}

const open: DueView[] = [];

function spies() {
	return {
		openNote: vi.fn<(path: string, where: PaneType | boolean) => void>(),
		logTouchpoint: vi.fn<(path: string) => void>(),
		snooze: vi.fn<(path: string) => void>(),
		showProblems: vi.fn<() => void>(),
	};
}

async function mount(index: FakeIndex): Promise<Mounted> {
	const app = App.createConfigured__();
	const leaf = WorkspaceLeaf.create2__(app);
	const calls = spies();
	const deps: DueViewDeps = {
		index,
		getSettings: () => settings,
		now: () => new Date(),
		openNote: (path, newTab) => calls.openNote(path, newTab),
		logTouchpoint: (path) => calls.logTouchpoint(path),
		snooze: (path) => calls.snooze(path),
		showProblems: () => calls.showProblems(),
	};
	const view = new DueView(leaf.asOriginalType3__(), deps);
	let shown = true;
	view.containerEl.isShown = () => shown;
	document.body.appendChild(view.containerEl);
	view.load();
	await view.onOpen();
	open.push(view);
	return { view, deps: calls, root: view.contentEl, setShown: (s) => (shown = s) };
}

/** Run pending animation frames (the view coalesces redraws and scrolls into frames). */
function frame(): void {
	vi.advanceTimersByTime(32);
}

function sections(root: HTMLElement): string[] {
	return Array.from(root.querySelectorAll('.kindred-due-header')).map((h) => h.textContent ?? '');
}
function rowNames(root: HTMLElement): string[] {
	return Array.from(root.querySelectorAll('.kindred-due-row .kindred-due-name')).map((n) => n.textContent ?? '');
}
function row(root: HTMLElement, name: string): HTMLElement {
	const el = root.querySelector<HTMLElement>(`.kindred-due-row[data-path="People/${name}.md"]`);
	if (el === null) throw new Error(`no row for ${name}`);
	return el;
}
function emptyText(root: HTMLElement): string {
	const el = root.querySelector('.kindred-due-empty');
	return el === null || el.hasClass('kindred-hidden') ? '' : (el.textContent ?? '');
}
function typeFilter(root: HTMLElement, text: string): void {
	const input = root.querySelector<HTMLInputElement>('input.kindred-due-filter');
	if (input === null) throw new Error('no filter box');
	input.value = text;
	input.dispatchEvent(new Event('input', { bubbles: true }));
}
function nodeCount(el: Node): number {
	const walker = document.createTreeWalker(el, NodeFilter.SHOW_ALL);
	let n = 0;
	while (walker.nextNode()) n++;
	return n;
}

beforeEach(() => {
	vi.useFakeTimers({ now: MORNING });
});
afterEach(async () => {
	for (const view of open.splice(0)) {
		await view.onClose();
		view.unload();
		view.containerEl.remove();
	}
	document.body.className = '';
	vi.useRealTimers();
});

describe('DueView: sections and rows', () => {
	it('is the kindred-due view', async () => {
		const { view } = await mount(new FakeIndex(settings));
		expect(view.getViewType()).toBe(VIEW_TYPE_DUE);
		expect(VIEW_TYPE_DUE).toBe('kindred-due');
		expect(view.getDisplayText()).toBe('Due to reconnect');
		expect(view.getIcon()).toBe('users');
	});

	it('shows the people needing action in sections with counts, in the due list order', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		expect(sections(root)).toEqual(['Overdue1', 'Due today1', 'Never contacted1', 'Due soon1', 'Needs attention1']);
		expect(rowNames(root)).toEqual(['Ana Ruiz', 'Ben Ode', 'Dee Lin', 'Cy Park', 'Eve Moss']);
		// Due now (overdue, due today, never contacted), as the status bar counts.
		expect(root.querySelector('.kindred-due-summary')?.textContent).toBe('3 to reconnect · 7 people');
		expect(reconnectText(reconnectCount(index.dueList('2026-11-23')))).toBe('3 to reconnect');
	});

	it('shows how overdue, the cadence, trust and the last note on a row', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const ana = row(root, 'Ana Ruiz');
		expect(ana.querySelector('.kindred-due-when')?.textContent).toBe('3 weeks overdue');
		expect(ana.querySelector('.kindred-due-cadence')?.textContent).toBe('monthly');
		const trust = ana.querySelector('.kindred-due-trust');
		expect(trust?.textContent).toBe('★★★★☆');
		expect(trust?.getAttribute('aria-label')).toBe('Trust 4 of 5');
		const note = ana.querySelector('.kindred-due-note');
		expect(note?.textContent?.endsWith('…')).toBe(true);
		const full = `2026-10-01 (call) ${'Talked about her move to Lisbon. '.repeat(10).trim()}`;
		expect(note?.getAttribute('title')).toBe(full);
		expect(row(root, 'Ben Ode').querySelector('.kindred-due-when')?.textContent).toBe('due today');
		expect(row(root, 'Cy Park').querySelector('.kindred-due-when')?.textContent).toBe('due in 3 days');
		expect(row(root, 'Dee Lin').querySelector('.kindred-due-when')?.textContent).toBe('never contacted');
	});

	it('names the field and the reason on a row that needs attention', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const problem = row(root, 'Eve Moss').querySelector('.kindred-due-problem');
		expect(problem?.textContent).toBe('cadence "every blue moon" is not a cadence (try monthly, every 3 weeks, 6w or 90d)');
		// The problem is the row's last line: no "no touchpoints" line under it.
		expect(row(root, 'Eve Moss').querySelector('.kindred-due-no-log')).toBeNull();
	});

	it('counts a problem that does not stop the schedule on the row, each one in the tooltip', async () => {
		const index = new FakeIndex(settings);
		index.put(
			b('Hal Roe').cadence('weekly').lastContact('2026-11-10').set(settings.keys.energy, 'loud').set(settings.keys.aliases, { x: 1 }).build(),
			b('Ivy Tan').cadence('weekly').lastContact('2026-11-10').build(),
		);
		const { root } = await mount(index);
		const hal = row(root, 'Hal Roe');
		// Still scheduled as usual, not "needs attention".
		expect(hal.querySelector('.kindred-due-when')?.textContent).toBe('6 days overdue');
		const warning = hal.querySelector('.kindred-due-warning');
		expect(warning?.textContent).toBe('2');
		// The accessible name is Obsidian's tooltip: no title to show a second one.
		expect(warning?.getAttribute('title')).toBeNull();
		expect(warning?.getAttribute('aria-label')).toBe(
			'2 problems: aliases "{"x":1}" must be a name or a list of names; energy "loud" must be one of gives, neutral, drains',
		);
		expect(row(root, 'Ivy Tan').querySelector('.kindred-due-warning')).toBeNull();
	});

	it('counts everyone with a problem beside the summary, up to date or not, and lists them on a click', async () => {
		const index = new FakeIndex(settings);
		index.put(
			// Up to date, so on no row: only the count tells of the bad circles...
			b('Fay Gold').cadence('monthly').lastContact('2026-11-20').set(settings.keys.circles, { x: 1 }).build(),
			// ...or of a log line dated tomorrow (a problem that depends on the day).
			b('Jo Lee').cadence('monthly').lastContact('2026-11-20').entry('2026-11-24', { text: 'typo' }).build(),
			b('Hal Roe').cadence('weekly').lastContact('2026-11-10').set(settings.keys.energy, 'loud').build(),
			b('Ivy Tan').cadence('weekly').lastContact('2026-11-10').build(),
		);
		const { root, deps } = await mount(index);
		expect(rowNames(root)).toEqual(['Hal Roe', 'Ivy Tan']);
		const sign = root.querySelector<HTMLElement>('.kindred-due-problems');
		expect(sign?.hasClass('kindred-hidden')).toBe(false);
		expect(sign?.textContent).toBe('3');
		expect(sign?.getAttribute('aria-label')).toBe("3 people's notes have problems: show them");
		expect(sign?.tagName).toBe('BUTTON');
		sign?.click();
		expect(deps.showProblems).toHaveBeenCalledTimes(1);
		// Notes mended: the count follows at the next draw, and goes when none is left.
		index.put(b('Fay Gold').cadence('monthly').lastContact('2026-11-20').build());
		index.put(b('Hal Roe').cadence('weekly').lastContact('2026-11-10').build());
		frame();
		expect(sign?.textContent).toBe('1');
		expect(sign?.getAttribute('aria-label')).toBe("1 person's note has a problem: show it");
		index.put(b('Jo Lee').cadence('monthly').lastContact('2026-11-20').entry('2026-11-20', { text: 'coffee' }).build());
		frame();
		expect(sign?.hasClass('kindred-hidden')).toBe(true);
	});

	it('says so on a row with no touchpoint logged, so every row has its note line', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const noteLine = (name: string): string | null | undefined => row(root, name).querySelector('.kindred-due-note')?.textContent;
		expect(noteLine('Dee Lin')).toBe('No touchpoints logged yet');
		expect(noteLine('Ben Ode')).toBe('No touchpoints logged yet');
		expect(noteLine('Ana Ruiz')).toMatch(/^Talked about her move/);
		expect(row(root, 'Ana Ruiz').querySelector('.kindred-due-no-log')).toBeNull();
	});

	it('gives every button an accessible name that says who it acts on', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const ana = row(root, 'Ana Ruiz');
		const labels = Array.from(ana.querySelectorAll('button')).map((el) => el.getAttribute('aria-label') ?? el.textContent);
		expect(labels).toEqual(['Ana Ruiz', 'Log a touchpoint with Ana Ruiz', 'Snooze Ana Ruiz']);
		expect(root.querySelector('input.kindred-due-filter')?.getAttribute('aria-label')).toBe('Filter people');
	});

	it('collapses and expands a section, remembering it across redraws', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const toggle = (): HTMLElement => root.querySelector<HTMLElement>('.kindred-due-header[data-section="overdue"] button')!;
		toggle().click();
		expect(rowNames(root)).not.toContain('Ana Ruiz');
		expect(toggle().getAttribute('aria-expanded')).toBe('false');
		expect(sections(root)[0]).toBe('Overdue1');
		index.put(b('Hal Reed').cadence('weekly').lastContact('2026-11-01').build());
		frame();
		expect(sections(root)[0]).toBe('Overdue2');
		expect(rowNames(root)).not.toContain('Ana Ruiz');
		toggle().click();
		expect(rowNames(root).slice(0, 2).sort()).toEqual(['Ana Ruiz', 'Hal Reed']);
		expect(toggle().getAttribute('aria-expanded')).toBe('true');
	});
});

describe('DueView: empty states say why', () => {
	it('while the index is being read', async () => {
		const index = new FakeIndex(settings);
		index.ready = false;
		const { root } = await mount(index);
		expect(emptyText(root)).toBe('Reading your people…');
		index.ready = true;
		index.put(...cast());
		frame();
		expect(emptyText(root)).toBe('');
		expect(rowNames(root)).toHaveLength(5);
	});

	it('when no person note was found, with where it looked', async () => {
		const { root } = await mount(new FakeIndex(settings));
		expect(emptyText(root)).toContain('No people found');
		expect(emptyText(root)).toContain('Looked for notes in the folder "People" and notes tagged #person.');
		expect(root.querySelector('.kindred-due-row')).toBeNull();
	});

	it('when everyone is up to date, with how many are tracked and who is next', async () => {
		const index = new FakeIndex(settings);
		index.put(
			b('Fay Gold').cadence('monthly').lastContact('2026-11-20').build(),
			b('Ida Bell').trust(2).lastContact('2026-11-01').build(),
			b('Gus Hale').trust(3).status('paused').build(),
		);
		const { root, deps } = await mount(index);
		const text = emptyText(root);
		expect(text).toContain('Everyone is up to date');
		expect(text).toContain('2 people tracked.');
		expect(text).toContain('Next: Fay Gold, due in 3 weeks.');
		root.querySelector<HTMLElement>('.kindred-due-empty .kindred-due-name')?.click();
		expect(deps.openNote).toHaveBeenCalledWith('People/Fay Gold.md', false);
	});

	it('when the filter matches nobody', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		typeFilter(root, 'zelda');
		expect(emptyText(root)).toContain('No one matches “zelda”');
		expect(root.querySelector('.kindred-due-row')).toBeNull();
		expect(root.querySelector('.kindred-due-summary')?.textContent).toBe('0 of 5 match');
		typeFilter(root, '');
		expect(rowNames(root)).toHaveLength(5);
	});
});

describe('DueView: filter', () => {
	it.each([
		['a name, any case', 'BEN', ['Ben Ode']],
		['an alias', 'anita', ['Ana Ruiz']],
		['a circle', 'work', ['Cy Park']],
	])('finds people by %s', async (_what, query, expected) => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		typeFilter(root, query);
		expect(rowNames(root)).toEqual(expected);
	});

	it('clears on Escape', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		typeFilter(root, 'ben');
		const input = root.querySelector<HTMLInputElement>('input.kindred-due-filter')!;
		input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		expect(input.value).toBe('');
		expect(rowNames(root)).toHaveLength(5);
	});
});

describe('DueView: actions', () => {
	async function mounted(): Promise<Mounted> {
		const index = new FakeIndex(settings);
		index.put(...cast());
		return mount(index);
	}

	it('opens the note on a click on the name; in a new tab, split or window with the modifiers Obsidian uses, or the middle button', async () => {
		const { root, deps } = await mounted();
		const name = row(root, 'Ana Ruiz').querySelector<HTMLElement>('.kindred-due-name')!;
		name.click();
		name.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
		name.dispatchEvent(new MouseEvent('click', { bubbles: true, metaKey: true, ctrlKey: true }));
		name.dispatchEvent(new MouseEvent('click', { bubbles: true, metaKey: true, ctrlKey: true, altKey: true }));
		name.dispatchEvent(new MouseEvent('click', { bubbles: true, metaKey: true, ctrlKey: true, altKey: true, shiftKey: true }));
		name.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }));
		name.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 2 }));
		expect(deps.openNote.mock.calls).toEqual([
			['People/Ana Ruiz.md', false],
			['People/Ana Ruiz.md', 'tab'],
			['People/Ana Ruiz.md', 'tab'],
			['People/Ana Ruiz.md', 'split'],
			['People/Ana Ruiz.md', 'window'],
			['People/Ana Ruiz.md', 'tab'],
		]);
	});

	it('opens the note in a new tab with Ctrl+Enter on the name', async () => {
		const { root, deps } = await mounted();
		const name = row(root, 'Cy Park').querySelector<HTMLElement>('.kindred-due-name')!;
		const evt = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
		name.dispatchEvent(evt);
		expect(evt.defaultPrevented).toBe(true);
		expect(deps.openNote).toHaveBeenCalledWith('People/Cy Park.md', 'tab');
		// With Alt, a split, as a click with the same keys.
		name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, altKey: true, bubbles: true, cancelable: true }));
		expect(deps.openNote).toHaveBeenLastCalledWith('People/Cy Park.md', 'split');
		// A plain Enter is left to the button, which turns it into a click.
		const plain = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
		name.dispatchEvent(plain);
		expect(plain.defaultPrevented).toBe(false);
	});

	it('hands Log and Snooze the row person', async () => {
		const { root, deps } = await mounted();
		const buttons = (name: string): HTMLElement[] =>
			Array.from(row(root, name).querySelectorAll<HTMLElement>('button.kindred-due-action'));
		buttons('Ben Ode')[0].click();
		buttons('Cy Park')[1].click();
		expect(deps.logTouchpoint.mock.calls).toEqual([['People/Ben Ode.md']]);
		expect(deps.snooze.mock.calls).toEqual([['People/Cy Park.md']]);
		expect(deps.openNote).not.toHaveBeenCalled();
	});

	it('offers no Snooze on a row that needs attention (it would stay there, snoozed or not)', async () => {
		const { root } = await mounted();
		const labels = (name: string): string[] =>
			Array.from(row(root, name).querySelectorAll('button.kindred-due-action'), (b) => b.textContent ?? '');
		expect(labels('Eve Moss')).toEqual(['Log']);
		expect(labels('Cy Park')).toEqual(['Log', 'Snooze']);
		// Its place is held, unseen and unheard, so Log lines up with the other rows'.
		const held = row(root, 'Eve Moss').querySelector('.kindred-due-placeholder');
		expect(held?.getAttribute('aria-hidden')).toBe('true');
		expect(held?.tagName).toBe('SPAN');
	});

	it('opens the note on a click anywhere else on the row, as a row of the file list does', async () => {
		const { root, deps } = await mounted();
		const meta = row(root, 'Ana Ruiz').querySelector<HTMLElement>('.kindred-due-note')!;
		meta.click();
		meta.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true }));
		expect(deps.openNote.mock.calls).toEqual([
			['People/Ana Ruiz.md', false],
			['People/Ana Ruiz.md', 'tab'],
		]);
		// Not a section header, the summary, or a button's own action.
		root.querySelector<HTMLElement>('.kindred-due-summary')!.click();
		row(root, 'Ana Ruiz').querySelector<HTMLElement>('[data-kindred-action="log"]')!.click();
		expect(deps.openNote).toHaveBeenCalledTimes(2);
		expect(deps.logTouchpoint).toHaveBeenCalledWith('People/Ana Ruiz.md');
	});

	it('keeps Snooze on a row whose snooze date cannot be read: a new snooze writes over it', async () => {
		const index = new FakeIndex(settings);
		index.put(b('Hal Roe').trust(3).lastContact('2026-11-01').snoozeUntil('2026-02-30').build());
		const { root } = await mount(index);
		expect(sections(root)).toEqual(['Needs attention1']);
		expect(Array.from(row(root, 'Hal Roe').querySelectorAll('button.kindred-due-action'), (el) => el.textContent)).toEqual(['Log', 'Snooze']);
	});
});

describe('DueView: redraws', () => {
	it('skips a redraw when the revision did not move, redraws when it did', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const calls = index.dueCalls;
		const firstRow = root.querySelector('.kindred-due-row');
		index.emit();
		index.put(cast()[0]); // the same person again: the roster keeps its revision
		frame();
		expect(index.dueCalls).toBe(calls);
		expect(root.querySelector('.kindred-due-row')).toBe(firstRow);

		index.put(b('Ben Ode').cadence('monthly').lastContact('2026-11-23').build());
		frame();
		expect(index.dueCalls).toBe(calls + 1);
		expect(rowNames(root)).not.toContain('Ben Ode');
		expect(sections(root)).not.toContain('Due today1');
	});

	it('puts focus back on the same control after a redraw rebuilt the rows', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const logCy = (): HTMLElement => row(root, 'Cy Park').querySelector<HTMLElement>('[data-kindred-action="log"]')!;
		const before = logCy();
		before.focus();
		expect(document.activeElement).toBe(before);
		index.put(b('Hal Reed').cadence('weekly').lastContact('2026-11-01').build());
		frame();
		expect(logCy()).not.toBe(before);
		expect(document.activeElement).toBe(logCy());
	});

	/** The Log button of a row, found afresh (a redraw rebuilds it). */
	const logButton = (root: HTMLElement, name: string): HTMLElement =>
		row(root, name).querySelector<HTMLElement>('[data-kindred-action="log"]')!;
	const focusedRow = (): string | null | undefined => document.activeElement?.closest('[data-path]')?.getAttribute('data-path');

	it('after a log moves the row out of the list, focuses Log on the row that took its place', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		// Items: Overdue, Ana, Due today, Ben, … Logging Ana removes her and the Overdue header.
		logButton(root, 'Ana Ruiz').focus();
		index.put(b('Ana Ruiz').trust(4).lastContact('2026-11-23').build());
		frame();
		expect(rowNames(root)).not.toContain('Ana Ruiz');
		expect(document.activeElement).toBe(logButton(root, 'Ben Ode'));
	});

	it('keeps the action: focus on Snooze goes to Snooze on the next row', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		row(root, 'Ben Ode').querySelector<HTMLElement>('[data-kindred-action="snooze"]')!.focus();
		index.put(b('Ben Ode').cadence('monthly').lastContact('2026-11-23').build());
		frame();
		expect(focusedRow()).toBe('People/Dee Lin.md');
		expect(document.activeElement?.getAttribute('data-kindred-action')).toBe('snooze');
	});

	it('anchors on a row that stayed in its section when the top row\'s person moves to another', async () => {
		const index = new FakeIndex(settings);
		const pad = (i: number): string => String(i).padStart(2, '0');
		index.put(
			...Array.from({ length: 30 }, (_, i) => b(`O${pad(i)}`).cadence('weekly').lastContact(addDaysLocal('2025-01-01', i)).build()),
			...Array.from({ length: 60 }, (_, i) => b(`N${pad(i)}`).trust(3).build()),
		);
		const { root } = await mount(index);
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		const { header, row: h } = ITEM_HEIGHTS.desktop;
		const top = header + 30 * h + header + 40 * h; // N40 at the top of the view
		scroller.scrollTop = top;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		// N40 is contacted long ago after all: off to "Overdue", far above. The view stays with N41.
		index.put(b('N40').trust(3).cadence('weekly').lastContact('2025-06-01').build());
		frame();
		expect(scroller.scrollTop).toBe(top);
		const strip = root.querySelector<HTMLElement>('.kindred-due-strip')!;
		const offset = parseFloat(strip.style.getPropertyValue('--kindred-strip-offset'));
		const k = Math.floor((scroller.scrollTop - offset) / h);
		// N41 is where it was, one row below the top (N39, pushed down by N40 joining "Overdue", is above it).
		expect(strip.children[k + 1]?.getAttribute('data-path')).toBe('People/N41.md');
	});

	it('follows a person who moved past the drawn rows, so Enter acts on them', async () => {
		const index = new FakeIndex(settings);
		// 300 overdue, the most overdue first.
		index.put(...Array.from({ length: 300 }, (_, i) => b(`P${String(i).padStart(3, '0')}`).cadence('weekly').lastContact(addDaysLocal('2025-01-01', i)).build()));
		const { root } = await mount(index);
		logButton(root, 'P000').focus();
		// P000 becomes the least overdue: the last row, far below the drawn ones.
		index.put(b('P000').cadence('weekly').lastContact('2026-11-15').build());
		frame();
		expect(focusedRow()).toBe('People/P000.md');
		expect(document.activeElement?.getAttribute('data-kindred-action')).toBe('log');
	});

	it('focuses the nearest row when the last row leaves', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		logButton(root, 'Eve Moss').focus();
		index.put(b('Eve Moss').cadence('monthly').lastContact('2026-11-23').build());
		frame();
		expect(rowNames(root)).not.toContain('Eve Moss');
		expect(document.activeElement).toBe(logButton(root, 'Cy Park'));
	});

	it('focuses the filter when the last person to reconnect with was logged', async () => {
		const index = new FakeIndex(settings);
		index.put(b('Ben Ode').cadence('weekly').lastContact('2026-11-16').build());
		const { root } = await mount(index);
		logButton(root, 'Ben Ode').focus();
		index.put(b('Ben Ode').cadence('monthly').lastContact('2026-11-23').build());
		frame();
		expect(emptyText(root)).toContain('Everyone is up to date');
		expect(document.activeElement).toBe(root.querySelector('input.kindred-due-filter'));
	});

	it('says the log is being read, not that there is none, until the index has read the notes', async () => {
		const index = new FakeIndex(settings);
		index.complete = false;
		index.put(...cast());
		const { root } = await mount(index);
		const note = (name: string): string | null | undefined => row(root, name).querySelector('.kindred-due-note')?.textContent;
		expect(note('Ben Ode')).toBe('Reading the log…');
		// A log already known (from a change event) is shown meanwhile.
		expect(note('Ana Ruiz')).toMatch(/^Talked about her move/);
		index.complete = true;
		index.emit();
		frame();
		expect(note('Ben Ode')).toBe('No touchpoints logged yet');
	});

	it('shows the filter still in force when the pane is opened again', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { view, root } = await mount(index);
		typeFilter(root, 'ana');
		await view.onClose();
		await view.onOpen();
		expect(view.contentEl.querySelector<HTMLInputElement>('input.kindred-due-filter')?.value).toBe('ana');
		expect(rowNames(view.contentEl)).toEqual(['Ana Ruiz']);
	});

	it('leaves focus alone when it was not in the list', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const outside = document.body.createEl('button', { text: 'Elsewhere' });
		outside.focus();
		index.put(b('Ana Ruiz').trust(4).lastContact('2026-11-23').build());
		frame();
		expect(document.activeElement).toBe(outside);
		outside.remove();
		expect(rowNames(root)).not.toContain('Ana Ruiz');
	});

	it('coalesces a burst of changes into one redraw per frame', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root } = await mount(index);
		const calls = index.dueCalls;
		for (let i = 0; i < 50; i++) index.put(b(`New ${i}`).trust(3).build());
		frame();
		expect(index.dueCalls).toBe(calls + 1);
		expect(sections(root)).toContain('Never contacted51');
	});

	it('does not redraw while hidden, and catches up when shown again', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { root, view, setShown } = await mount(index);
		const calls = index.dueCalls;
		setShown(false);
		index.put(b('Ben Ode').cadence('monthly').lastContact('2026-11-23').build());
		frame();
		expect(index.dueCalls).toBe(calls);
		expect(rowNames(root)).toContain('Ben Ode');
		setShown(true);
		view.onResize();
		expect(index.dueCalls).toBe(calls + 1);
		expect(rowNames(root)).not.toContain('Ben Ode');
	});

	it('moves a row from "due soon" to "due today" when local midnight passes, without a reload', async () => {
		vi.setSystemTime(new Date(2026, 10, 23, 23, 30));
		const index = new FakeIndex(settings);
		index.put(b('Cy Park').cadence('weekly').lastContact('2026-11-17').build());
		const { root } = await mount(index);
		expect(sections(root)).toEqual(['Due soon1']);
		expect(row(root, 'Cy Park').querySelector('.kindred-due-when')?.textContent).toBe('due tomorrow');
		vi.advanceTimersByTime(29 * 60 * 1000);
		expect(sections(root)).toEqual(['Due soon1']);
		// Within a minute of midnight (the clock looks once a minute).
		vi.advanceTimersByTime(2 * 60 * 1000);
		expect(sections(root)).toEqual(['Due today1']);
		expect(row(root, 'Cy Park').querySelector('.kindred-due-when')?.textContent).toBe('due today');
		// And the next midnight makes it overdue.
		vi.advanceTimersByTime(24 * 60 * 60 * 1000);
		expect(row(root, 'Cy Park').querySelector('.kindred-due-when')?.textContent).toBe('1 day overdue');
	});

	it('re-reads today when the app wakes (window focus, page visible)', async () => {
		const index = new FakeIndex(settings);
		index.put(b('Cy Park').cadence('weekly').lastContact('2026-11-17').build());
		const { root } = await mount(index);
		// The laptop slept through midnight: the clock jumped, no timer has fired yet.
		vi.setSystemTime(new Date(2026, 10, 24, 8, 0));
		window.dispatchEvent(new Event('focus'));
		expect(sections(root)).toEqual(['Due today1']);
		vi.setSystemTime(new Date(2026, 10, 25, 8, 0));
		document.dispatchEvent(new Event('visibilitychange'));
		expect(sections(root)).toEqual(['Overdue1']);
	});

	it('drops every subscription, listener and timer on close', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { view, root } = await mount(index);
		expect(index.listeners.size).toBe(1);
		await view.onClose();
		expect(index.listeners.size).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
		const calls = index.dueCalls;
		window.dispatchEvent(new Event('focus'));
		vi.advanceTimersByTime(2 * 24 * 60 * 60 * 1000);
		expect(index.dueCalls).toBe(calls);
		expect(root.childElementCount).toBe(0);
	});

	it('subscribes once however often it is opened, and unsubscribes on unload too', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const { view } = await mount(index);
		await view.onOpen();
		expect(index.listeners.size).toBe(1);
		view.unload();
		expect(index.listeners.size).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('sizes items from constants, taller on mobile', async () => {
		const index = new FakeIndex(settings);
		index.put(...cast());
		const desktop = await mount(index);
		expect(desktop.root.style.getPropertyValue('--kindred-row-height')).toBe(`${ITEM_HEIGHTS.desktop.row}px`);
		document.body.addClass('is-mobile');
		const mobile = await mount(index);
		expect(mobile.root.style.getPropertyValue('--kindred-row-height')).toBe(`${ITEM_HEIGHTS.mobile.row}px`);
		// A 44 px line of tap targets plus two lines of words under it.
		expect(ITEM_HEIGHTS.mobile.row).toBeGreaterThanOrEqual(44 + 2 * 20);
		expect(ITEM_HEIGHTS.mobile.header).toBeGreaterThanOrEqual(44);
	});


});

describe('DueView: 10,000 people', () => {
	const N = 10_000;
	const people: Person[] = [];
	let big: FakeIndex;
	/** The person 3,000 rows down the list, before the filter. */
	let needle: Person;

	beforeAll(() => {
		for (let i = 0; i < N; i++) {
			const day = 1 + (i % 28);
			const month = 1 + ((i * 7) % 11);
			people.push(
				b(`Person ${String(i).padStart(5, '0')}`)
					.trust(1 + (i % 5))
					.lastContact(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
					.circles([`circle-${i % 40}`])
					.entry('2026-01-01', { text: `Note ${i}` })
					.build(),
			);
		}
		const roster = new Roster();
		for (const p of people) roster.upsert(p);
		const list = roster.dueList('2026-11-23', settings);
		expect(list.length).toBeGreaterThan(3_500);
		needle = { ...list[3_000].person, aliases: ['Needle in the haystack'] };
		people[people.findIndex((p) => p.path === needle.path)] = needle;
	});

	beforeEach(() => {
		big = new FakeIndex(settings);
		for (const p of people) big.roster.upsert(p);
	});

	it('keeps the DOM bounded and draws further rows on scroll', async () => {
		const { view, root } = await mount(big);
		const nodes = nodeCount(view.containerEl);
		expect(nodes).toBeLessThanOrEqual(3_000);
		expect(root.querySelectorAll('.kindred-due-row').length).toBeLessThan(40);
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		const spacer = root.querySelector<HTMLElement>('.kindred-due-spacer')!;
		const total = parseFloat(spacer.style.getPropertyValue('--kindred-total-height'));
		expect(total).toBeGreaterThan(3_500 * ITEM_HEIGHTS.desktop.row);

		const before = rowNames(root);
		scroller.scrollTop = 100_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		const after = rowNames(root);
		expect(after).not.toEqual(before);
		expect(after.some((n) => before.includes(n))).toBe(false);
		expect(nodeCount(view.containerEl)).toBeLessThanOrEqual(3_000);
		const strip = root.querySelector<HTMLElement>('.kindred-due-strip')!;
		const offset = parseFloat(strip.style.getPropertyValue('--kindred-strip-offset'));
		expect(offset).toBeLessThanOrEqual(100_000);
		expect(offset).toBeGreaterThan(100_000 - 480 - ITEM_HEIGHTS.desktop.row);

		// A small scroll reuses the rows still in view.
		const kept = root.querySelectorAll('.kindred-due-row')[10];
		scroller.scrollTop = 100_000 + 3 * ITEM_HEIGHTS.desktop.row;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		expect(kept.isConnected).toBe(true);
		const names = rowNames(root);
		expect(names.length).toBeGreaterThan(10);
		expect(new Set(names).size).toBe(names.length);
	});

	it('draws the rows in view first and the margin around them on the next frame', async () => {
		const { root } = await mount(big);
		const { header, row: h } = ITEM_HEIGHTS.desktop;
		// happy-dom lays nothing out: the pane counts as 800 px tall, the margin is 480 px.
		const rowsAbove = (px: number): number => Math.ceil((px - header) / h);
		expect(rowNames(root)).toHaveLength(rowsAbove(800));
		frame();
		const withMargin = rowNames(root);
		expect(withMargin).toHaveLength(rowsAbove(800 + 480));
		// Scrolled down, a redraw (someone logged) draws the view, then the margin on both sides.
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		scroller.scrollTop = 100_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		const settled = rowNames(root).length;
		// The margin above too: more rows than at the top.
		expect(settled).toBeGreaterThan(rowsAbove(800 + 480));
		big.put({ ...people[0], lastContactField: '2026-11-22' });
		vi.advanceTimersToNextFrame();
		expect(rowNames(root).length).toBeLessThan(settled);
		vi.advanceTimersToNextFrame();
		expect(rowNames(root).length).toBe(settled);
	});

	it('draws the next rows at once when focus reaches the edge of the drawn rows, without waiting for a frame', async () => {
		const { root } = await mount(big);
		const drawn = (): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>('.kindred-due-row'));
		// Tab onto the last drawn row: the rows after it must exist before the next Tab.
		const last = drawn()[drawn().length - 1];
		const lastName = last.querySelector('.kindred-due-name')?.textContent ?? '';
		last.querySelector<HTMLElement>('[data-kindred-action="snooze"]')!.focus();
		const names = rowNames(root);
		expect(names.indexOf(lastName)).toBeLessThanOrEqual(names.length - 4);
		// Still in DOM order = list order, with no gap and no repeat.
		const paths = drawn().map((el) => el.getAttribute('data-path'));
		expect(new Set(paths).size).toBe(paths.length);
		// Shift+Tab at the top edge after a scroll draws the rows above, and the strip moves
		// up so the rows already drawn stay where they were.
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		scroller.scrollTop = 50_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		const strip = root.querySelector<HTMLElement>('.kindred-due-strip')!;
		const offsetBefore = parseFloat(strip.style.getPropertyValue('--kindred-strip-offset'));
		const first = drawn()[0];
		const firstName = first.querySelector('.kindred-due-name')?.textContent ?? '';
		first.querySelector<HTMLElement>('[data-kindred-action="open"]')!.focus();
		const after = rowNames(root);
		expect(after.indexOf(firstName)).toBeGreaterThanOrEqual(3);
		const offsetAfter = parseFloat(strip.style.getPropertyValue('--kindred-strip-offset'));
		expect(offsetBefore - offsetAfter).toBe(after.indexOf(firstName) * ITEM_HEIGHTS.desktop.row);
	});

	it('keeps the row at the top of the view in place when someone joins above it, and the top at the top', async () => {
		const { root } = await mount(big);
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		const firstShown = (): string | null => {
			const strip = root.querySelector<HTMLElement>('.kindred-due-strip')!;
			const offset = parseFloat(strip.style.getPropertyValue('--kindred-strip-offset'));
			const rows = Array.from(strip.children);
			// Items are all one row high in the middle of a section: count down from the strip's top.
			const k = Math.floor((scroller.scrollTop - offset) / ITEM_HEIGHTS.desktop.row);
			return rows[k]?.getAttribute('data-path') ?? null;
		};
		scroller.scrollTop = 50_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		const before = firstShown();
		expect(before).not.toBeNull();
		// The most overdue of all, new: one row above everyone.
		big.put(b('Aaron First').cadence('weekly').trust(5).lastContact('2025-01-01').build());
		frame();
		expect(scroller.scrollTop).toBe(50_000 + ITEM_HEIGHTS.desktop.row);
		expect(firstShown()).toBe(before);
		// At the top, the newcomer shows.
		scroller.scrollTop = 0;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		big.put(b('Aaron Second').cadence('weekly').trust(5).lastContact('2024-12-01').build());
		frame();
		expect(scroller.scrollTop).toBe(0);
		expect(rowNames(root)[0]).toBe('Aaron Second');
	});

	it('keeps focus in the list when the focused row scrolls out of the drawn rows', async () => {
		const { root } = await mount(big);
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		const button = root.querySelector<HTMLElement>('.kindred-due-row [data-kindred-action="log"]')!;
		button.focus();
		scroller.scrollTop = 100_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		expect(button.isConnected).toBe(false);
		// Not the page: PageDown keeps scrolling the list, and Tab carries on from it.
		expect(document.activeElement).toBe(scroller);
		expect(scroller.getAttribute('tabindex')).toBe('-1');
	});

	it('finds someone 3,000 rows down with the filter', async () => {
		const { root } = await mount(big);
		expect(rowNames(root)).not.toContain(needle.name);
		typeFilter(root, 'needle');
		expect(rowNames(root)).toEqual([needle.name]);
		expect(root.querySelector('.kindred-due-summary')?.textContent).toMatch(/^1 of [\d,]+ matches$/);
	});

	it('keeps the scroll position across redraws', async () => {
		const { root } = await mount(big);
		const scroller = root.querySelector<HTMLElement>('.kindred-due-scroller')!;
		scroller.scrollTop = 60_000;
		scroller.dispatchEvent(new Event('scroll'));
		frame();
		const before = rowNames(root);
		big.put(b('Newcomer').trust(2).build());
		frame();
		expect(scroller.scrollTop).toBe(60_000);
		// One person was added above (never contacted sorts before "soon"): the window shows
		// the same stretch of the list, moved by at most one row.
		const after = rowNames(root);
		expect(after.filter((n) => before.includes(n)).length).toBeGreaterThan(before.length - 3);
		// A pane that was hidden and comes back at the top is put back where it was.
		scroller.scrollTop = 0;
		open[open.length - 1].onResize();
		expect(scroller.scrollTop).toBe(60_000);
	});
});
