/**
 * Plain-text rendering for the terminal: aligned columns, long cells cut with "…", and
 * colour only when writing to a terminal (never into a pipe or a file, never with
 * NO_COLOR set). Widths are counted in terminal columns, not UTF-16 units.
 */
import stringWidth from 'fast-string-width';
import { describeDue, describeProblem } from '../core/words';
import type { DueStatus, LogEntry, ScheduledPerson } from '../core/types';

export interface Style {
	color: boolean;
	/** Terminal width; null when unknown (not a terminal). */
	columns: number | null;
}

const CODES: Partial<Record<DueStatus, string>> = {
	overdue: '31', // red
	due: '33', // yellow
	soon: '36', // cyan
	never: '35', // magenta
	invalid: '1;31', // bold red
	ok: '32', // green
};

export function paint(text: string, code: string | undefined, style: Style): string {
	return style.color && code ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * Columns a string takes in a terminal: combining marks none, East Asian wide characters
 * and emoji two, an emoji sequence joined with ZWJ one glyph (fast-string-width's tables).
 */
export function displayWidth(s: string): number {
	return stringWidth(s.normalize('NFC'));
}

/** Splits text into what a reader sees as characters (an emoji sequence is one). */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function truncate(s: string, max: number): string {
	if (max <= 0) return '';
	if (displayWidth(s) <= max) return s;
	let out = '';
	let width = 0;
	for (const { segment } of graphemes.segment(s.normalize('NFC'))) {
		const w = stringWidth(segment);
		if (width + w > max - 1) break;
		out += segment;
		width += w;
	}
	return `${out.trimEnd()}…`;
}

function pad(s: string, width: number): string {
	return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** `[[Ben Ode]]` → `Ben Ode`, `[[Ben Ode|Ben]]` → `Ben`: links read as names in a table. */
export function plainLinks(text: string): string {
	return text.replace(/\[\[([^\]|]*?)(?:\|([^\]]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target);
}

/** "Gave: intro to Ben Ode" — the newest entry as a reminder of the last conversation. */
export function entrySummary(e: LogEntry | null): string {
	if (e === null) return '';
	const marker = e.exchange === 'gave' ? 'Gave: ' : e.exchange === 'received' ? 'Received: ' : '';
	return plainLinks(`${marker}${e.text}`).replace(/\s+/g, ' ').trim();
}

export interface Column {
	title: string;
	/** Cells may be cut to fit the terminal; others keep their width. */
	flexible?: boolean;
}

/**
 * Align rows under titles, two spaces apart. The flexible column (the last) is cut to fit
 * `style.columns`, or to `maxFlexible` when the width is unknown. `paintRow` colours a
 * row's cells after padding so escape codes never upset the alignment.
 */
export function table(
	columns: Column[],
	rows: string[][],
	style: Style,
	paintCell: (row: number, col: number, text: string) => string = (_r, _c, t) => t,
	maxFlexible = 60,
): string {
	const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...rows.map((r) => displayWidth(r[i] ?? ''))));
	const flex = columns.findIndex((c) => c.flexible);
	if (flex !== -1) {
		const others = widths.reduce((sum, w, i) => (i === flex ? sum : sum + w + 2), 0);
		const room = style.columns !== null ? Math.max(20, style.columns - others - 1) : maxFlexible;
		widths[flex] = Math.min(widths[flex], room);
	}
	const line = (cells: string[], paintRow: ((col: number, text: string) => string) | null): string =>
		cells
			.map((cell, i) => {
				const cut = truncate(cell, widths[i]);
				const last = i === cells.length - 1;
				const padded = last ? cut : pad(cut, widths[i]);
				return paintRow ? paintRow(i, padded) : padded;
			})
			.join('  ')
			.trimEnd();
	const head = line(
		columns.map((c) => c.title),
		(_i, t) => paint(t, '1', style),
	);
	return [head, ...rows.map((r, ri) => line(r, (ci, t) => paintCell(ri, ci, t)))].join('\n');
}

/** The due list as a table: name, status, how overdue in words, cadence, trust, last note. */
export function formatDueTable(list: readonly ScheduledPerson[], style: Style): string {
	const columns: Column[] = [
		{ title: 'Name' },
		{ title: 'Status' },
		{ title: 'When' },
		{ title: 'Cadence' },
		{ title: 'Trust' },
		{ title: 'Last note', flexible: true },
	];
	const rows = list.map((sp) => {
		const note =
			sp.status === 'invalid' && sp.problems.length > 0
				? sp.problems.map(describeProblem).join('; ')
				: entrySummary(sp.lastEntry);
		return [
			sp.person.name,
			sp.status,
			describeDue(sp),
			sp.person.cadence?.label ?? '–',
			sp.person.trust === null ? '–' : String(sp.person.trust),
			note,
		];
	});
	return table(columns, rows, style, (r, c, text) => (c === 1 || c === 2 ? paint(text, CODES[list[r].status], style) : text));
}
