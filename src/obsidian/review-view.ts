/**
 * The "Network review" view: what core's reviewNetwork computes, drawn as sections: the
 * inner circle against its target, reciprocity, the spread of circles, reach,
 * introductions, targets and the candidates to let go, each with an Archive button.
 *
 * Like the due pane it holds no domain logic and does no vault I/O: it asks core for the
 * review, draws it, and hands clicks to its deps (open a note, archive a person). When
 * to redraw is RefreshableView's job: only while shown and only when something it shows
 * could have changed (the index revision, today, the settings, the lists expanded). A
 * hidden view catches up when revealed, and the date is re-read at midnight and on
 * waking (DayClock).
 */
import { Keymap } from 'obsidian';
import { circlesBySize } from '../core/circles';
import type { LocalDate } from '../core/types';
import { reviewNetwork, type FillStatus, type InnerCircle, type NetworkReview, type Targets } from '../core/review';
import { noIntroductions } from '../core/review-text';
import type { KindredSettings } from '../core/settings';
import { DayClock } from './day-clock';
import { REVIEW_VIEW_TYPE, type ReviewViewDeps } from './due-view-deps';
import { RefreshableView, type OpenControl } from './refreshable-view';
import { elementOf, htmlElementOf } from './dom';

/** A control that opens the note at this path. */
const OPEN_ATTR = 'data-kindred-open';
/** A control that archives the person at this path. */
const ARCHIVE_ATTR = 'data-kindred-archive';
/** A "show all" control for the list named here. */
const MORE_ATTR = 'data-kindred-more';

/** Long lists show this many people until "Show all" is pressed (a vault may hold thousands). */
export const LIST_LIMIT = 50;

function countOf(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "14 of 12: over target by 2", "9 of 12: room for 3 more", "12 of 12: on target". */
export function innerCircleLine(ic: Pick<InnerCircle, 'count' | 'target' | 'status'>): string {
	const tail: Record<FillStatus, string> = {
		over: `over target by ${ic.count - ic.target}`,
		under: `under target by ${ic.target - ic.count}`,
		on: 'on target',
	};
	return `${ic.count} of ${ic.target} people with trust 4 or 5: ${tail[ic.status]}.`;
}

/** What a fill status asks of the reader, after the count. */
export function innerCircleHint(status: FillStatus): string {
	if (status === 'over') return 'More than you can keep close: consider who belongs at trust 3.';
	if (status === 'under') return 'Room for more: who would you trust with something that matters?';
	return 'A circle you can keep close.';
}

/** "2 of 3 being cultivated: room for 1 more", "4 of 3: over the limit by 1 …". */
export function targetsLine(t: Pick<Targets, 'count' | 'limit' | 'overLimit'>): string {
	if (t.overLimit) {
		return `${t.count} of ${t.limit} being cultivated: over the limit by ${t.count - t.limit}. Finish with someone before adding more.`;
	}
	if (t.count === t.limit) return `${t.count} of ${t.limit} being cultivated: at the limit.`;
	return `${t.count} of ${t.limit} being cultivated: room for ${t.limit - t.count} more.`;
}

/** A review slower than this to compute waits for a pause in changes (see requestRedraw). */
export const SLOW_REVIEW_MS = 100;
/** The pause it waits for. */
export const SLOW_REVIEW_SETTLE_MS = 1500;

export class ReviewView extends RefreshableView<ReviewViewDeps> {
	// Every field is initialised: the test double wraps views in a strict proxy that
	// throws on reading a property that was never set.
	/** Lists the reader expanded past LIST_LIMIT, by name. */
	private readonly expanded = new Set<string>();
	/** Paths with an archive write in flight: their button stays disabled. */
	private readonly archiving = new Set<string>();
	/**
	 * People archived here, with the index revision when the write ended: their button stays
	 * off until the index has seen the write (the row then leaves), so a second click in
	 * between does not archive twice.
	 */
	private readonly archivedAt = new Map<string, number>();
	/** How long the last review took to compute and draw, in ms (see requestRedraw). */
	private lastDrawMs = 0;
	/** The pending redraw of a slow review, waiting for a pause in changes; 0 when none. */
	private settleTimer = 0;

	getViewType(): string {
		return REVIEW_VIEW_TYPE;
	}

	/**
	 * A review that takes long to compute (tens of thousands of people: about a third of a
	 * second at 10,000) is not recomputed on every change, as typing in a note saves every
	 * two seconds: it waits for a pause in changes, so a burst costs one. A quick review
	 * follows each change on the next frame. The reader's own clicks redraw at once.
	 */
	protected requestRedraw(): void {
		if (this.lastDrawMs < SLOW_REVIEW_MS) {
			super.requestRedraw();
			return;
		}
		const win = this.containerEl.win;
		if (this.settleTimer) win.clearTimeout(this.settleTimer);
		this.settleTimer = win.setTimeout(() => {
			this.settleTimer = 0;
			super.requestRedraw();
		}, SLOW_REVIEW_SETTLE_MS);
	}

	protected onTeardown(): void {
		if (this.settleTimer) this.containerEl.win.clearTimeout(this.settleTimer);
		this.settleTimer = 0;
	}

	getDisplayText(): string {
		return 'Network review';
	}

	getIcon(): string {
		return 'network';
	}

	protected build(root: HTMLElement): void {
		root.addClass('kindred-review-view');
		this.listen(root, 'click', (evt) => this.onClick(evt as MouseEvent));
		const clock = this.addChild(new DayClock(() => this.deps.now(), () => this.redraw()));
		this.addCleanup(() => this.removeChild(clock));
	}

	/** Besides today and the settings: the index and which lists are expanded. */
	protected contentKey(): string {
		const index = this.deps.index;
		return [index.revision, index.ready, index.complete, [...this.expanded].join(',')].join('\u0000');
	}

	protected draw(today: LocalDate, settings: KindredSettings): void {
		const index = this.deps.index;
		const root = this.contentEl;
		const scrollTop = root.scrollTop;
		const focus = this.focusedControl();
		root.empty();
		// Logs and links arrive in the background pass: a review before it would undercount.
		if (!index.ready || !index.complete) {
			root.createDiv({ cls: 'kindred-review-empty', text: 'Reading your people…' });
			return;
		}
		const people = index.roster.all();
		if (people.length === 0) {
			root.createDiv({ cls: 'kindred-review-empty', text: 'No people found. Add person notes to see your network.' });
			return;
		}
		const started = performance.now();
		this.drawReview(root, reviewNetwork(people, today, settings, this.deps.notePaths?.()));
		this.lastDrawMs = performance.now() - started;
		root.scrollTop = scrollTop;
		if (focus) this.refocus(focus);
	}

	private drawReview(root: HTMLElement, r: NetworkReview): void {
		root.createDiv({ cls: 'kindred-review-date', text: `As of ${r.today}` });

		const inner = this.section(root, 'inner-circle', 'Inner circle');
		inner.createEl('p', {
			cls: `kindred-review-lead kindred-review-${r.innerCircle.status}`,
			text: innerCircleLine(r.innerCircle),
		});
		inner.createEl('p', { cls: 'kindred-review-hint', text: innerCircleHint(r.innerCircle.status) });
		this.people(inner, 'inner-circle', r.innerCircle.people, (li, p) => {
			if (p.trust !== null) li.createSpan({ cls: 'kindred-review-muted', text: ` trust ${p.trust}` });
		});

		const recip = this.section(root, 'reciprocity', 'Reciprocity');
		const t = r.reciprocityTotal;
		recip.createEl('p', {
			cls: 'kindred-review-lead',
			text: `Since ${t.since}, across your network: gave ${t.gave}, received ${t.received}.`,
		});
		if (r.reciprocity.length === 0) {
			this.empty(recip, 'No touchpoints marked gave or received in the last 12 months.');
		} else {
			this.people(recip, 'reciprocity', r.reciprocity, (li, row) => {
				li.createSpan({ cls: 'kindred-review-muted', text: ` gave ${row.gave}, received ${row.received}` });
			});
		}
		if (r.giveFirst.length > 0) {
			recip.createEl('h4', { cls: 'kindred-review-subheading', text: 'Give first' });
			this.people(recip, 'give-first', r.giveFirst, (li, row) => {
				li.createDiv({ cls: 'kindred-review-reason', text: row.reason });
			});
		}

		const circles = this.section(root, 'circles', 'Circles');
		const entries = circlesBySize(r.circles);
		if (entries.length > 0) {
			const list = circles.createEl('ul', { cls: 'kindred-review-list kindred-review-circles' });
			for (const [name, n] of entries) {
				const li = list.createEl('li', { cls: 'kindred-review-circle-row' });
				if (r.thinCircles.includes(name)) li.addClass('kindred-review-thin');
				li.createSpan({ cls: 'kindred-review-circle', text: name });
				li.createSpan({ cls: 'kindred-review-muted', text: ` ${countOf(n, 'person', 'people')}` });
			}
		}
		if (r.thinCircles.length > 0) {
			circles.createEl('p', {
				cls: 'kindred-review-hint',
				text: `Thin, with one person each: ${r.thinCircles.join(', ')}.`,
			});
		}
		for (const note of r.circleNotes) circles.createEl('p', { cls: 'kindred-review-hint', text: note });
		if (entries.length === 0 && r.circleNotes.length === 0) this.empty(circles, 'No circles yet.');

		const reach = this.section(root, 'reach', 'Reach');
		reach.createEl('p', {
			cls: 'kindred-review-lead',
			text: `${countOf(r.reach.direct, 'person', 'people')} directly, ${countOf(r.reach.secondDegree, 'more', 'more')} through them.`,
		});

		const intros = this.section(root, 'introductions', 'Introductions');
		if (r.introductions.length === 0) {
			this.empty(intros, noIntroductions(r));
		} else {
			const list = intros.createEl('ul', { cls: 'kindred-review-list' });
			for (const i of r.introductions) {
				const li = list.createEl('li', { cls: 'kindred-review-intro' });
				this.personButton(li, { path: i.a, name: i.aName });
				// The arrow is for the eye; a screen reader hears "Ana and Ben".
				li.createSpan({ cls: 'kindred-review-pair', text: ' ↔ ', attr: { 'aria-hidden': 'true' } });
				li.createSpan({ cls: 'kindred-review-visually-hidden', text: ' and ' });
				this.personButton(li, { path: i.b, name: i.bName });
				li.createDiv({ cls: 'kindred-review-reason', text: i.reason });
			}
		}

		const targets = this.section(root, 'targets', 'Targets');
		targets.createEl('p', {
			cls: `kindred-review-lead${r.targets.overLimit ? ' kindred-review-warning' : ''}`,
			text: targetsLine(r.targets),
		});
		if (r.targets.people.length === 0) this.empty(targets, 'No one marked as a target.');
		else this.people(targets, 'targets', r.targets.people);

		const weed = this.section(root, 'weed', 'Weed candidates');
		if (r.weed.length === 0) {
			this.empty(weed, 'None: no one drains you, has gone quiet or is one-sided.');
		} else {
			weed.createEl('p', {
				cls: 'kindred-review-hint',
				text: 'Archiving keeps the note and its history and takes the person out of the due list.',
			});
			this.people(weed, 'weed', r.weed, (li, w) => {
				const busy = this.archiving.has(w.path) || this.archivedAt.get(w.path) === this.deps.index.revision;
				li.createEl('button', {
					cls: 'kindred-review-archive',
					text: 'Archive',
					attr: { [ARCHIVE_ATTR]: w.path, 'aria-label': `Archive ${w.name}`, ...(busy ? { disabled: 'true' } : {}) },
				});
				const reasons = li.createEl('ul', { cls: 'kindred-review-reasons' });
				for (const reason of w.reasons) reasons.createEl('li', { text: reason });
			});
		}
	}

	private section(root: HTMLElement, id: string, title: string): HTMLElement {
		const el = root.createEl('section', { cls: 'kindred-review-section', attr: { 'data-section': id } });
		el.createEl('h3', { cls: 'kindred-review-heading', text: title });
		return el;
	}

	private empty(parent: HTMLElement, text: string): void {
		parent.createEl('p', { cls: 'kindred-review-none', text });
	}

	/** A list of people, each name a button that opens the note; long lists are cut with "Show all". */
	private people<T extends { path: string; name: string }>(
		parent: HTMLElement,
		list: string,
		rows: readonly T[],
		extra?: (li: HTMLElement, row: T) => void,
	): void {
		const ul = parent.createEl('ul', { cls: 'kindred-review-list', attr: { 'data-list': list } });
		const shown = this.expanded.has(list) ? rows : rows.slice(0, LIST_LIMIT);
		for (const row of shown) {
			const li = ul.createEl('li', { cls: 'kindred-review-item', attr: { 'data-path': row.path } });
			this.personButton(li, row);
			extra?.(li, row);
		}
		if (shown.length < rows.length) {
			parent.createEl('button', {
				cls: 'kindred-review-more',
				text: `Show all ${rows.length.toLocaleString('en')}`,
				attr: { [MORE_ATTR]: list },
			});
		}
	}

	private personButton(parent: HTMLElement, p: { path: string; name: string }): HTMLElement {
		return parent.createEl('button', {
			cls: 'kindred-review-person',
			text: p.name,
			attr: { [OPEN_ATTR]: p.path, title: p.path },
		});
	}

	/** The control under the event carrying `attr`, inside this view. */
	private target(evt: Event, attr: string): HTMLElement | null {
		const t = elementOf(evt.target);
		if (t === null) return null;
		const el = t.closest<HTMLElement>(`[${attr}]`);
		return el !== null && this.contentEl.contains(el) ? el : null;
	}

	private onClick(evt: MouseEvent): void {
		const open = this.target(evt, OPEN_ATTR);
		if (open) {
			evt.preventDefault();
			this.deps.openNote(open.getAttribute(OPEN_ATTR) ?? '', Keymap.isModEvent(evt));
			return;
		}
		const archive = this.target(evt, ARCHIVE_ATTR);
		if (archive) {
			evt.preventDefault();
			void this.archive(archive.getAttribute(ARCHIVE_ATTR) ?? '', archive);
			return;
		}
		const more = this.target(evt, MORE_ATTR);
		if (more) {
			evt.preventDefault();
			this.expanded.add(more.getAttribute(MORE_ATTR) ?? '');
			this.redraw();
		}
	}

	protected openControlAt(evt: Event): OpenControl | null {
		const open = this.target(evt, OPEN_ATTR);
		return open ? { path: open.getAttribute(OPEN_ATTR) ?? '' } : null;
	}

	/** Archive through the deps; the person leaves the list when the index sees the write. */
	private async archive(path: string, button: HTMLElement): Promise<void> {
		if (path === '' || this.archiving.has(path) || this.archivedAt.get(path) === this.deps.index.revision) return;
		this.archiving.add(path);
		button.setAttribute('disabled', 'true');
		let archived = false;
		try {
			archived = (await this.deps.archive(path))?.ok === true;
		} finally {
			this.archiving.delete(path);
			if (archived) this.archivedAt.set(path, this.deps.index.revision);
			// A refused write leaves the person listed: make the button usable again.
			else if (button.isConnected) button.removeAttribute('disabled');
		}
	}

	/** Which control had focus (its attribute and value), so a redraw can give it back. */
	private focusedControl(): { attr: string; value: string } | null {
		const active = htmlElementOf(this.containerEl.doc.activeElement);
		if (active === null || !this.contentEl.contains(active)) return null;
		for (const attr of [OPEN_ATTR, ARCHIVE_ATTR, MORE_ATTR]) {
			const value = active.getAttribute(attr);
			if (value !== null) return { attr, value };
		}
		return null;
	}

	private refocus(f: { attr: string; value: string }): void {
		for (const el of Array.from(this.contentEl.querySelectorAll<HTMLElement>(`[${f.attr}]`))) {
			if (el.getAttribute(f.attr) === f.value) {
				el.focus({ preventScroll: true });
				return;
			}
		}
	}
}
