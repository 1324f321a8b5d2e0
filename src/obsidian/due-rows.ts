/**
 * The due pane's data model, kept free of the DOM: the action list grouped into core's
 * sections, filtered on data (name, alias, circle), flattened into one array of header
 * and row items with fixed heights, and the arithmetic that picks which items a scroll
 * position shows. The view only ever builds elements for that slice, so 10,000 people
 * cost one array, not 10,000 rows.
 */
import { DUE_SECTIONS, needsAction } from '../core/schedule';
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

export interface DueModel {
	/** Headers and rows in display order; rows of collapsed sections are left out. */
	items: DueItem[];
	/** People needing action, before the filter. */
	total: number;
	/** People needing action that match the filter, collapsed sections included. */
	matched: number;
}

/** Lower-case, trimmed, whitespace-separated terms; empty means "no filter". */
export function queryTerms(query: string): string[] {
	return query.toLowerCase().split(/\s+/).filter((t) => t !== '');
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
		h = text.toLowerCase();
		haystacks.set(p, h);
	}
	return h;
}

/** Every term found in the person's name, an alias or a circle (case-insensitive). */
export function matchesTerms(sp: ScheduledPerson, terms: readonly string[]): boolean {
	if (terms.length === 0) return true;
	const h = haystack(sp);
	return terms.every((t) => h.includes(t));
}

/**
 * Group the due list into core's sections (in core's order, so the pane reads like
 * `kindred due`), keep the list's order within each section, apply the filter and
 * flatten. Empty sections get no header.
 */
export function buildDueModel(
	list: readonly ScheduledPerson[],
	query: string,
	collapsed: ReadonlySet<DueStatus>,
): DueModel {
	const terms = queryTerms(query);
	const bySection = new Map<DueStatus, ScheduledPerson[]>();
	for (const s of DUE_SECTIONS) bySection.set(s.status, []);
	let total = 0;
	let matched = 0;
	for (const sp of list) {
		if (!needsAction(sp.status)) continue;
		total++;
		if (!matchesTerms(sp, terms)) continue;
		const rows = bySection.get(sp.status);
		if (rows === undefined) continue;
		rows.push(sp);
		matched++;
	}
	const items: DueItem[] = [];
	for (const s of DUE_SECTIONS) {
		const rows = bySection.get(s.status) ?? [];
		if (rows.length === 0) continue;
		const isCollapsed = collapsed.has(s.status);
		items.push({ kind: 'header', section: s.status, title: s.title, count: rows.length, collapsed: isCollapsed });
		if (isCollapsed) continue;
		for (const sp of rows) items.push({ kind: 'row', section: s.status, sp });
	}
	return { items, total, matched };
}

export interface ItemHeights {
	header: number;
	row: number;
}

/**
 * Top offset of every item plus the total height as the last entry (length n + 1).
 * Heights are fixed per kind, so this is one pass and never measures the DOM.
 */
export function layoutOffsets(items: readonly DueItem[], heights: ItemHeights): Float64Array {
	const offsets = new Float64Array(items.length + 1);
	let y = 0;
	for (let i = 0; i < items.length; i++) {
		offsets[i] = y;
		y += items[i].kind === 'header' ? heights.header : heights.row;
	}
	offsets[items.length] = y;
	return offsets;
}

/**
 * The items [start, end) that intersect the viewport widened by `overscan` pixels on
 * each side. Binary search, so a scroll costs O(log n) whatever the list length.
 */
export function visibleRange(
	offsets: Float64Array,
	scrollTop: number,
	viewportHeight: number,
	overscan: number,
): { start: number; end: number } {
	const n = offsets.length - 1;
	if (n <= 0) return { start: 0, end: 0 };
	const top = Math.max(0, scrollTop - overscan);
	const bottom = scrollTop + viewportHeight + overscan;
	// First item whose bottom edge is below `top`.
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (offsets[mid + 1] <= top) lo = mid + 1;
		else hi = mid;
	}
	const start = Math.min(lo, n - 1);
	let end = start;
	while (end < n && offsets[end] < bottom) end++;
	return { start, end: Math.max(end, start + 1) };
}

/**
 * The item that takes the place of item `index` once the item that was there has gone
 * (logged, snoozed, its section emptied): the one now at that position, else the
 * nearest, looking down before up. Only items of `kind` count: focus on a Log button
 * goes to another row, focus on a fold toggle to another header. -1 when there is none.
 */
export function replacementIndex(items: readonly DueItem[], index: number, kind: DueItem['kind']): number {
	const reach = Math.max(index, items.length - index);
	for (let d = 0; d <= reach; d++) {
		for (const i of d === 0 ? [index] : [index + d, index - d]) {
			if (i >= 0 && i < items.length && items[i].kind === kind) return i;
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
	// Already a sentence about the field: 'cadence "biweekly" is ambiguous; …'.
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
	const more = lines.length > 1 ? ` (+${lines.length - 1} more)` : '';
	return { text: lines[0] + more, title: lines.join('\n') };
}

/** "1 person", "1,204 people". */
export function countOf(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The line under the filter box. */
export function summaryText(model: DueModel, peopleCount: number, query: string): string {
	if (queryTerms(query).length > 0) return `${model.matched.toLocaleString('en')} of ${model.total.toLocaleString('en')} match`;
	return `${model.total.toLocaleString('en')} to reconnect · ${countOf(peopleCount, 'person', 'people')}`;
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
