/**
 * The due pane's data model, kept free of the DOM: the action list grouped into core's
 * sections, filtered on data (name, alias, circle), seen as one sequence of header and
 * row items with fixed heights, and the arithmetic that picks which items a scroll
 * position shows. The view only ever builds elements for that slice.
 *
 * Nothing here costs one step per person unless a filter is typed: core's due list
 * already runs section by section, so without a filter each section is a stretch of it
 * found by binary search, items are made only for the rows drawn, and offsets come from
 * the few section sizes. Opening the pane on 10,000 people costs what opening it on 100
 * does. A filter looks at everyone (that is how it finds a person 3,000 rows down) and
 * keeps the matches, still no element per person.
 */
import { DUE_NOW, DUE_SECTIONS } from '../core/schedule';
import type { DueStatus, Problem, ScheduledPerson } from '../core/types';

export interface HeaderItem {
	kind: 'header';
	section: DueStatus;
	title: string;
	/** Rows in the section after filtering, collapsed or not. */
	count: number;
	collapsed: boolean;
}

export interface RowItem {
	kind: 'row';
	section: DueStatus;
	sp: ScheduledPerson;
}

export type DueItem = HeaderItem | RowItem;

/** One section as the pane shows it: a header, then `count` rows taken from `rows` at `from`. */
export interface SectionSlice {
	readonly header: HeaderItem;
	/** The due list itself (no copy) or the filter's matches. */
	readonly rows: readonly ScheduledPerson[];
	readonly from: number;
}

/**
 * The pane's items in display order, headers and rows, without an object per row: a row
 * item is made when it is asked for (only drawn rows are). Rows of collapsed sections are
 * left out.
 */
export class DueItems {
	readonly length: number;

	constructor(readonly sections: readonly SectionSlice[]) {
		let n = 0;
		for (const s of sections) n += 1 + shownRows(s);
		this.length = n;
	}

	/** The item at `index` (0 ≤ index < length). */
	at(index: number): DueItem {
		let base = 0;
		for (const s of this.sections) {
			const shown = shownRows(s);
			if (index === base) return s.header;
			if (index <= base + shown) return { kind: 'row', section: s.header.section, sp: s.rows[s.from + index - base - 1] };
			base += 1 + shown;
		}
		throw new RangeError(`no item ${index} in a list of ${this.length}`);
	}

	/** The position of `path`'s row, or -1 when it is not shown (filtered out, folded away, not listed). */
	indexOfPath(path: string): number {
		let base = 0;
		for (const s of this.sections) {
			const shown = shownRows(s);
			for (let k = 0; k < shown; k++) if (s.rows[s.from + k].person.path === path) return base + 1 + k;
			base += 1 + shown;
		}
		return -1;
	}

	/** What the item at `index` is, without making it. */
	kindAt(index: number): DueItem['kind'] {
		let base = 0;
		for (const s of this.sections) {
			if (index === base) return 'header';
			base += 1 + shownRows(s);
			if (index < base) return 'row';
		}
		throw new RangeError(`no item ${index} in a list of ${this.length}`);
	}
}

function shownRows(s: SectionSlice): number {
	return s.header.collapsed ? 0 : s.header.count;
}

export const NO_ITEMS = new DueItems([]);

export interface DueModel {
	/** Headers and rows in display order; rows of collapsed sections are left out. */
	items: DueItems;
	/** People needing action, before the filter. */
	total: number;
	/** Of those, the ones due now (overdue, due today, never contacted): the status bar's count. */
	dueNow: number;
	/** People needing action that match the filter, collapsed sections included. */
	matched: number;
}

/**
 * Text as the filter compares it: lower case, without accents ("José" and a decomposed
 * "José" from a macOS file name both read "jose"), so typing without accents finds a
 * name written with them. Text that is plain ASCII is only lower-cased.
 */
export function foldForFilter(text: string): string {
	const lower = text.toLowerCase();
	// eslint-disable-next-line no-control-regex -- a range of code points, not control characters in text
	return /^[\u0000-\u007f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Folded, whitespace-separated terms; empty means "no filter". */
export function queryTerms(query: string): string[] {
	return foldForFilter(query).split(/\s+/).filter((t) => t !== '');
}

// Person objects are replaced (never mutated) when a note changes, so a WeakMap keyed on
// them caches each person's searchable text for as long as that version lives.
const haystacks = new WeakMap<object, string>();

function haystack(sp: ScheduledPerson): string {
	const p = sp.person;
	let h = haystacks.get(p);
	if (h === undefined) {
		// A newline cannot be typed into the filter box, so terms never match across fields.
		let text = p.name;
		for (const alias of p.aliases) text += `\n${alias}`;
		for (const circle of p.circles) text += `\n${circle}`;
		h = foldForFilter(text);
		haystacks.set(p, h);
	}
	return h;
}

/** Every term found in the person's name, an alias or a circle (ignoring case and accents). */
export function matchesTerms(sp: ScheduledPerson, terms: readonly string[]): boolean {
	if (terms.length === 0) return true;
	const h = haystack(sp);
	return terms.every((t) => h.includes(t));
}

/** A status's place among the pane's sections; the statuses that need no action come after all of them. */
const SECTION_RANK: ReadonlyMap<DueStatus, number> = new Map(DUE_SECTIONS.map((s, i) => [s.status, i]));

function rankOf(sp: ScheduledPerson): number {
	return SECTION_RANK.get(sp.status) ?? DUE_SECTIONS.length;
}

/** The first position in `list` whose section rank is `rank` or more (the list runs section by section). */
function firstOfRank(list: readonly ScheduledPerson[], rank: number, lo: number): number {
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (rankOf(list[mid]) < rank) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Group the due list into core's sections (in core's order, so the pane reads like
 * `kindred due`), keep the list's order within each section, apply the filter. Empty
 * sections get no header. `list` is in core's due-list order (schedule.dueList), where
 * the sections follow each other in DUE_SECTIONS order: without a filter each section is
 * found by binary search, in a few steps whatever the list's length.
 */
export function buildDueModel(
	list: readonly ScheduledPerson[],
	query: string,
	collapsed: ReadonlySet<DueStatus>,
): DueModel {
	const terms = queryTerms(query);
	const sections: SectionSlice[] = [];
	const header = (rank: number, count: number): HeaderItem => {
		const { status, title } = DUE_SECTIONS[rank];
		return { kind: 'header', section: status, title, count, collapsed: collapsed.has(status) };
	};
	if (terms.length === 0) {
		let from = 0;
		let dueNow = 0;
		DUE_SECTIONS.forEach(({ status }, rank) => {
			const to = firstOfRank(list, rank + 1, from);
			if (to > from) sections.push({ header: header(rank, to - from), rows: list, from });
			if (DUE_NOW.has(status)) dueNow += to - from;
			from = to;
		});
		return { items: new DueItems(sections), total: from, dueNow, matched: from };
	}
	const matches: ScheduledPerson[][] = DUE_SECTIONS.map(() => []);
	let total = 0;
	let dueNow = 0;
	for (const sp of list) {
		const rank = rankOf(sp);
		if (rank >= DUE_SECTIONS.length) continue;
		total++;
		if (DUE_NOW.has(sp.status)) dueNow++;
		if (matchesTerms(sp, terms)) matches[rank].push(sp);
	}
	let matched = 0;
	matches.forEach((rows, rank) => {
		if (rows.length === 0) return;
		matched += rows.length;
		sections.push({ header: header(rank, rows.length), rows, from: 0 });
	});
	return { items: new DueItems(sections), total, dueNow, matched };
}

export interface ItemHeights {
	header: number;
	row: number;
}

/**
 * Where items sit, from the section sizes alone: heights are fixed per kind, so an item's
 * offset and the item at a given height are a little arithmetic per section, never a pass
 * over the rows and never a DOM measurement.
 */
export class DueLayout {
	/** The height of every item together. */
	readonly total: number;

	constructor(
		private readonly items: DueItems,
		private readonly heights: ItemHeights,
	) {
		let y = 0;
		for (const s of items.sections) y += heights.header + shownRows(s) * heights.row;
		this.total = y;
	}

	/** The top offset of item `index`; `items.length` gives the total height. */
	offsetOf(index: number): number {
		const { header, row } = this.heights;
		let base = 0;
		let y = 0;
		for (const s of this.items.sections) {
			const shown = shownRows(s);
			if (index <= base + shown) return index === base ? y : y + header + (index - base - 1) * row;
			base += 1 + shown;
			y += header + shown * row;
		}
		return y;
	}

	/** The first item whose bottom edge is below `y` (items.length when none is). */
	indexAt(y: number): number {
		const { header, row } = this.heights;
		let base = 0;
		let top = 0;
		for (const s of this.items.sections) {
			const shown = shownRows(s);
			if (y < top + header) return base;
			const k = Math.floor((y - top - header) / row);
			if (k < shown) return base + 1 + k;
			base += 1 + shown;
			top += header + shown * row;
		}
		return base;
	}

	/**
	 * The items [start, end) that intersect the viewport widened by `overscan` pixels on
	 * each side.
	 */
	visibleRange(scrollTop: number, viewportHeight: number, overscan: number): { start: number; end: number } {
		const n = this.items.length;
		if (n === 0) return { start: 0, end: 0 };
		const top = Math.max(0, scrollTop - overscan);
		const bottom = scrollTop + viewportHeight + overscan;
		const start = Math.min(this.indexAt(top), n - 1);
		// Past the last item whose top is above `bottom`.
		const last = this.indexAt(bottom);
		const end = last >= n ? n : this.offsetOf(last) < bottom ? last + 1 : last;
		return { start, end: Math.max(end, start + 1) };
	}
}

/** The items as far as replacementIndex needs them. */
export interface ItemKinds {
	readonly length: number;
	kindAt(index: number): DueItem['kind'];
}

/**
 * The item that takes the place of item `index` once the item that was there has gone
 * (logged, snoozed, its section emptied): the one now at that position, else the
 * nearest, looking down before up. Only items of `kind` count: focus on a Log button
 * goes to another row, focus on a fold toggle to another header. -1 when there is none.
 */
export function replacementIndex(items: ItemKinds, index: number, kind: DueItem['kind']): number {
	const reach = Math.max(index, items.length - index);
	for (let d = 0; d <= reach; d++) {
		for (const i of d === 0 ? [index] : [index + d, index - d]) {
			if (i >= 0 && i < items.length && items.kindAt(i) === kind) return i;
		}
	}
	return -1;
}

/* ---------- Words for one row, computed only for rows that get drawn ---------- */

const MAX_NOTE_CHARS = 160;

/** ★★★★☆ and its spoken form, or null when the note has no trust. */
export function trustDisplay(trust: number | null): { stars: string; label: string } | null {
	if (trust === null) return null;
	const t = Math.max(0, Math.min(5, Math.round(trust)));
	return { stars: '★'.repeat(t) + '☆'.repeat(5 - t), label: `Trust ${t} of 5` };
}

/**
 * The last logged note: short text for the row (CSS adds the ellipsis at the pane's
 * width; this only caps what goes into the DOM) and the full entry for the tooltip.
 */
export function lastNoteDisplay(sp: ScheduledPerson): { text: string; title: string } | null {
	const e = sp.lastEntry;
	if (e === null) return null;
	// "Gave:" stays in the row: giving before receiving is the point of the marker.
	const marker = e.exchange === 'gave' ? 'Gave:' : e.exchange === 'received' ? 'Received:' : '';
	const body = [marker, e.text.trim()].filter((s) => s !== '').join(' ');
	const head = [e.date, e.channel ? `(${e.channel})` : ''].filter((s) => s !== '').join(' ');
	const title = body === '' ? head : `${head} ${body}`;
	const text = body === '' ? head : body.length > MAX_NOTE_CHARS ? `${body.slice(0, MAX_NOTE_CHARS - 1)}…` : body;
	return { text, title };
}

/** Reasons that read as the rest of a sentence whose subject is the field. */
const PREDICATE = /^(?:is|are|must|has|uses|starts|could|cannot)\b/;

/**
 * A problem as a sentence for the row, the field as its subject:
 * `cadence "sometimes" is not a cadence (try …)`, `trust "lots" must be a whole number
 * from 1 to 5`, `frontmatter is not valid YAML …`. The command line keeps core's
 * `field: reason` columns (describeProblem); a row has room for one readable line.
 */
export function problemSentence(p: Problem): string {
	const { field, value, reason } = p;
	// Already a sentence about the field: 'frontmatter is not valid YAML …'.
	if (reason.startsWith(`${field} `)) return reason;
	// Starts with the value: '"sometimes" is not a cadence …'.
	if (reason.startsWith('"')) return `${field} ${reason}`;
	if (PREDICATE.test(reason)) {
		return value === '' || reason.includes(`"${value}"`) ? `${field} ${reason}` : `${field} "${value}" ${reason}`;
	}
	return `${field}: ${reason}`;
}

/** For "needs attention": the first problem on the row, every problem in the tooltip. */
export function problemDisplay(sp: ScheduledPerson): { text: string; title: string } | null {
	if (sp.problems.length === 0) return null;
	const lines = sp.problems.map(problemSentence);
	// The count first: the row cuts the sentence after two lines, and "(+1 more)" at its end went with it.
	const text = lines.length > 1 ? `${lines.length} problems: ${lines[0]}` : lines[0];
	return { text, title: lines.join('\n') };
}

/** "1 person", "1,204 people". */
export function countOf(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The line under the filter box, in parts a narrow pane may put on two lines, but not break (see summaryText). */
export function summaryParts(model: DueModel, peopleCount: number, query: string): string[] {
	if (queryTerms(query).length > 0) {
		return [`${model.matched.toLocaleString('en')} of ${model.total.toLocaleString('en')} ${model.matched === 1 ? 'matches' : 'match'}`];
	}
	// Due now, as the status bar counts; "due soon" and "needs attention" have their own headers.
	return [`${model.dueNow.toLocaleString('en')} to reconnect`, countOf(peopleCount, 'person', 'people')];
}

/** The line under the filter box, as one text. */
export function summaryText(model: DueModel, peopleCount: number, query: string): string {
	return summaryParts(model, peopleCount, query).join(' · ');
}

/** "Everyone is up to date": how many are tracked and who comes next. */
export function upToDateDetail(all: readonly ScheduledPerson[]): { tracked: number; next: ScheduledPerson | null } {
	let tracked = 0;
	let next: ScheduledPerson | null = null;
	for (const sp of all) {
		if (sp.status === 'untracked' || sp.status === 'archived' || sp.status === 'paused') continue;
		tracked++;
		if (sp.status === 'ok' && sp.due !== null && (next === null || (next.due !== null && sp.due < next.due))) next = sp;
	}
	return { tracked, next };
}
