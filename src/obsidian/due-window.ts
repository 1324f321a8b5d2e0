/**
 * Windowed rendering for the due pane: a scroller holding a spacer as tall as every item
 * together, and inside it a strip translated to the first drawn item. Only the items in
 * the viewport plus a margin exist as elements; scrolling adds and drops items at the
 * edges of the strip (keeping DOM order = visual order, so Tab and screen readers follow
 * the list) instead of rebuilding it. Knows nothing about people: it draws whatever
 * `draw` makes of an item.
 */
import { layoutOffsets, visibleRange, type DueItem, type ItemHeights } from './due-rows';

/** Pixels drawn above and below the viewport, so a fast flick does not show blanks. */
const OVERSCAN_PX = 480;
/** When the pane has no height yet (not laid out), draw as if it were this tall. */
const FALLBACK_VIEWPORT_PX = 800;

/** Draw one item into `parent` (a detached fragment) and return its root element. */
export type DrawItem = (parent: Node, item: DueItem) => HTMLElement;

export class DueWindow {
	readonly scrollerEl: HTMLElement;
	readonly stripEl: HTMLElement;
	private readonly spacerEl: HTMLElement;
	private items: readonly DueItem[] = [];
	private offsets: Float64Array = new Float64Array(1);
	private start = 0;
	private end = 0;

	constructor(
		parent: HTMLElement,
		private readonly draw: DrawItem,
	) {
		this.scrollerEl = parent.createDiv({ cls: 'kindred-due-scroller' });
		this.spacerEl = this.scrollerEl.createDiv({ cls: 'kindred-due-spacer' });
		this.stripEl = this.spacerEl.createDiv({ cls: 'kindred-due-strip' });
	}

	/** Replace the items (after a redraw) and draw the slice for `scrollTop`. */
	setItems(items: readonly DueItem[], heights: ItemHeights, scrollTop: number): void {
		this.items = items;
		this.offsets = layoutOffsets(items, heights);
		this.spacerEl.setCssProps({ '--kindred-total-height': `${this.totalHeight}px` });
		this.stripEl.empty();
		this.start = this.end = 0;
		// Put the offset back before drawing: a pane that was hidden may have lost it,
		// and the spacer may just have changed height under it.
		if (this.scrollerEl.scrollTop !== scrollTop) this.scrollerEl.scrollTop = scrollTop;
		this.update();
	}

	/** Draw the slice for the current scroll position, reusing the rows already drawn. */
	update(): void {
		const n = this.items.length;
		const viewport = this.scrollerEl.clientHeight || FALLBACK_VIEWPORT_PX;
		const { start, end } = visibleRange(this.offsets, this.scrollerEl.scrollTop, viewport, OVERSCAN_PX);
		if (start === this.start && end === this.end) return;
		const strip = this.stripEl;
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
		strip.setCssProps({ '--kindred-strip-offset': `${this.offsets[start] ?? 0}px` });
	}

	get totalHeight(): number {
		return this.offsets[this.items.length];
	}

	// Elements are built off-document and attached in one go: attaching each to a live
	// tree costs several times more (style and mutation bookkeeping per insertion).
	private build(from: number, to: number): DocumentFragment {
		const fragment = createFragment();
		for (let i = from; i < to; i++) this.draw(fragment, this.items[i]);
		return fragment;
	}
}
