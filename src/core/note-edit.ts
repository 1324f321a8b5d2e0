/**
 * The one pure edit behind every write Kindred makes to a person note: log a
 * touchpoint, snooze, set a status. Text in, text out (or a one-line error naming the
 * note); the plugin runs it inside `Vault.process`, the command line writes its result
 * once. Nothing here throws for user input, and a refused edit leaves the text alone.
 *
 * Logging a touchpoint:
 * - inserts the entry's line in the log section by date (newest first or last as set;
 *   with newest first, a new entry goes above existing entries of the same date), or
 *   creates the section at the end of the note;
 * - moves the last-contact key forward, never backward (a value that is not a real date,
 *   or is after today, is untrusted and is overwritten), through the safe frontmatter
 *   edit (frontmatter-edit.ts), which re-parses and verifies;
 * - adds lines only: every byte of the original stays, in order, except the old
 *   last-contact value. New lines use the note's own line ending; a note without a final
 *   line ending still has none.
 */
import { isLocalDate, readDate } from './dates';
import { setFrontmatterKey } from './frontmatter-edit';
import { bodyStart, detectEol, endsLinesWithLoneCr, findSection, isBlank, LONE_CR, lineAt, scanLines, type Fence, type ScannedLine } from './log-section';
import { formatLogLine, isWritableChannel, parseLogLine, readLog } from './logline';
import { unwrapLinkedDate } from './person';
import type { KindredSettings } from './settings';
import type { EditResult, LocalDate, LogEntry, ParseYaml, PersonStatus } from './types';

export interface EditContext {
	/** Vault-relative path, used in error messages. */
	path: string;
	settings: KindredSettings;
	/** Obsidian's `parseYaml` in the plugin, js-yaml's `load` on Node. */
	parseYaml: ParseYaml;
	/** The local date today; a touchpoint may not be dated after it. */
	today: LocalDate;
}

const STATUSES: readonly PersonStatus[] = ['target', 'active', 'paused', 'archived'];

function fail(ctx: EditContext, verb: string, reason: string): EditResult {
	return { ok: false, error: `${ctx.path}: cannot ${verb}: ${reason}` };
}

/** Insert `line` at the line boundary `pos` (a note without a final line ending keeps none). */
function insertLine(text: string, pos: number, line: string, eol: string): string {
	if (pos >= text.length && text.length > 0 && !text.endsWith('\n')) return text + eol + line;
	return text.slice(0, pos) + line + eol + text.slice(pos);
}

function isListItem(s: string): boolean {
	return /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(s);
}

/** A line that closes `fence` where it opened: inside a list item, a closing line at column 0 would open a new block. */
function closingFence(fence: Fence, eol: string): string {
	return ' '.repeat(fence.indent) + fence.char.repeat(fence.length) + eol;
}

/** Indented enough to stay in a `- ` entry after a blank line (CommonMark: the item's content column, 2). */
function continuesAfterBlank(text: string, line: ScannedLine): boolean {
	return text[line.start] === '\t' || text.startsWith('  ', line.start);
}

/**
 * An unindented line that Markdown still reads as part of the paragraph above it (a lazy
 * continuation line): anything that does not start a block of its own.
 */
function isLazyContinuation(text: string, line: ScannedLine): boolean {
	if (line.code || line.heading) return false;
	const s = text.slice(line.start, line.end);
	return !isListItem(s) && !/^ {0,3}(?:>|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$|<|%%)/.test(s);
}

/** Append a new log section (heading and entry) at the end of the note. */
function appendSection(text: string, heading: string, line: string, eol: string): string {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const start = bodyStart(text);
	const { openFence, openComment } = scanLines(text, start, text.length);
	const endsWithEol = text.endsWith('\n');
	let out = text;
	// A note that does not end with a line ending keeps that habit after the append.
	const finalEol = text.length === bom || endsWithEol ? eol : '';
	if (out.length > bom && !endsWithEol) out += eol;
	// An unclosed fence runs to the end of the note and would swallow the heading;
	// closing it does not change how the note renders.
	if (openFence) out += closingFence(openFence, eol);
	// So does an unclosed comment block, which hides it besides.
	if (openComment) out += openComment + eol;
	const body = out.slice(start);
	if (body.trim() !== '') {
		const last = lineAt(out, out.lastIndexOf('\n', out.length - 2) + 1);
		if (!isBlank(out, last)) out += eol;
	}
	return `${out}${heading}${eol}${line}${finalEol}`;
}

/**
 * Last line of the entry starting at `lines[i]`, as Markdown renders the list item: its
 * indented lines, the lines of its paragraph that are not indented (lazy continuation),
 * and further paragraphs or code after a blank line when indented to the item's content
 * (a tab or two spaces). A new entry goes after all of them, never inside.
 */
function entryBlockEnd(text: string, lines: ScannedLine[], i: number): number {
	let j = i;
	for (let k = i + 1; k < lines.length; k++) {
		const l = lines[k];
		if (isBlank(text, l)) {
			let m = k + 1;
			while (m < lines.length && isBlank(text, lines[m])) m++;
			if (m >= lines.length || !continuesAfterBlank(text, lines[m])) break;
			j = m;
			k = m;
			continue;
		}
		const c = text[l.start];
		// Straight after the entry's own text (no blank between): indented, or lazily continued.
		if (c === ' ' || c === '\t' || isLazyContinuation(text, l)) j = k;
		else break;
	}
	return j;
}

/**
 * The line ending of the line that ends at `nl` (a `\n` offset), `fallback` when there is
 * none: a note whose frontmatter and body end their lines differently gets new lines like
 * their neighbours.
 */
function eolAt(text: string, nl: number, fallback: string): string {
	if (nl < 0) return fallback;
	return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** Insert the entry's line into the log under `settings.logHeading`. */
function insertEntry(text: string, entry: LogEntry, settings: KindredSettings, noteEol: string): string {
	const line = formatLogLine(entry);
	const heading = settings.logHeading.trim();
	const section = findSection(text, heading);
	// Like the note's last line ending, or the log heading's (the one before it when the
	// heading is the last line and has none).
	if (!section) return appendSection(text, heading, line, eolAt(text, text.lastIndexOf('\n'), noteEol));
	const eol = eolAt(text, text.lastIndexOf('\n', section.heading.next - 1), noteEol);

	const { lines, openFence, openComment } = scanLines(text, section.start, section.end);
	// Headings under the log heading (`### 2026`, `### Ideas for next time`) split it into
	// sub-sections: `sub` is the line of the heading an entry is under, -1 for none.
	const entries: { index: number; date: LocalDate; sub: number }[] = [];
	let sub = -1;
	let firstSub = -1;
	lines.forEach((l, index) => {
		if (l.code) return;
		if (l.heading) {
			sub = index;
			if (firstSub < 0) firstSub = index;
			return;
		}
		const e = parseLogLine(text.slice(l.start, l.end));
		if (e) entries.push({ index, date: e.date, sub });
	});
	// Between two entries under different sub-headings, the new one goes under the heading
	// that names its year (`### 2026`), when only one of the two does.
	const year = new RegExp(`(?:^|\\D)${entry.date.slice(0, 4)}(?:\\D|$)`);
	const namesYear = (k: number): boolean => entries[k].sub >= 0 && year.test(lines[entries[k].sub].heading?.text ?? '');
	const prefers = (k: number, other: number): boolean => entries[k].sub !== entries[other].sub && namesYear(k) && !namesYear(other);

	if (entries.length > 0) {
		const after = (k: number): string => {
			const last = lines[entryBlockEnd(text, lines, entries[k].index)];
			return insertLine(text, last.next, line, eol);
		};
		const before = (k: number): string => insertLine(text, lines[entries[k].index].start, line, eol);
		if (settings.newestFirst) {
			// Above the first entry that is not newer: same-date entries stay below the new one.
			const k = entries.findIndex((e) => e.date <= entry.date);
			if (k > 0 && prefers(k - 1, k)) return after(k - 1);
			return k >= 0 ? before(k) : after(entries.length - 1);
		}
		let k = -1;
		entries.forEach((e, i) => {
			if (e.date <= entry.date) k = i;
		});
		if (k >= 0 && k + 1 < entries.length && prefers(k + 1, k)) return before(k + 1);
		return k >= 0 ? after(k) : before(0);
	}

	// No dated entries yet: in the section's own lines, above its first sub-heading (a
	// template's `### Ideas for next time` is not the log). Newest first: above the first
	// list item (hand-typed lines Kindred cannot date stay below). Otherwise after the last
	// non-blank line (or right under the heading).
	const own = firstSub < 0 ? lines.length : firstSub;
	if (settings.newestFirst) {
		const first = lines.slice(0, own).find((l) => !l.code && /^[-*+](?:[ \t]|$)/.test(text.slice(l.start, l.end)));
		if (first) return insertLine(text, first.start, line, eol);
	}
	let m = own - 1;
	while (m >= 0 && isBlank(text, lines[m])) m--;
	if (m < 0) {
		const h = section.heading;
		return insertLine(text, h.next, line, eol);
	}
	const last = lines[m];
	const pos = last.next;
	// What is still open matters only at the section's end (before a sub-heading, nothing is).
	const fence = own === lines.length ? openFence : null;
	const comment = own === lines.length ? openComment : null;
	let prefix = '';
	if (fence) prefix = closingFence(fence, eol);
	if (comment) prefix = comment + eol;
	// A list item straight after a paragraph would join it visually; keep a blank line.
	if (fence || comment || (!last.code && !isListItem(text.slice(last.start, last.end)))) prefix += eol;
	if (pos >= text.length && !text.endsWith('\n')) return text + eol + prefix + line;
	return text.slice(0, pos) + prefix + line + eol + text.slice(pos);
}

/** A touchpoint entry that can be written, or why not. */
function checkEntry(entry: LogEntry, today: LocalDate): string | null {
	if (!isLocalDate(entry.date)) {
		return /^\d{4}-\d{2}-\d{2}$/.test(entry.date)
			? `${entry.date} is not a real date`
			: `"${entry.date}" is not a date (expected yyyy-MM-dd)`;
	}
	if (entry.date > today) return `${entry.date} is after today (${today})`;
	if (entry.channel !== null && !isWritableChannel(entry.channel)) {
		return 'the channel cannot contain parentheses or line breaks';
	}
	// With no channel, a note that starts like one ("(laughs) …") would read back as the
	// channel: said rather than written as something else. (A note starting "Gave:" reads
	// back as given, which is what it says.)
	const channel = entry.channel?.trim() || null;
	const back = channel === null ? parseLogLine(formatLogLine({ ...entry, channel: null })) : null;
	if (back !== null && back.channel !== null) {
		return `the note starts with "(${back.channel})", which the log would read as the channel; choose a channel, or start the note with something else`;
	}
	return null;
}

/**
 * With no gave/received marker chosen, a note that starts with one in any case
 * (`gave: her my book`, `RECEIVED:\ta tip`) reads back as given or received, which is
 * what it says: written as the log writes that, `Gave: her my book`. (The check after
 * the edit compares the line read back with the one written, and refused these.)
 */
function asReadBack(entry: LogEntry): LogEntry {
	if (entry.exchange !== null) return entry;
	const back = parseLogLine(formatLogLine(entry));
	return back === null || back.exchange === null ? entry : { ...entry, exchange: back.exchange, text: back.text };
}

/**
 * Log a touchpoint: add the entry to the log and move the last-contact key forward.
 * The date is written as a `[[link]]` when `settings.linkDates` is on.
 */
export function applyTouchpoint(text: string, entry: LogEntry, ctx: EditContext): EditResult {
	const verb = 'log';
	const problem = checkEntry(entry, ctx.today);
	if (problem) return fail(ctx, verb, problem);
	// Before the body's edit, which would add an LF to the note.
	if (endsLinesWithLoneCr(text)) return fail(ctx, verb, LONE_CR);
	const written = asReadBack({
		...entry,
		channel: entry.channel !== null && entry.channel.trim() !== '' ? entry.channel.trim() : null,
		linked: ctx.settings.linkDates,
	});
	// The body first: its edit is after the frontmatter, so frontmatter offsets stay valid.
	const withEntry = insertEntry(text, written, ctx.settings, detectEol(text));
	const key = ctx.settings.keys.lastContact;
	const result = setFrontmatterKey(withEntry, key, entry.date, {
		parseYaml: ctx.parseYaml,
		shouldReplace: (current) => {
			// As the reader reads it: an unquoted `[[2026-11-16]]` is that date.
			const r = readDate(unwrapLinkedDate(current));
			// Forward only; an unreadable or future value is not trusted and is replaced.
			return !r.ok || r.date > ctx.today || r.date < entry.date;
		},
	});
	if (!result.ok) return fail(ctx, verb, result.reason);
	// The entry must be readable where it was written.
	const line = formatLogLine(written);
	if (!readLog(result.text, ctx.settings).some((e) => formatLogLine(e) === line)) {
		return fail(ctx, verb, 'the edit could not be verified (the new entry is not in the log)');
	}
	return { ok: true, text: result.text, changed: true };
}

/**
 * Set one top-level frontmatter key to a scalar, with the same safety rules as logging.
 * `verb` names the action in errors (`cannot snooze: …`).
 */
export function setFrontmatterField(
	text: string,
	key: string,
	value: string,
	ctx: EditContext,
	verb = `set ${key}`,
): EditResult {
	const result = setFrontmatterKey(text, key, value, { parseYaml: ctx.parseYaml });
	if (!result.ok) return fail(ctx, verb, result.reason);
	return { ok: true, text: result.text, changed: result.changed };
}

/** Snooze until a date (the snooze key from settings). */
export function applySnooze(text: string, until: LocalDate, ctx: EditContext): EditResult {
	if (!isLocalDate(until)) return fail(ctx, 'snooze', `"${until}" is not a real date (expected yyyy-MM-dd)`);
	return setFrontmatterField(text, ctx.settings.keys.snoozeUntil, until, ctx, 'snooze');
}

/** Set the person's status (target, active, paused, archived). */
export function applyStatus(text: string, status: PersonStatus, ctx: EditContext): EditResult {
	if (!STATUSES.includes(status)) {
		return fail(ctx, 'set status', `"${String(status)}" is not a status (${STATUSES.join(', ')})`);
	}
	return setFrontmatterField(text, ctx.settings.keys.status, status, ctx, 'set status');
}
