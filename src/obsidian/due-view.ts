/**
 * The "Due to reconnect" pane: a filter box, a summary, and the people who need action
 * in core's sections, drawn through a window so 10,000 people cost a few dozen rows.
 *
 * It holds no domain logic and does no vault I/O: it asks the index for the due list,
 * renders it, and hands clicks to the deps. When to redraw is RefreshableView's job: only
 * while shown, and only when something it shows could have changed (index revision,
 * today, filter, collapsed sections, settings); a hidden pane catches up when it is
 * revealed. A DayClock (as in the review and the status bar) tells it when the local date
 * moved: within a minute of midnight, and at once when the app wakes, so a row moves from
 * "due soon" to "due today" without a reload.
 */
import { Keymap, setIcon } from 'obsidian';
import type { DueStatus, LocalDate } from '../core/types';
import { describeDue } from '../core/words';
import { DayClock } from './day-clock';
import { DUE_VIEW_TYPE, type DueViewDeps } from './due-view-deps';
import { ACTION_ATTR, drawDueItem, type DueAction } from './due-draw';
import {
	buildDueModel,
	countOf,
	replacementIndex,
	NO_ITEMS,
	summaryParts,
	upToDateDetail,
	type DueItems,
	type ItemHeights,
} from './due-rows';
import { DueWindow } from './due-window';
import { RefreshableView, type OpenControl } from './refreshable-view';
import { elementOf } from './dom';

/** 'kindred-due': one constant, defined beside the deps so the plugin need not import the view. */
export const VIEW_TYPE_DUE = DUE_VIEW_TYPE;

/**
 * Item heights in pixels. The view sets them as CSS variables on its root and styles.css
 * sizes items from those variables, so the windowing arithmetic and the layout cannot
 * disagree. Phones get room for 44 px tap targets.
 */
export const ITEM_HEIGHTS: Readonly<Record<'desktop' | 'mobile', ItemHeights>> = Object.freeze({
	desktop: Object.freeze({ header: 34, row: 72 }),
	mobile: Object.freeze({ header: 44, row: 88 }),
});

/** A control's identity across redraws: its action and the row's path or section. */
function controlKey(el: Element): string | null {
	const action = el.getAttribute(ACTION_ATTR);
	if (action === null) return null;
	const owner = el.closest('[data-path], [data-section]');
	return `${action}\u0000${owner?.getAttribute('data-path') ?? owner?.getAttribute('data-section') ?? ''}`;
}

/** Where keyboard focus was in the list before a redraw: which control, on which item. */
interface FocusSpot {
	key: string;
	action: DueAction;
	/** The item's position in the list (headers and rows counted). */
	index: number;
	/** The row's person; null on a section header. */
	path: string | null;
}

export class DueView extends RefreshableView<DueViewDeps> {
	// Every field is initialised: the test double wraps views in a strict proxy that
	// throws on reading a property that was never set.
	private filterEl: HTMLInputElement | null = null;
	private summaryEl: HTMLElement | null = null;
	private problemsEl: HTMLElement | null = null;
	private problemsCountEl: HTMLElement | null = null;
	private emptyEl: HTMLElement | null = null;
	private list: DueWindow | null = null;
	private query = '';
	private readonly collapsed = new Set<DueStatus>();
	private scrollTop = 0;
	private scrollFrame = 0;
	/** A scroll came since the last frame: the frame redraws for the new position (see updateNextFrame). */
	private scrolled = false;

	getViewType(): string {
		return VIEW_TYPE_DUE;
	}

	getDisplayText(): string {
		return 'Due to reconnect';
	}

	getIcon(): string {
		return 'users';
	}

	protected build(root: HTMLElement): void {
		root.addClass('kindred-due-view');

		const top = root.createDiv({ cls: 'kindred-due-top' });
		this.filterEl = top.createEl('input', {
			cls: 'kindred-due-filter',
			type: 'search',
			attr: { 'aria-label': 'Filter people', placeholder: 'Filter by name, alias or circle', spellcheck: 'false' },
		});
		const line = top.createDiv({ cls: 'kindred-due-summary-line' });
		this.summaryEl = line.createDiv({ cls: 'kindred-due-summary', attr: { 'aria-live': 'polite' } });
		// Everyone whose note has a problem, listed here or not (an up-to-date person's bad
		// circles would otherwise show nowhere in the app until they are due): a count that
		// opens the list.
		const problems = line.createEl('button', { cls: 'kindred-due-problems kindred-hidden' });
		setIcon(problems.createSpan({ cls: 'kindred-due-warning-icon' }), 'alert-triangle');
		this.problemsCountEl = problems.createSpan();
		this.problemsEl = problems;
		this.listen(problems, 'click', () => this.deps.showProblems?.());
		const body = root.createDiv({ cls: 'kindred-due-body' });
		this.emptyEl = body.createDiv({ cls: 'kindred-due-empty kindred-hidden' });
		// `complete` unknown (an index without a background pass) counts as read.
		this.list = new DueWindow(body, (parent, item) =>
			drawDueItem(parent, item, { logsRead: this.deps.index.complete ?? true, snoozeKey: this.deps.getSettings().keys.snoozeUntil }),
		);

		const filter = this.filterEl;
		// Opened again after a close: the filter still applies, so it shows.
		filter.value = this.query;
		this.listen(filter, 'input', () => this.setQuery(filter.value));
		this.listen(filter, 'keydown', (evt) => {
			if ((evt as KeyboardEvent).key === 'Escape' && filter.value !== '') {
				evt.preventDefault();
				filter.value = '';
				this.setQuery('');
			}
		});
		this.listen(root, 'click', (evt) => this.onClick(evt as MouseEvent));
		this.listen(root, 'keydown', (evt) => this.onKeyDown(evt as KeyboardEvent));
		const scroller = this.list.scrollerEl;
		this.listen(scroller, 'scroll', () => this.onScroll(), { passive: true });

		// Midnight, or waking up after it: draw for the new day.
		const clock = this.addChild(new DayClock(() => this.deps.now(), () => this.redraw()));
		this.addCleanup(() => this.removeChild(clock));
	}

	/** The base drops listeners, subscriptions and the clock; this drops the scroll frame and elements. */
	protected onTeardown(): void {
		if (this.scrollFrame) this.containerEl.win.cancelAnimationFrame(this.scrollFrame);
		this.scrollFrame = 0;
		this.scrolled = false;
		this.list = null;
		this.filterEl = this.summaryEl = this.emptyEl = this.problemsEl = this.problemsCountEl = null;
	}

	onResize(): void {
		const list = this.list;
		if (list === null || !this.containerEl.isShown()) return;
		// A pane that was hidden may come back scrolled to the top.
		if (list.scrollerEl.scrollTop !== this.scrollTop) list.scrollerEl.scrollTop = this.scrollTop;
		this.redraw();
		list.update();
	}

	/** Besides today and the settings: the index, the item heights, the filter and the collapsed sections. */
	protected contentKey(): string {
		const index = this.deps.index;
		return [
			index.revision,
			index.ready,
			index.complete,
			index.peopleCount,
			this.isMobile(),
			this.query,
			[...this.collapsed].join(','),
		].join('\u0000');
	}

	protected draw(today: LocalDate): void {
		this.render(today, this.isMobile() ? ITEM_HEIGHTS.mobile : ITEM_HEIGHTS.desktop);
	}

	private isMobile(): boolean {
		return this.containerEl.doc.body.hasClass('is-mobile');
	}

	private render(today: LocalDate, heights: ItemHeights): void {
		const list = this.list;
		const summary = this.summaryEl;
		if (list === null || summary === null) return;
		this.contentEl.setCssProps({
			'--kindred-row-height': `${heights.row}px`,
			'--kindred-header-height': `${heights.header}px`,
		});
		// Where focus is, before the rows holding it are rebuilt or leave the list.
		const focus = this.focusSpot();
		const index = this.deps.index;
		this.drawProblems(index.ready ? (index.problemCount?.(today) ?? 0) : 0);
		if (!index.ready) {
			summary.setText('');
			this.showEmpty('Reading your people…');
			return;
		}
		if (index.peopleCount === 0) {
			summary.setText('');
			this.showEmpty('No people found', (el) => {
				el.createEl('p', { text: index.searchedDescription() });
				el.createEl('p', {
					text: 'Add a note there, or change where people are in the settings.',
					cls: 'kindred-due-empty-hint',
				});
			});
			return;
		}
		const model = buildDueModel(index.dueList(today), this.query, this.collapsed);
		// Each part kept whole ("215 people" never splits at the space); a line may break at a "·".
		summary.empty();
		summaryParts(model, index.peopleCount, this.query).forEach((part, i) => {
			if (i > 0) summary.appendText(' · ');
			summary.createSpan({ cls: 'kindred-due-summary-part', text: part });
		});
		if (model.total === 0) {
			const { tracked, next } = upToDateDetail(index.dueList(today, true));
			if (focus !== null) this.filterEl?.focus();
			this.showEmpty('Everyone is up to date', (el) => {
				el.createEl('p', { text: `${countOf(tracked, 'person', 'people')} tracked.` });
				if (next === null) return;
				const p = el.createEl('p', { attr: { 'data-path': next.person.path } });
				p.appendText('Next: ');
				p.createEl('button', {
					cls: 'kindred-due-name',
					text: next.person.name,
					attr: { [ACTION_ATTR]: 'open', title: next.person.path },
				});
				p.appendText(`, ${describeDue(next)}.`);
			});
			return;
		}
		if (model.matched === 0) {
			if (focus !== null) this.filterEl?.focus();
			this.showEmpty(`No one matches “${this.query.trim()}”`, (el) => {
				el.createEl('p', { text: 'The filter looks at names, aliases and circles.', cls: 'kindred-due-empty-hint' });
			});
			return;
		}
		this.emptyEl?.addClass('kindred-hidden');
		list.scrollerEl.removeClass('kindred-hidden');
		list.setItems(model.items, heights, this.scrollTop);
		this.scrollTop = list.scrollerEl.scrollTop;
		if (focus !== null) this.refocus(focus, model.items);
		// The rows in view are drawn; those around them come on the next frame.
		if (list.needsMargin) this.updateNextFrame();
	}

	/** The count beside the summary: hidden when no note has a problem or nothing can list them. */
	private drawProblems(count: number): void {
		const el = this.problemsEl;
		if (el === null || this.problemsCountEl === null) return;
		const shown = count > 0 && this.deps.showProblems !== undefined;
		el.toggleClass('kindred-hidden', !shown);
		if (!shown) return;
		const label = count === 1 ? "1 person's note has a problem: show it" : `${count.toLocaleString('en')} people's notes have problems: show them`;
		this.problemsCountEl.setText(count.toLocaleString('en'));
		// The accessible name is Obsidian's tooltip too (a title would show a second one).
		el.setAttribute('aria-label', label);
	}

	private showEmpty(title: string, detail?: (el: HTMLElement) => void): void {
		const el = this.emptyEl;
		if (el === null || this.list === null) return;
		el.empty();
		el.createDiv({ cls: 'kindred-due-empty-title', text: title });
		detail?.(el);
		el.removeClass('kindred-hidden');
		this.list.scrollerEl.addClass('kindred-hidden');
		this.list.setItems(NO_ITEMS, ITEM_HEIGHTS.desktop, this.scrollTop);
	}

	private setQuery(query: string): void {
		if (query === this.query) return;
		this.query = query;
		// New results start at the top, where the first match is.
		this.scrollTop = 0;
		this.redraw();
	}

	private onScroll(): void {
		const list = this.list;
		// A pane being hidden may report a reset offset; keep the one the user left.
		if (list === null || !this.containerEl.isShown()) return;
		this.scrollTop = list.scrollerEl.scrollTop;
		this.scrolled = true;
		this.updateNextFrame();
	}

	/**
	 * On the next animation frame (once, however often asked): after a scroll, the rows
	 * for the new position; otherwise the margin around the rows a redraw put in view.
	 */
	private updateNextFrame(): void {
		if (this.scrollFrame) return;
		this.scrollFrame = this.containerEl.win.requestAnimationFrame(() => {
			this.scrollFrame = 0;
			if (this.scrolled) this.list?.update();
			else this.list?.fillMargin();
			this.scrolled = false;
		});
	}

	private actionOf(evt: Event): { action: DueAction; el: HTMLElement; path: string | null } | null {
		const target = elementOf(evt.target);
		if (target === null) return null;
		const el = target.closest<HTMLElement>(`[${ACTION_ATTR}]`);
		if (el === null || !this.contentEl.contains(el)) return null;
		const action = el.getAttribute(ACTION_ATTR) as DueAction;
		const path = el.closest('[data-path]')?.getAttribute('data-path') ?? null;
		return { action, el, path };
	}

	private onClick(evt: MouseEvent): void {
		const hit = this.actionOf(evt);
		if (hit === null) {
			// Anywhere else on a row opens the note, as a row of Obsidian's file list does
			// (the row lights up under the pointer); not a click that ended a text selection.
			const row = elementOf(evt.target)?.closest<HTMLElement>('.kindred-due-row[data-path]');
			const path = row?.getAttribute('data-path');
			if (row && path && this.contentEl.contains(row) && (row.doc.getSelection()?.isCollapsed ?? true)) {
				this.deps.openNote(path, Keymap.isModEvent(evt));
			}
			return;
		}
		evt.preventDefault();
		if (hit.action === 'toggle') {
			const section = hit.el.closest('[data-section]')?.getAttribute('data-section') as DueStatus | undefined;
			if (section === undefined) return;
			if (this.collapsed.has(section)) this.collapsed.delete(section);
			else this.collapsed.add(section);
			this.redraw();
			return;
		}
		if (hit.path === null) return;
		if (hit.action === 'open') this.deps.openNote(hit.path, Keymap.isModEvent(evt));
		else if (hit.action === 'log') this.deps.logTouchpoint(hit.path);
		else if (hit.action === 'snooze') this.deps.snooze(hit.path);
	}

	protected openControlAt(evt: Event): OpenControl | null {
		const hit = this.actionOf(evt);
		return hit?.action === 'open' ? hit : null;
	}

	private onKeyDown(evt: KeyboardEvent): void {
		// Enter on a name is a click (the name is a button); Mod+Enter opens a new tab.
		if (evt.key !== 'Enter' || !Keymap.isModEvent(evt)) return;
		const hit = this.actionOf(evt);
		if (hit === null || hit.action !== 'open' || hit.path === null) return;
		evt.preventDefault();
		this.deps.openNote(hit.path, Keymap.isModEvent(evt));
	}

	/**
	 * The focused control in the list, if any: what it does, to whom, and at which
	 * position, so focus can go back to it (or to the row that took its place) after a
	 * redraw rebuilt the rows. Without this, logging from the keyboard moves the row out
	 * of its section, focus falls to the page and the next Tab starts at the top.
	 */
	private focusSpot(): FocusSpot | null {
		const list = this.list;
		const active = this.containerEl.doc.activeElement;
		if (list === null || active === null) return null;
		const key = controlKey(active);
		const index = list.indexOf(active);
		if (key === null || index < 0) return null;
		const path = active.closest('[data-path]')?.getAttribute('data-path') ?? null;
		return { key, action: active.getAttribute(ACTION_ATTR) as DueAction, index, path };
	}

	private refocus(spot: FocusSpot, items: DueItems): void {
		const list = this.list;
		if (list === null) return;
		for (const el of Array.from(list.stripEl.querySelectorAll<HTMLElement>(`[${ACTION_ATTR}]`))) {
			if (controlKey(el) === spot.key) {
				el.focus({ preventScroll: true });
				return;
			}
		}
		// Still listed, moved past the drawn rows (its last contact changed): follow that
		// person, so Enter acts on them and not on whoever took their place.
		const moved = spot.path === null ? -1 : items.indexOfPath(spot.path);
		const follow = moved < 0 ? null : list.elementAt(moved)?.querySelector<HTMLElement>(`[${ACTION_ATTR}="${spot.action}"]`);
		if (follow) {
			follow.focus();
			return;
		}
		// Gone from the list (logged, snoozed, section emptied): the same action on the
		// item now in its place, so the next Tab carries on from there.
		const i = replacementIndex(items, spot.index, spot.action === 'toggle' ? 'header' : 'row');
		const target = i < 0 ? null : list.elementAt(i)?.querySelector<HTMLElement>(`[${ACTION_ATTR}="${spot.action}"]`);
		if (target) target.focus();
		else this.filterEl?.focus();
	}
}
