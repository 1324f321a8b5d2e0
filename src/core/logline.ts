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
import { isLeapYear, isLocalDate } from './dates';
import { findSection, walkSection, type Section } from './log-section';
import type { KindredSettings } from './settings';
import type { Exchange, LocalDate, LogEntry, Problem } from './types';

export type { Section } from './log-section';

/**
 * A copy of `s` that does not keep the string it was sliced from alive: an engine may
 * represent a slice as a view of the whole note. scanLog leaves entry texts as slices
 * (copying every entry's text measured ~35% slower for ~10% less retained heap); problem
 * values and the few entries scanLogForDue keeps are copied.
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

/** `yyyy-MM-dd` shape (not checked against the calendar) at `i`. Unrolled: it runs for every line of every log. */
function dateShapeAt(s: string, i: number, end: number): boolean {
	return (
		end >= i + 10 &&
		s.charCodeAt(i + 4) === 45 &&
		s.charCodeAt(i + 7) === 45 &&
		isDigit(s.charCodeAt(i)) &&
		isDigit(s.charCodeAt(i + 1)) &&
		isDigit(s.charCodeAt(i + 2)) &&
		isDigit(s.charCodeAt(i + 3)) &&
		isDigit(s.charCodeAt(i + 5)) &&
		isDigit(s.charCodeAt(i + 6)) &&
		isDigit(s.charCodeAt(i + 8)) &&
		isDigit(s.charCodeAt(i + 9))
	);
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

/** The end of the line `s[from, to)` without one trailing `\r`. */
function contentEnd(s: string, from: number, to: number): number {
	return to > from && s.charCodeAt(to - 1) === 13 ? to - 1 : to;
}

/**
 * Where the date of the log line `s[from, end)` starts (`end` past any `\r`), or -1 when
 * the line is not a log line. Whether it is one is decided by what comes up to the date:
 * a bullet, blanks, the date plain or as a link, then a blank or the end of the line. The
 * date is only `yyyy-MM-dd` in shape here; whether that day exists is the caller's check.
 * A linked date is preceded by `[`, a plain one by a blank.
 */
function lineDateAt(s: string, from: number, end: number): number {
	const bullet = s.charCodeAt(from);
	// '-', '*', '+'
	if (bullet !== 45 && bullet !== 42 && bullet !== 43) return -1;
	if (!isSpace(s, from + 1, end)) return -1;
	let i = skipSpaces(s, from + 1, end);
	const linked = end >= i + 2 && s.startsWith('[[', i);
	if (linked) i += 2;
	if (!dateShapeAt(s, i, end)) return -1;
	const date = i;
	i += 10;
	if (linked) {
		if (end < i + 2 || !s.startsWith(']]', i)) return -1;
		i += 2;
	}
	return i < end && !isSpace(s, i, end) ? -1 : date;
}

/**
 * True for a line that starts as a log line, a bullet and then a date (plain or as the
 * start of a link), though lineDateAt found it is not one: `- 2026-11-20: coffee`,
 * `- 2026-11-20, call`, `- [[2026-11-16|Mon]] video`. Such a line is reported, not
 * passed over in silence: it looks like a touchpoint to the person who wrote it.
 */
function looksDated(s: string, from: number, end: number): boolean {
	if (!isSpace(s, from + 1, end)) return false;
	let i = skipSpaces(s, from + 1, end);
	if (end >= i + 2 && s.startsWith('[[', i)) i += 2;
	return dateShapeAt(s, i, end);
}

/** The problem for a line looksDated finds: what a log line must look like. */
function notALogLineProblem(text: string, start: number, end: number): Problem {
	return {
		field: 'log',
		value: detach(text.slice(start, Math.min(end, start + 60))),
		reason: 'starts with a date but is not read as a touchpoint: write "- yyyy-MM-dd" or "- [[yyyy-MM-dd]]", then a space and the text',
	};
}

/**
 * Parse the line `s[from, to)`. Works on offsets into the whole note so reading a log
 * does not copy every line; every scan stops at `to`.
 */
function parseLine(s: string, from: number, to: number): LineParse {
	const end = contentEnd(s, from, to);
	const at = lineDateAt(s, from, end);
	if (at < 0) return null;
	const date = s.slice(at, at + 10);
	const linked = s.charCodeAt(at - 1) === 91;
	if (!isLocalDate(date)) return { kind: 'bad-date', date };
	let i = skipSpaces(s, at + (linked ? 12 : 10), end);

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

/** True when `channel` can be written in a log line's parentheses: no parenthesis, no line break. */
export function isWritableChannel(channel: string): boolean {
	return !/[()\r\n]/.test(channel);
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
	/** Log lines that could not be read (a date that does not exist, a date not followed by a space), field `log`. */
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
		if (!r) {
			if (looksDated(text, start, contentEnd(text, start, end))) problems.push(notALogLineProblem(text, start, end));
			return;
		}
		if (r.kind === 'entry') entries.push(r.entry);
		else problems.push(badDateProblem(text, start, end, r.date));
	});
	return { entries: newestFirstOrder(entries, settings.newestFirst), problems };
}

/** The problem scanLog reports for a log line whose date does not exist. */
function badDateProblem(text: string, start: number, end: number, date: string): Problem {
	return {
		field: 'log',
		value: detach(text.slice(start, Math.min(end, start + 60))),
		reason: `"${date}" is not a real date, so this line is not read as a touchpoint`,
	};
}

/** Entries in the note's order, put newest first, in place. */
function newestFirstOrder(entries: LogEntry[], newestFirst: boolean): LogEntry[] {
	// Same-date entries: the one nearer the "newest" end of the log is the newer one.
	if (!newestFirst) entries.reverse();
	// A log kept in order (the usual case) needs no sort. Array.prototype.sort is
	// stable, so the order above survives among equal dates.
	let sorted = true;
	for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1].date >= entries[i].date;
	if (!sorted) entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	return entries;
}

/**
 * The `yyyy-MM-dd`-shaped text at `i` as the number yyyymmdd when it names a day that
 * exists (isLocalDate), else -1. Two such numbers compare as the date strings do.
 */
function dateNumberAt(s: string, i: number): number {
	const y = (s.charCodeAt(i) - 48) * 1000 + (s.charCodeAt(i + 1) - 48) * 100 + (s.charCodeAt(i + 2) - 48) * 10 + s.charCodeAt(i + 3) - 48;
	const m = (s.charCodeAt(i + 5) - 48) * 10 + s.charCodeAt(i + 6) - 48;
	const d = (s.charCodeAt(i + 8) - 48) * 10 + s.charCodeAt(i + 9) - 48;
	if (y < 1 || m < 1 || m > 12 || d < 1) return -1;
	const days = m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
	return d <= days ? y * 10000 + m * 100 + d : -1;
}

/** An entry that keeps nothing of the note alive (see detach): it outlives the text. */
function detachEntry(e: LogEntry): LogEntry {
	return { ...e, channel: e.channel === null ? null : detach(e.channel), text: detach(e.text) };
}

/**
 * scanLog for a reader that only places the person on the calendar for `today`
 * (schedule.ts `place`, which reads the log for two things: the newest entry dated on
 * or before today, the first of its date in scanLog's order; and every entry dated after
 * today, each reported as a problem). So the entries are exactly those: every entry
 * dated after today, then that newest one, in scanLog's order; the problems are
 * scanLog's. Scheduling a person read with these entries gives the same result as with
 * the whole log (a property test checks it); anything else that reads the log (the
 * review's give-and-take balance, the edit) needs scanLog.
 *
 * Why: `kindred due` reads every note of a vault and keeps each person. A line that
 * cannot be the newest costs a date comparison here, not an entry, and the entries kept
 * are copied out of the note, so a person does not keep its whole note text alive.
 */
export function scanLogForDue(
	text: string,
	settings: Pick<KindredSettings, 'logHeading' | 'newestFirst'>,
	today: LocalDate,
): LogScan {
	// The comparisons below read `today` as the 10 characters of a date; any other string
	// (never passed by the CLI, which checks --today) gets the whole log, which the
	// schedule compares as strings.
	if (today !== checkedToday) {
		todayNumber = isLocalDate(today) ? dateNumberAt(today, 0) : -1;
		checkedToday = today;
	}
	if (todayNumber < 0) {
		const scan = scanLog(text, settings);
		return { entries: scan.entries.map(detachEntry), problems: scan.problems };
	}
	dueScan.text = text;
	dueScan.today = todayNumber;
	dueScan.newestFirst = settings.newestFirst;
	try {
		walkSection(text, settings.logHeading, visitForDue);
		const r = dueScan.bestStart >= 0 ? parseLine(text, dueScan.bestStart, dueScan.bestEnd) : null;
		const newest = r && r.kind === 'entry' ? detachEntry(r.entry) : null;
		let entries: LogEntry[];
		if (dueScan.future === null) entries = newest ? [newest] : [];
		else {
			entries = newestFirstOrder(dueScan.future, dueScan.newestFirst);
			if (newest) entries.push(newest);
		}
		return { entries, problems: dueScan.problems ?? [] };
	} finally {
		dueScan.text = '';
		dueScan.future = null;
		dueScan.problems = null;
		dueScan.bestStart = -1;
		dueScan.bestEnd = -1;
		dueScan.bestDate = -1;
	}
}

let checkedToday: string | null = null;
/** dateNumberAt of checkedToday; -1 when it is not a date. */
let todayNumber = -1;

/**
 * scanLogForDue's state while it walks one note: one object and one visitor made once,
 * not a closure and its captured variables per note (it runs for every person of the
 * vault). Nothing here is asynchronous or re-entrant.
 */
const dueScan = {
	text: '',
	/** Dates as dateNumberAt gives them. */
	today: -1,
	newestFirst: true,
	/** Entries dated after today, in the note's order; null while there is none. */
	future: null as LogEntry[] | null,
	problems: null as Problem[] | null,
	/** The best line so far, `[bestStart, bestEnd)`, and its date; -1 when none. */
	bestStart: -1,
	bestEnd: -1,
	bestDate: -1,
};

function visitForDue(start: number, end: number): void {
	const text = dueScan.text;
	const c = text.charCodeAt(start);
	// '-', '*', '+'
	if (c !== 45 && c !== 42 && c !== 43) return;
	const lineEnd = contentEnd(text, start, end);
	const at = lineDateAt(text, start, lineEnd);
	if (at < 0) {
		if (looksDated(text, start, lineEnd)) (dueScan.problems ??= []).push(notALogLineProblem(text, start, end));
		return;
	}
	const date = dateNumberAt(text, at);
	if (date < 0) {
		(dueScan.problems ??= []).push(badDateProblem(text, start, end, text.slice(at, at + 10)));
		return;
	}
	if (date > dueScan.today) {
		const r = parseLine(text, start, end);
		if (r && r.kind === 'entry') (dueScan.future ??= []).push(detachEntry(r.entry));
		return;
	}
	// Same date: scanLog's order puts the first written first when the log is newest
	// first and the last written first otherwise; the first of the newest date wins.
	if (date > dueScan.bestDate || (date === dueScan.bestDate && !dueScan.newestFirst)) {
		dueScan.bestStart = start;
		dueScan.bestEnd = end;
		dueScan.bestDate = date;
	}
}

/** The log entries under `settings.logHeading`, newest first. */
export function readLog(text: string, settings: Pick<KindredSettings, 'logHeading' | 'newestFirst'>): LogEntry[] {
	return scanLog(text, settings).entries;
}
