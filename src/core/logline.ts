/**
 * Interaction log lines: reading and writing one line, and reading a note's log.
 *
 *     - 2026-11-23 (call) Talked about her move to Lisbon.
 *     - [[2026-10-02]] (coffee) Gave: intro to [[Ben Ode]].
 *
 * A log line is a top-level list item (`-`, `*` or `+`, not indented) whose first word
 * is a date, plain or as a `[[yyyy-MM-dd]]` link; then, optionally, a channel in
 * parentheses and a `Gave:` / `Received:` marker (any case when read); the rest is free
 * text. A line whose date has the right shape but does not exist (2026-02-30) is not an
 * entry: `scanLog` reports it as a problem so it is never dropped silently.
 *
 * The parser is hand-written, character by character, so no input can make it backtrack.
 */
import { isLocalDate } from './dates';
import { findSection, walkSection, type Section } from './log-section';
import type { KindredSettings } from './settings';
import type { Exchange, LogEntry, Problem } from './types';

export type { Section } from './log-section';

/**
 * A copy of `s` that does not keep the string it was sliced from alive: an engine may
 * represent a slice as a view of the whole note. Used for the rare problem value only;
 * copying every entry's text measured ~35% slower for ~10% less retained heap.
 */
function detach(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}

type LineParse = { kind: 'entry'; entry: LogEntry } | { kind: 'bad-date'; date: string } | null;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Space or tab at `i` (before `end`). */
function isSpace(s: string, i: number, end: number): boolean {
	if (i >= end) return false;
	const c = s.charCodeAt(i);
	return c === 32 || c === 9;
}

function skipSpaces(s: string, i: number, end: number): number {
	while (isSpace(s, i, end)) i++;
	return i;
}

/** `yyyy-MM-dd` shape (not checked against the calendar) at `i`. */
function dateShapeAt(s: string, i: number, end: number): boolean {
	if (end < i + 10) return false;
	for (let k = 0; k < 10; k++) {
		const c = s.charCodeAt(i + k);
		if (k === 4 || k === 7 ? c !== 45 : !isDigit(c)) return false;
	}
	return true;
}

/** `word` (lower case ASCII) at `i`, in any case, without allocating. */
function startsWithFolded(s: string, i: number, end: number, word: string): boolean {
	if (end < i + word.length) return false;
	for (let k = 0; k < word.length; k++) {
		const c = s.charCodeAt(i + k);
		const w = word.charCodeAt(k);
		if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
	}
	return true;
}

const MARKERS: { word: string; exchange: Exchange }[] = [
	{ word: 'gave:', exchange: 'gave' },
	{ word: 'received:', exchange: 'received' },
];

/**
 * Parse the line `s[from, to)`. Works on offsets into the whole note so reading a log
 * does not copy every line; every scan stops at `to`.
 */
function parseLine(s: string, from: number, to: number): LineParse {
	let end = to;
	if (end > from && s.charCodeAt(end - 1) === 13) end--;
	const bullet = s[from];
	if (bullet !== '-' && bullet !== '*' && bullet !== '+') return null;
	if (!isSpace(s, from + 1, end)) return null;
	let i = skipSpaces(s, from + 1, end);
	let linked = false;
	if (end >= i + 2 && s.startsWith('[[', i)) {
		linked = true;
		i += 2;
	}
	if (!dateShapeAt(s, i, end)) return null;
	const date = s.slice(i, i + 10);
	i += 10;
	if (linked) {
		if (end < i + 2 || !s.startsWith(']]', i)) return null;
		i += 2;
	}
	if (i < end && !isSpace(s, i, end)) return null;
	if (!isLocalDate(date)) return { kind: 'bad-date', date };
	i = skipSpaces(s, i, end);

	let channel: string | null = null;
	if (i < end && s[i] === '(') {
		let close = i + 1;
		while (close < end && s[close] !== ')' && s[close] !== '(') close++;
		// `(call)` is a channel; `( call )`, `()` and `(a (b))` are text, so every line
		// formatLogLine writes reads back as itself.
		if (
			close < end &&
			s[close] === ')' &&
			close > i + 1 &&
			!isSpace(s, i + 1, end) &&
			!isSpace(s, close - 1, end) &&
			(close + 1 === end || isSpace(s, close + 1, end))
		) {
			channel = s.slice(i + 1, close);
			i = skipSpaces(s, close + 1, end);
		}
	}

	let exchange: Exchange | null = null;
	for (const m of MARKERS) {
		const after = i + m.word.length;
		if (startsWithFolded(s, i, end, m.word) && (after === end || isSpace(s, after, end))) {
			exchange = m.exchange;
			i = skipSpaces(s, after, end);
			break;
		}
	}

	let last = end;
	while (last > i && isSpace(s, last - 1, end)) last--;
	return { kind: 'entry', entry: { date, linked, channel, exchange, text: s.slice(i, last) } };
}

/**
 * Read one line (without its line ending; a trailing `\r` is tolerated). Null when it
 * is not a log line, including a date that does not exist.
 */
export function parseLogLine(line: string): LogEntry | null {
	const r = parseLine(line, 0, line.length);
	return r && r.kind === 'entry' ? r.entry : null;
}

/** Line breaks would split the entry into several lines; they become spaces. */
function oneLine(s: string | null | undefined): string {
	return (s ?? '').replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Write one entry as a line, with no line ending. Canonical form: `-` bullet, one space
 * between parts, `Gave:` / `Received:` capitalised. For every canonical line,
 * `formatLogLine(parseLogLine(line)) === line`.
 */
export function formatLogLine(e: LogEntry): string {
	let out = `- ${e.linked ? `[[${e.date}]]` : e.date}`;
	const channel = oneLine(e.channel);
	if (channel !== '') out += ` (${channel})`;
	if (e.exchange === 'gave') out += ' Gave:';
	else if (e.exchange === 'received') out += ' Received:';
	const text = oneLine(e.text);
	if (text !== '') out += ` ${text}`;
	return out;
}

/** The log section of a note (see log-section.ts for what counts as a heading). */
export function findLogSection(text: string, heading: string): Section | null {
	return findSection(text, heading);
}

export interface LogScan {
	/** Entries, newest first (same date: the newer written first). */
	entries: LogEntry[];
	/** Log lines that could not be read (a date that does not exist), field `log`. */
	problems: Problem[];
}

/**
 * Read the log under `settings.logHeading`, with problems. `text` is a full note or its
 * body. Lines inside fenced code, nested (indented) items and other sections are ignored.
 */
export function scanLog(text: string, settings: Pick<KindredSettings, 'logHeading' | 'newestFirst'>): LogScan {
	const entries: LogEntry[] = [];
	const problems: Problem[] = [];
	// One pass: the section walk hands over each non-code line of the log section.
	walkSection(text, settings.logHeading, (start, end) => {
		const c = text.charCodeAt(start);
		// '-', '*', '+'
		if (c !== 45 && c !== 42 && c !== 43) return;
		const r = parseLine(text, start, end);
		if (!r) return;
		if (r.kind === 'entry') entries.push(r.entry);
		else {
			problems.push({
				field: 'log',
				value: detach(text.slice(start, Math.min(end, start + 60))),
				reason: `"${r.date}" is not a real date, so this line is not read as a touchpoint`,
			});
		}
	});
	// Same-date entries: the one nearer the "newest" end of the log is the newer one.
	if (!settings.newestFirst) entries.reverse();
	// A log kept in order (the usual case) needs no sort. Array.prototype.sort is
	// stable, so the order above survives among equal dates.
	let sorted = true;
	for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1].date >= entries[i].date;
	if (!sorted) entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	return { entries, problems };
}

/** The log entries under `settings.logHeading`, newest first. */
export function readLog(text: string, settings: Pick<KindredSettings, 'logHeading' | 'newestFirst'>): LogEntry[] {
	return scanLog(text, settings).entries;
}
