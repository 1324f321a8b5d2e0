// @vitest-environment happy-dom
/**
 * The network review view: rendered in happy-dom with obsidian-test-mocks' leaf, first over
 * a fake index (a real Roster of built people) for what it shows and when it redraws, then
 * over a real vault, index, writer and actions for archiving a weed candidate, and finally
 * as the plugin registers and opens it.
 */
import { App, Plugin, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import type { PaneType } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Roster } from '../../src/core/roster';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import type { Person } from '../../src/core/types';
import KindredPlugin from '../../src/main';
import { KindredActions } from '../../src/obsidian/actions';
import { REVIEW_VIEW_TYPE, type ReviewViewDeps, type ReviewViewIndex } from '../../src/obsidian/due-view-deps';
import { LIST_LIMIT, ReviewView, SLOW_REVIEW_SETTLE_MS, innerCircleHint, innerCircleLine, targetsLine } from '../../src/obsidian/review-view';
import { NoteWriter } from '../../src/obsidian/writer';
import { PersonBuilder } from '../builders';
import { captureNotices, flush, freezeToday, makeVault, manifest, startIndex } from './harness';

/** The index as the view sees it, over a real Roster; counts how often the view read it. */
class FakeIndex implements ReviewViewIndex {
	readonly roster = new Roster();
	ready = true;
	complete = true;
	reads = 0;
	readonly listeners = new Set<() => void>();
	constructor() {
		const all = this.roster.all.bind(this.roster);
		this.roster.all = () => {
			this.reads++;
			return all();
		};
	}
	get revision(): number {
		return this.roster.revision;
	}
	onChange(cb: () => void): () => void {
		this.listeners.add(cb);
		return () => this.listeners.delete(cb);
	}
	put(...people: Person[]): void {
		for (const p of people) this.roster.upsert(p);
		for (const cb of [...this.listeners]) cb();
	}
}

const settings = defaultSettings();
const b = (name: string): PersonBuilder => new PersonBuilder(`People/${name}.md`, settings);

/** 14 people at trust 4 or 5, a one-sided friend, a drain silent since 2024, targets, circles. */
function network(): Person[] {
	const inner = Array.from({ length: 14 }, (_, i) =>
		b(`Inner ${String(i + 1).padStart(2, '0')}`)
			.trust(i < 4 ? 5 : 4)
			.lastContact('2026-11-01')
			.build(),
	);
	return [
		...inner,
		b('Rita Taker')
			.trust(3)
			.lastContact('2026-11-10')
			.circles(['climbing'])
			.entry('2026-11-10', { exchange: 'received', text: 'intro' })
			.entry('2026-09-10', { exchange: 'received', text: 'advice' })
			.entry('2026-06-10', { exchange: 'received', text: 'a lead' })
			.entry('2026-03-10', { exchange: 'received', text: 'a review' })
			.build(),
		b('Dan Drain').trust(2).energy('drains').lastContact('2024-03-01').build(),
		b('Cleo Climb').trust(3).lastContact('2026-11-01').circles(['climbing', 'design']).build(),
		b('Ola Solo').trust(3).lastContact('2026-11-01').circles(['chess']).knows(['[[Someone Else]]']).build(),
		...['T1', 'T2', 'T3', 'T4'].map((t) => b(`Target ${t}`).status('target').build()),
		b('Gone Archived').trust(2).status('archived').energy('drains').lastContact('2024-01-01').build(),
	];
}

interface Mounted {
	view: ReviewView;
	root: HTMLElement;
	openNote: ReturnType<typeof vi.fn<(path: string, where: PaneType | boolean) => void>>;
	archive: ReturnType<typeof vi.fn<(path: string) => Promise<{ ok: boolean } | null>>>;
	setShown: (shown: boolean) => void;
}

const mounted: ReviewView[] = [];

async function mount(
	index: ReviewViewIndex,
	over: Partial<ReviewViewDeps> = {},
	app = App.createConfigured__(),
): Promise<Mounted> {
	const leaf = WorkspaceLeaf.create2__(app);
	const openNote = vi.fn<(path: string, where: PaneType | boolean) => void>();
	const archive = vi.fn<(path: string) => Promise<{ ok: boolean } | null>>(() => Promise.resolve({ ok: false }));
	const deps: ReviewViewDeps = {
		index,
		getSettings: () => settings,
		now: () => new Date(),
		openNote: (path, newTab) => openNote(path, newTab),
		archive: (path) => archive(path),
		...over,
	};
	const view = new ReviewView(leaf.asOriginalType3__(), deps);
	let shown = true;
	view.containerEl.isShown = () => shown;
	document.body.appendChild(view.containerEl);
	view.load();
	await view.onOpen();
	mounted.push(view);
	return { view, root: view.contentEl, openNote, archive, setShown: (s) => (shown = s) };
}

function section(root: HTMLElement, id: string): HTMLElement {
	const el = root.querySelector<HTMLElement>(`[data-section="${id}"]`);
	if (!el) throw new Error(`no section ${id}`);
	return el;
}

function names(el: HTMLElement, list?: string): string[] {
	const scope = list ? el.querySelector<HTMLElement>(`[data-list="${list}"]`) : el;
	return Array.from(scope?.querySelectorAll('.kindred-review-person') ?? []).map((p) => p.textContent ?? '');
}

function text(el: Element): string {
	return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function button(root: HTMLElement, label: string): HTMLButtonElement {
	const el = Array.from(root.querySelectorAll('button')).find((x) => x.getAttribute('aria-label') === label || x.textContent === label);
	if (!el) throw new Error(`no button "${label}"`);
	return el;
}

beforeEach(() => freezeToday('2026-11-23'));
afterEach(async () => {
	for (const v of mounted.splice(0)) {
		await v.onClose();
		v.unload();
		v.containerEl.remove();
	}
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('words', () => {
	it.each([
		[{ count: 14, target: 12, status: 'over' as const }, '14 of 12 people with trust 4 or 5: over target by 2.'],
		[{ count: 9, target: 12, status: 'under' as const }, '9 of 12 people with trust 4 or 5: under target by 3.'],
		[{ count: 12, target: 12, status: 'on' as const }, '12 of 12 people with trust 4 or 5: on target.'],
	])('inner circle %j', (ic, want) => {
		expect(innerCircleLine(ic)).toBe(want);
		expect(innerCircleHint(ic.status)).toMatch(/^[A-Z][^A-Z]*$/);
	});

	it.each([
		[{ count: 4, limit: 3, overLimit: true }, '4 of 3 being cultivated: over the limit by 1. Finish with someone before adding more.'],
		[{ count: 3, limit: 3, overLimit: false }, '3 of 3 being cultivated: at the limit.'],
		[{ count: 1, limit: 3, overLimit: false }, '1 of 3 being cultivated: room for 2 more.'],
	])('targets %j', (t, want) => {
		expect(targetsLine(t)).toBe(want);
	});
});

describe('the review view', () => {
	it('is the "Network review" view, with a network icon', async () => {
		const { view } = await mount(new FakeIndex());
		expect(view.getViewType()).toBe(REVIEW_VIEW_TYPE);
		expect(view.getDisplayText()).toBe('Network review');
		expect(view.getIcon()).toBe('network');
	});

	it('renders every section for a small network', async () => {
		const index = new FakeIndex();
		index.put(...network());
		const { root } = await mount(index);

		expect(Array.from(root.querySelectorAll('h3')).map(text)).toEqual([
			'Inner circle',
			'Reciprocity',
			'Circles',
			'Reach',
			'Introductions',
			'Targets',
			'Weed candidates',
		]);

		const inner = section(root, 'inner-circle');
		expect(text(inner.querySelector('.kindred-review-lead')!)).toBe('14 of 12 people with trust 4 or 5: over target by 2.');
		expect(inner.querySelector('.kindred-review-over')).not.toBeNull();
		// Highest trust first, then by name.
		expect(names(inner)).toEqual(Array.from({ length: 14 }, (_, i) => `Inner ${String(i + 1).padStart(2, '0')}`));
		expect(text(inner.querySelector('[data-path="People/Inner 01.md"]')!)).toBe('Inner 01 trust 5');

		const recip = section(root, 'reciprocity');
		expect(text(recip.querySelector('.kindred-review-lead')!)).toBe(
			'Since 2025-11-24, across your network: gave 0, received 4.',
		);
		expect(text(recip.querySelector('[data-list="reciprocity"] li')!)).toBe('Rita Taker gave 0, received 4');
		expect(names(recip, 'give-first')).toEqual(['Rita Taker']);
		expect(text(recip.querySelector('[data-list="give-first"] .kindred-review-reason')!)).toMatch(/give before you ask/);

		const circles = section(root, 'circles');
		expect(Array.from(circles.querySelectorAll('.kindred-review-circle-row')).map(text)).toEqual([
			'climbing 2 people',
			'chess 1 person',
			'design 1 person',
		]);
		expect(Array.from(circles.querySelectorAll('.kindred-review-thin')).map(text)).toEqual(['chess 1 person', 'design 1 person']);
		expect(text(circles)).toContain('Thin, with one person each: chess, design.');

		// Everyone not archived; Someone Else has no note of their own.
		expect(text(section(root, 'reach').querySelector('p')!)).toBe('22 people directly, 1 more through them.');

		const intro = section(root, 'introductions');
		expect(intro.querySelectorAll('li')).toHaveLength(1);
		expect(names(intro)).toEqual(['Cleo Climb', 'Rita Taker']);
		expect(text(intro.querySelector('.kindred-review-reason')!)).toBe('both in climbing');
		expect(intro.querySelector('.kindred-review-pair')?.getAttribute('aria-hidden')).toBe('true');

		const targets = section(root, 'targets');
		const lead = targets.querySelector('.kindred-review-lead')!;
		expect(text(lead)).toBe('4 of 3 being cultivated: over the limit by 1. Finish with someone before adding more.');
		expect(lead.classList.contains('kindred-review-warning')).toBe(true);
		expect(names(targets)).toEqual(['Target T1', 'Target T2', 'Target T3', 'Target T4']);

		const weed = section(root, 'weed');
		// The most reasons first; the archived drain is never offered again.
		expect(names(weed)).toEqual(['Dan Drain', 'Rita Taker']);
		expect(Array.from(weed.querySelectorAll('[data-path="People/Rita Taker.md"] .kindred-review-reasons li')).map(text)).toEqual([
			'only received in the last 12 months (4 times, gave nothing)',
		]);
		expect(Array.from(weed.querySelectorAll('[data-path="People/Dan Drain.md"] .kindred-review-reasons li')).map(text)).toEqual([
			'drains your energy',
			expect.stringMatching(/^silent for over 2 years, since 2024-03-01/),
		]);
		expect(button(weed, 'Archive Dan Drain').textContent).toBe('Archive');
		expect(button(weed, 'Archive Rita Taker').textContent).toBe('Archive');
		expect(root.querySelector('script, [onclick]')).toBeNull();
	});

	it('lists circles largest first also when a circle is named like a number', async () => {
		const index = new FakeIndex();
		index.put(b('Ann').trust(3).circles(['work', '2019']).build(), b('Bob').trust(3).circles(['work']).build());
		const { root } = await mount(index);
		const circles = section(root, 'circles');
		expect(Array.from(circles.querySelectorAll('.kindred-review-circle-row')).map(text)).toEqual(['work 2 people', '2019 1 person']);
	});

	it('says so when a section is empty, and while the index is still reading', async () => {
		const index = new FakeIndex();
		index.ready = false;
		const { root, view } = await mount(index);
		expect(text(root)).toBe('Reading your people…');
		// Built, but logs and links are still being read: still waiting.
		index.ready = true;
		index.complete = false;
		index.put(b('Ana').trust(3).lastContact('2026-11-20').build());
		view.redraw();
		expect(text(root)).toBe('Reading your people…');
		index.complete = true;
		view.redraw();
		expect(text(section(root, 'reciprocity'))).toContain('No touchpoints marked gave or received in the last 12 months.');
		expect(text(section(root, 'introductions'))).toContain('None yet: no two people share a circle');
		expect(text(section(root, 'targets'))).toContain('No one marked as a target.');
		expect(text(section(root, 'weed'))).toContain('None: no one drains you');
		expect(text(section(root, 'inner-circle'))).toContain('0 of 12 people with trust 4 or 5: under target by 12.');
	});

	it('opens a person on click, in a new tab with Ctrl/Cmd or the middle button', async () => {
		const index = new FakeIndex();
		index.put(...network());
		const { root, openNote } = await mount(index);
		const dan = section(root, 'weed').querySelector<HTMLElement>('.kindred-review-person')!;
		dan.click();
		expect(openNote).toHaveBeenLastCalledWith('People/Dan Drain.md', false);
		dan.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true, metaKey: true }));
		expect(openNote).toHaveBeenLastCalledWith('People/Dan Drain.md', 'tab');
		section(root, 'introductions')
			.querySelectorAll<HTMLElement>('.kindred-review-person')[1]
			.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, button: 1 }));
		expect(openNote).toHaveBeenLastCalledWith('People/Rita Taker.md', 'tab');
		expect(openNote).toHaveBeenCalledTimes(3);
	});

	it('asks to archive a weed candidate, the button disabled until the write settles', async () => {
		const index = new FakeIndex();
		index.put(...network());
		let settle = (_: { ok: boolean }): void => undefined;
		const { root, archive } = await mount(index);
		archive.mockImplementation(() => new Promise<{ ok: boolean }>((resolve) => (settle = resolve)));
		const btn = button(root, 'Archive Dan Drain');
		btn.click();
		btn.click();
		expect(archive).toHaveBeenCalledTimes(1);
		expect(archive).toHaveBeenCalledWith('People/Dan Drain.md');
		expect(btn.hasAttribute('disabled')).toBe(true);
		settle({ ok: false });
		await flush();
		// Refused: the person is still listed and can be tried again.
		expect(btn.hasAttribute('disabled')).toBe(false);
		// Written: the button stays off until the index has seen the write, so a click in
		// between does not archive twice.
		btn.click();
		settle({ ok: true });
		await flush();
		expect(btn.hasAttribute('disabled')).toBe(true);
		btn.click();
		expect(archive).toHaveBeenCalledTimes(2);
	});

	it('cuts long lists, and shows them all on request', async () => {
		const index = new FakeIndex();
		index.put(...Array.from({ length: LIST_LIMIT + 5 }, (_, i) => b(`P${String(i).padStart(3, '0')}`).trust(4).build()));
		const { root } = await mount(index);
		const inner = section(root, 'inner-circle');
		expect(names(inner)).toHaveLength(LIST_LIMIT);
		button(inner, `Show all ${LIST_LIMIT + 5}`).click();
		expect(names(section(root, 'inner-circle'))).toHaveLength(LIST_LIMIT + 5);
		expect(root.querySelector('.kindred-review-more')).toBeNull();
	});

	it('waits for a pause in changes before recomputing a slow review, and follows each change of a quick one', async () => {
		const index = new FakeIndex();
		index.put(...network());
		// Every reading of the clock 0.2 s after the last: each review takes as long as a big vault's.
		let clock = 0;
		const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 200));
		const { root } = await mount(index);
		now.mockRestore();
		vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
		vi.setSystemTime(new Date('2026-11-23T12:00:00'));
		const reads = index.reads;
		// A burst of changes, as saves while typing: nothing recomputed during it…
		index.put(b('New Friend').trust(5).build());
		vi.advanceTimersByTime(1000);
		index.put(b('Other Friend').trust(5).build());
		vi.advanceTimersByTime(1000);
		expect(index.reads).toBe(reads);
		// …then once, after the pause, with both.
		vi.advanceTimersByTime(SLOW_REVIEW_SETTLE_MS);
		expect(index.reads).toBe(reads + 1);
		expect(names(section(root, 'inner-circle'))).toEqual(expect.arrayContaining(['New Friend', 'Other Friend']));
		// That review was quick (the clock is real again): the next change is drawn on the next frame.
		index.put(b('Third Friend').trust(5).build());
		vi.advanceTimersByTime(32);
		expect(names(section(root, 'inner-circle'))).toContain('Third Friend');
	});

	it('redraws only when the revision or today moved, and only while shown', async () => {
		const index = new FakeIndex();
		index.put(...network());
		const { root, view, setShown } = await mount(index);
		const reads = index.reads;
		view.redraw();
		view.onResize();
		expect(index.reads).toBe(reads);

		// Hidden: a change is not drawn…
		setShown(false);
		index.put(b('New Friend').trust(5).build());
		await new Promise((r) => window.requestAnimationFrame(() => r(null)));
		expect(index.reads).toBe(reads);
		// …until the view is shown again.
		setShown(true);
		view.onResize();
		expect(index.reads).toBe(reads + 1);
		expect(names(section(root, 'inner-circle'))).toContain('New Friend');

		// Shown: a change is drawn on the next frame.
		index.put(b('Other Friend').trust(5).build());
		await vi.waitFor(() => expect(names(section(root, 'inner-circle'))).toContain('Other Friend'));
		const afterChange = index.reads;

		// A new day, noticed on waking: redrawn once; nothing else moved, nothing redrawn.
		vi.setSystemTime(new Date('2026-11-24T08:00:00'));
		window.dispatchEvent(new Event('focus'));
		expect(index.reads).toBe(afterChange + 1);
		expect(text(root.querySelector('.kindred-review-date')!)).toBe('As of 2026-11-24');
		window.dispatchEvent(new Event('focus'));
		view.redraw();
		expect(index.reads).toBe(afterChange + 1);
	});

	it('stops listening when closed', async () => {
		const index = new FakeIndex();
		const { view } = await mount(index);
		expect(index.listeners.size).toBe(1);
		await view.onClose();
		expect(index.listeners.size).toBe(0);
	});
});

describe('archiving from the review, over a real vault', () => {
	const dan = `---
trust: 2 # an old colleague
status: active
energy: drains
last_contact: 2024-03-01
circles: [work]
---
# Dan

## Interactions
- 2024-03-01 (call) Complained for an hour.
`;
	const ana = '---\ntrust: 4\nlast_contact: 2026-11-01\n---\n# Ana\n';

	it('writes status: archived (nothing else changes) and the person leaves the weed list', async () => {
		const s: KindredSettings = defaultSettings();
		const vault = makeVault({ 'People/Dan Drain.md': dan, 'People/Ana.md': ana });
		const index = await startIndex(vault, () => s);
		const writer = new NoteWriter({ vault: vault.obsidian.vault, getSettings: () => s, now: () => new Date() });
		const actions = new KindredActions({
			app: vault.obsidian,
			index,
			writer,
			getSettings: () => s,
			saveSettings: () => Promise.resolve(),
			now: () => new Date(),
		});
		const notices = captureNotices();
		const { root } = await mount(
			index,
			{ getSettings: () => s, openNote: (p, t) => actions.openNote(p, t), archive: (p) => actions.archive(p) },
			vault.app,
		);
		expect(names(section(root, 'weed'))).toEqual(['Dan Drain']);

		button(root, 'Archive Dan Drain').click();
		await writer.idle();
		expect(await vault.read('People/Dan Drain.md')).toBe(dan.replace('status: active', 'status: archived'));
		await vi.waitFor(() => expect(names(section(root, 'weed'))).toEqual([]));
		expect(text(section(root, 'weed'))).toContain('None: no one drains you');
		expect(notices).toContain('Archived Dan Drain. The note and its history are kept.');
		// Archived people count nowhere in the review, and the note is still there.
		expect(text(section(root, 'reach').querySelector('p')!)).toBe('1 person directly, 0 more through them.');
		expect(index.get('People/Dan Drain.md')?.status).toBe('archived');
	});

	it('opens the note that was clicked', async () => {
		const s = defaultSettings();
		const vault = makeVault({ 'People/Ana.md': ana });
		const index = await startIndex(vault, () => s);
		const writer = new NoteWriter({ vault: vault.obsidian.vault, getSettings: () => s });
		const actions = new KindredActions({
			app: vault.obsidian,
			index,
			writer,
			getSettings: () => s,
			saveSettings: () => Promise.resolve(),
			now: () => new Date(),
		});
		const { root } = await mount(index, { openNote: (p, t) => actions.openNote(p, t) }, vault.app);
		section(root, 'inner-circle').querySelector<HTMLElement>('.kindred-review-person')!.click();
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('People/Ana.md'));
	});
});

describe('in the plugin', () => {

	it('registers the view and opens it once, in a tab, reusing it', async () => {
		const vault = makeVault({ 'People/Ana.md': '---\ntrust: 4\n---\n' });
		const plugin = new KindredPlugin(vault.obsidian, manifest);
		vi.spyOn(plugin, 'loadData').mockResolvedValue(null);
		plugin.load();
		await flush();
		vault.app.workspace.setLayoutReady__();
		await flush();
		await plugin.index?.logsRead;
		const registered = plugin as unknown as Plugin;
		expect([...registered.views__.keys()]).toContain(REVIEW_VIEW_TYPE);
		const view = registered.views__.get(REVIEW_VIEW_TYPE)?.(vault.obsidian.workspace.getLeaf(true));
		expect(view).toBeInstanceOf(ReviewView);
		await plugin.actions?.openReviewView();
		await plugin.actions?.openReviewView();
		expect(vault.app.workspace.getLeavesOfType(REVIEW_VIEW_TYPE)).toHaveLength(1);
		plugin.unload();
		// Leaves are never detached on unload.
		expect(vault.app.workspace.getLeavesOfType(REVIEW_VIEW_TYPE)).toHaveLength(1);
	});
});
