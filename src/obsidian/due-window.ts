/**
 * Windowed rendering for the due pane: a scroller holding a spacer as tall as every item
 * together, and inside it a strip translated to the first drawn item. Only the items in
 * the viewport plus a margin exist as elements; scrolling adds and drops items at the
 * edges of the strip (keeping DOM order = visual order, so Tab and screen readers follow
 * the list) instead of rebuilding it. Knows nothing about people: it draws whatever
 * `draw` makes of an item.
 */
import { DueLayout, NO_ITEMS, type DueItem, type DueItems, type ItemHeights } from './due-rows';

/** Pixels drawn above and below the viewport, so a fast flick does not show blanks. */
const OVERSCAN_PX = 480;
/** Rows in view tried as the scroll anchor (see anchored), at most. */
const ANCHOR_TRIES = 30;
/** When the pane has no height yet (not laid out), draw as if it were this tall. */
const FALLBACK_VIEWPORT_PX = 800;
/**
 * Items kept drawn on each side of the focused one. Tab moves focus in DOM order, so the
 * next stop must exist before the next key press; a row has three stops, so a few items
 * ahead cover any burst of presses between two focus events.
 */
const FOCUS_MARGIN = 4;

/** Draw one item into `parent` (a detached fragment) and return its root element. */
export type DrawItem = (parent: Node, item: DueItem) => HTMLElement;

export class DueWindow {
	readonly scrollerEl: HTMLElement;
	readonly stripEl: HTMLElement;
	private readonly spacerEl: HTMLElement;
	private items: DueItems = NO_ITEMS;
	private layout: DueLayout = new DueLayout(NO_ITEMS, { header: 0, row: 0 });
	private start = 0;
	private end = 0;
	/** True after setItems until fillMargin() or update() has drawn the overscan (see setItems). */
	private marginPending = false;

	constructor(
		parent: HTMLElement,
		private readonly draw: DrawItem,
	) {
		// Focusable from script only: it takes focus when the focused row scrolls out of the
		// drawn rows (see update), so keyboard scrolling and Tab carry on from the list.
		this.scrollerEl = parent.createDiv({ cls: 'kindred-due-scroller', attr: { tabindex: '-1' } });
		this.spacerEl = this.scrollerEl.createDiv({ cls: 'kindred-due-spacer' });
		this.stripEl = this.spacerEl.createDiv({ cls: 'kindred-due-strip' });
		// Scrolling draws on the next animation frame, and focus moved by Tab scrolls only
		// after the focus event: back-to-back Tabs could run past the last drawn row and
		// leave the list. So focus near either edge draws the next items right away. The
		// listener is on the window's own element and goes with it.
		this.stripEl.addEventListener('focusin', (evt) => {
			// A focus event's target is always an element inside the strip.
			const index = this.indexOf(evt.target as Node | null);
			if (index >= 0) this.drawAround(index);
		});
	}

	/**
	 * Replace the items (after a redraw) and draw the slice for `scrollTop`. Scrolled down,
	 * the row at the top of the view stays where it was when rows above it come or go (the
	 * start-up pass moves people between sections about once a second), as a browser's
	 * scroll anchoring would; at the top, the view stays at the top.
	 *
	 * Only the rows in view are drawn here: the margin above and below them is drawn by
	 * fillMargin() (or update()), which the caller runs on the next animation frame (see
	 * needsMargin). The first frame of a pane then costs the rows it shows and no more
	 * (about a third less at sidebar height), and a flick after that still finds rows.
	 */
	setItems(items: DueItems, heights: ItemHeights, scrollTop: number): void {
		const layout = new DueLayout(items, heights);
		scrollTop = this.anchored(items, layout, scrollTop);
		this.items = items;
		this.layout = layout;
		this.spacerEl.setCssProps({ '--kindred-total-height': `${this.totalHeight}px` });
		this.stripEl.empty();
		this.start = this.end = 0;
		// Put the offset back before drawing: a pane that was hidden may have lost it,
		// and the spacer may just have changed height under it.
		if (this.scrollerEl.scrollTop !== scrollTop) this.scrollerEl.scrollTop = scrollTop;
		this.drawSlice(0);
		this.marginPending = items.length > 0;
	}

	/** True when the rows around the view are still to be drawn: call fillMargin() (or update()) on the next frame. */
	get needsMargin(): boolean {
		return this.marginPending;
	}

	/**
	 * `scrollTop` moved by as much as the first row in view moved in the new items. A row
	 * whose person left its section (the start-up pass moves people between sections) or
	 * the list is no anchor: the next row in view that stayed in its section is.
	 */
	private anchored(items: DueItems, layout: DueLayout, scrollTop: number): number {
		const old = this.items;
		if (scrollTop <= 0 || old.length === 0) return scrollTop;
		const first = Math.min(this.layout.indexAt(scrollTop), old.length - 1);
		const last = Math.min(old.length, first + ANCHOR_TRIES);
		for (let i = first; i < last; i++) {
			const was = old.at(i);
			if (was.kind !== 'row') continue;
			const j = items.indexOfPath(was.sp.person.path);
			if (j >= 0 && items.at(j).section === was.section) return layout.offsetOf(j) - (this.layout.offsetOf(i) - scrollTop);
		}
		return scrollTop;
	}

	/** Draw the slice for the current scroll position and its margin, reusing the rows already drawn. */
	update(): void {
		this.marginPending = false;
		this.drawSlice(OVERSCAN_PX);
	}

	/**
	 * After setItems: draw the margin around the rows in view, removing nothing (a row
	 * drawn for focus stays). When focus drew a stretch away from the view, nothing: the
	 * scroll that focus makes draws the view.
	 */
	fillMargin(): void {
		if (!this.marginPending) return;
		this.marginPending = false;
		const { start, end } = this.range(OVERSCAN_PX);
		if (end >= this.start && start <= this.end) this.extendTo(start, end);
	}

	/** The items in view plus `margin` pixels above and below. */
	private range(margin: number): { start: number; end: number } {
		const viewport = this.scrollerEl.clientHeight || FALLBACK_VIEWPORT_PX;
		return this.layout.visibleRange(this.scrollerEl.scrollTop, viewport, margin);
	}

	/** Draw the rows in view plus `margin` pixels above and below, reusing those already drawn. */
	private drawSlice(margin: number): void {
		const n = this.items.length;
		const { start, end } = this.range(margin);
		if (start === this.start && end === this.end) return;
		const strip = this.stripEl;
		// Removing the focused row would drop focus to the page: PageDown would stop
		// scrolling the list and a screen reader would lose its place.
		const focused = this.indexOf(strip.doc.activeElement);
		if (focused >= 0 && (focused < start || focused >= end)) this.scrollerEl.focus({ preventScroll: true });
		if (n === 0 || end <= this.start || start >= this.end) {
			strip.empty();
			strip.append(this.build(start, end));
		} else {
			for (let i = this.start; i < start; i++) strip.firstElementChild?.remove();
			for (let i = end; i < this.end; i++) strip.lastElementChild?.remove();
			if (start < this.start) strip.prepend(this.build(start, this.start));
			if (end > this.end) strip.append(this.build(this.end, end));
		}
		this.start = start;
		this.end = end;
		strip.setCssProps({ '--kindred-strip-offset': `${this.layout.offsetOf(start)}px` });
	}

	/** The item index of the drawn element holding `node`, or -1. */
	indexOf(node: Node | null): number {
		let el = node;
		while (el !== null && el.parentNode !== this.stripEl) el = el.parentNode;
		if (el === null) return -1;
		return this.start + Array.prototype.indexOf.call(this.stripEl.children, el);
	}

	/** The drawn element of item `index`, drawing it (and its neighbours) first if needed. */
	elementAt(index: number): HTMLElement | null {
		if (index < 0 || index >= this.items.length) return null;
		this.drawAround(index);
		// Children of the strip are only ever what `draw` returned.
		return (this.stripEl.children[index - this.start] as HTMLElement | undefined) ?? null;
	}

	/**
	 * Make sure FOCUS_MARGIN items on each side of `index` are drawn, extending the strip
	 * synchronously. The next scroll update trims it back to the viewport.
	 */
	drawAround(index: number): void {
		const n = this.items.length;
		const from = Math.max(0, index - FOCUS_MARGIN);
		const to = Math.min(n, index + FOCUS_MARGIN + 1);
		if (from >= this.start && to <= this.end) return;
		if (this.end <= this.start || to < this.start || from > this.end) {
			// Nothing drawn next to it: draw just this stretch.
			this.stripEl.empty();
			this.stripEl.append(this.build(from, to));
			this.start = from;
			this.end = to;
			this.stripEl.setCssProps({ '--kindred-strip-offset': `${this.layout.offsetOf(from)}px` });
		} else this.extendTo(from, to);
	}

	/** Grow the drawn stretch, which touches [from, to), to cover it. */
	private extendTo(from: number, to: number): void {
		const strip = this.stripEl;
		if (from < this.start) {
			strip.prepend(this.build(from, this.start));
			this.start = from;
		}
		if (to > this.end) {
			strip.append(this.build(this.end, to));
			this.end = to;
		}
		strip.setCssProps({ '--kindred-strip-offset': `${this.layout.offsetOf(this.start)}px` });
	}

	get totalHeight(): number {
		return this.layout.total;
	}

	// Elements are built off-document and attached in one go: attaching each to a live
	// tree costs several times more (style and mutation bookkeeping per insertion).
	private build(from: number, to: number): DocumentFragment {
		const fragment = createFragment();
		for (let i = from; i < to; i++) this.draw(fragment, this.items.at(i));
		return fragment;
	}
}
