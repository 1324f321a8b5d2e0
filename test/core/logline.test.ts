// Log lines: one line in and out (tables and a round-trip property), and reading the log
// section of a note (fences, frontmatter, heading levels, order, speed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLogSection, formatLogLine, parseLogLine, readLog, scanLog } from '../../src/core/logline';
import { defaultSettings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/types';

// `npm test` sets KINDRED_PROPERTY_RUNS (Vitest mirrors the environment into import.meta.env).
const runs = Number(import.meta.env.KINDRED_PROPERTY_RUNS) || 10_000;
const settings = defaultSettings();

function entry(date: string, over: Partial<LogEntry> = {}): LogEntry {
	return { date, linked: false, channel: null, exchange: null, text: '', ...over };
}

describe('parseLogLine', () => {
	it.each<[string, LogEntry]>([
		['- 2026-11-23', entry('2026-11-23')],
		['- 2026-11-23 Talked about Lisbon.', entry('2026-11-23', { text: 'Talked about Lisbon.' })],
		[
			'- 2026-11-23 (call) Talked about her move to Lisbon.',
			entry('2026-11-23', { channel: 'call', text: 'Talked about her move to Lisbon.' }),
		],
		[
			'- [[2026-10-02]] (coffee) Gave: intro to [[Ben Ode]].',
			entry('2026-10-02', { linked: true, channel: 'coffee', exchange: 'gave', text: 'intro to [[Ben Ode]].' }),
		],
		['* 2026-10-02 received: a book', entry('2026-10-02', { exchange: 'received', text: 'a book' })],
		['+ 2026-10-02 GAVE: help', entry('2026-10-02', { exchange: 'gave', text: 'help' })],
		['- 2026-10-02 (video call)', entry('2026-10-02', { channel: 'video call' })],
		['-   2026-10-02   (meal)   Received:   soup  ', entry('2026-10-02', { channel: 'meal', exchange: 'received', text: 'soup' })],
		['- 2026-10-02 ( meal ) spaced', entry('2026-10-02', { text: '( meal ) spaced' })],
		['-\t2026-10-02\tnote', entry('2026-10-02', { text: 'note' })],
		['- 2026-10-02 Gave:', entry('2026-10-02', { exchange: 'gave' })],
		['- 2026-10-02 Gavel: not a marker', entry('2026-10-02', { text: 'Gavel: not a marker' })],
		['- 2026-10-02 (call)text', entry('2026-10-02', { text: '(call)text' })],
		['- 2026-10-02 () empty', entry('2026-10-02', { text: '() empty' })],
		['- 2026-10-02 (a (b) c', entry('2026-10-02', { text: '(a (b) c' })],
		['- 2026-10-02 Ünïcode 🌍 text', entry('2026-10-02', { text: 'Ünïcode 🌍 text' })],
		['- 2026-10-02 ends with CR\r', entry('2026-10-02', { text: 'ends with CR' })],
		['- 2024-02-29 leap day', entry('2024-02-29', { text: 'leap day' })],
	])('%j', (line, expected) => {
		expect(parseLogLine(line)).toEqual(expected);
	});

	it.each([
		['', 'empty'],
		['2026-11-23 no bullet', 'no bullet'],
		['  - 2026-11-23 nested', 'indented (a nested item)'],
		['-2026-11-23 no space', 'no space after the bullet'],
		['- Talked 2026-11-23', 'date not first'],
		['- 2026-11-23x', 'date glued to text'],
		['- 2026-11-23: colon', 'date followed by a colon'],
		['- [[2026-11-23] half link', 'half a link'],
		['- [[2026-11-23|Nov 23]] aliased', 'aliased link'],
		['- [ ] 2026-11-23 task', 'a task'],
		['- 26-11-23 short year', 'short year'],
		['- 2026-02-30 (call) impossible', 'impossible date'],
		['- 2025-02-29 not a leap year', 'not a leap year'],
		['- 2026-13-01 month 13', 'month 13'],
		['- 0000-01-01 year zero', 'year zero'],
		['# 2026-11-23 heading', 'a heading'],
	])('%j is not a log line (%s)', (line) => {
		expect(parseLogLine(line)).toBeNull();
	});
});

describe('formatLogLine', () => {
	it.each<[LogEntry, string]>([
		[entry('2026-11-23'), '- 2026-11-23'],
		[entry('2026-11-23', { linked: true }), '- [[2026-11-23]]'],
		[entry('2026-11-23', { channel: 'call', text: 'Lisbon' }), '- 2026-11-23 (call) Lisbon'],
		[entry('2026-11-23', { exchange: 'gave', text: 'intro' }), '- 2026-11-23 Gave: intro'],
		[entry('2026-11-23', { exchange: 'received' }), '- 2026-11-23 Received:'],
		[entry('2026-11-23', { channel: '  ', text: '  spaced  ' }), '- 2026-11-23 spaced'],
		[entry('2026-11-23', { text: 'two\nlines\r\nthree' }), '- 2026-11-23 two lines three'],
	])('%j', (e, line) => {
		expect(formatLogLine(e)).toBe(line);
	});

	// A text without line breaks or edge spaces, not starting like a channel or marker.
	const freeText = fc
		.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '(', ')', ':', '[', ']', '#', '-', '\t'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 40 })
		.map((s) => s.replace(/[\r\n\u2028\u2029\u0085]/g, ' ').trim());
	const date = fc
		.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));
	const anyEntry = fc.record<LogEntry>({
		date,
		linked: fc.boolean(),
		channel: fc.option(freeText.map((s) => s.replace(/[()]/g, '').trim()).filter((s) => s !== '')),
		exchange: fc.constantFrom(null, 'gave' as const, 'received' as const),
		text: freeText,
	});

	it('round-trips every canonical line: format(parse(line)) === line', () => {
		fc.assert(
			fc.property(anyEntry, (e) => {
				const line = formatLogLine(e);
				const parsed = parseLogLine(line);
				expect(parsed).not.toBeNull();
				expect(formatLogLine(parsed as LogEntry)).toBe(line);
				expect(parsed?.date).toBe(e.date);
				expect(parsed?.linked).toBe(e.linked);
			}),
			{ numRuns: Math.max(100, Math.floor(runs / 5)) },
		);
	});
});

const note = (...lines: string[]): string => lines.join('\n');

describe('findLogSection and readLog', () => {
	it('reads entries under the heading, newest first', () => {
		const text = note(
			'# Ana',
			'## Interactions',
			'- 2026-10-02 (coffee) Gave: intro to [[Ben Ode]].',
			'- 2026-11-23 (call) Talked about her move to Lisbon.',
			'  - 2026-12-01 nested detail, not an entry',
			'Some prose 2026-01-01.',
			'## Other',
			'- 2026-12-24 not in the log',
		);
		expect(readLog(text, settings).map((e) => e.date)).toEqual(['2026-11-23', '2026-10-02']);
	});

	it('matches the heading text case-insensitively but only at its level', () => {
		const text = note('### Interactions', '- 2026-01-01 h3', '## INTERACTIONS', '- 2026-02-02 h2', '# Top', '- 2026-03-03 after');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['h2']);
	});

	it('keeps deeper subsections inside the section and stops at the same level', () => {
		const text = note('## Interactions', '- 2026-01-01 a', '### 2025', '- 2025-05-05 b', '## Next', '- 2026-06-06 c');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['a', 'b']);
	});

	it.each([
		['backticks', '```', '```'],
		['tildes', '~~~', '~~~'],
		['a longer fence closed by a longer one', '````markdown', '``````'],
		['indented fence', '   ```', '  ```'],
	])('ignores a heading inside a fenced block (%s)', (_name, open, close) => {
		const text = note(
			'Example:',
			open,
			'## Interactions',
			'- 2020-01-01 inside the fence',
			close,
			'## Interactions',
			'- 2026-11-23 real',
		);
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['real']);
		const section = findLogSection(text, '## Interactions');
		expect(text.slice(section?.heading.start, section?.end)).toBe('## Interactions\n- 2026-11-23 real');
	});

	it.each([
		['a bullet item', '- Works on:', '  ```'],
		['a numbered item, tilde fence', '1. Setup:', '   ~~~sh'],
		['an item after a blank line and a continuation', '* Works on:\n\n  more about it', '  ```'],
		['a nested item', '- outer\n  - inner:', '    ```'],
	])('reads the log after a fence left open in a list item (%s): the item ends, and the fence with it', (_name, item, open) => {
		const text = note(item, open, '  kindred', '## Interactions', '- 2026-11-01 (call) a', '- 2026-10-01 b');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['a', 'b']);
		// As scanLog sees it (the pane and the CLI read the same).
		expect(scanLog(text, settings).entries.map((e) => e.text)).toEqual(['a', 'b']);
	});

	it('keeps a fence open in a list item while lines are indented into the item', () => {
		const text = note('## Interactions', '- 2026-11-01 (call) the script:', '  ```', '  - 2026-01-01 not an entry', '', '  still code', '- 2026-10-01 b');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['the script:', 'b']);
	});

	it('does not close a fence with a shorter or different fence', () => {
		const text = note('````', '```', '## Interactions', '~~~~', '- 2020-01-01 still code', '````', '## Interactions', '- 2026-01-01 real');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['real']);
	});

	it('ignores entries in a fence inside the section, and a fenced section end', () => {
		const text = note('## Interactions', '- 2026-01-01 a', '```', '- 2026-02-02 code', '## Not a heading', '```', '- 2026-03-03 b');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['b', 'a']);
	});

	it.each([
		['an HTML comment', '<!--', '-->'],
		['an Obsidian comment', '%%', '%%'],
		['an indented HTML comment closing mid-line', '  <!-- old template:', 'end of template --> ignored'],
	])('does not read a heading or entries inside %s block', (_, open, close) => {
		const hidden = note(open, '## Interactions', '- 2020-01-01 hidden', close);
		expect(readLog(hidden, settings)).toEqual([]);
		expect(findLogSection(hidden, '## Interactions')).toBeNull();
		// A commented-out template heading above the real log: the real one is read.
		const both = note(open, '## Interactions', close, '# Ana', '', '## Interactions', '- 2026-11-01 real');
		expect(readLog(both, settings).map((e) => e.text)).toEqual(['real']);
		// A comment block inside the log hides its lines; the entries around it are read.
		const inside = note('## Interactions', '- 2026-11-02 b', open, '- 2026-01-01 hidden', '## Other', close, '- 2026-11-01 a');
		expect(readLog(inside, settings).map((e) => e.text)).toEqual(['b', 'a']);
	});

	it('leaves comments that open and close on one line, or open mid-line, alone', () => {
		const text = note('Text with %% an inline remark', '`%%` in code, <!-- a remark --> too', '## Interactions', '%% newest first %%', '<!-- one line -->', '- 2026-11-01 a');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['a']);
		// A `%%` inside a fence opens nothing.
		expect(readLog(note('```', '%%', '```', '## Interactions', '- 2026-11-01 a'), settings)).toHaveLength(1);
	});

	it('ignores the heading inside frontmatter', () => {
		const text = note('---', 'note: |', '  ## Interactions', '  - 2020-01-01 fm', '---', 'body');
		expect(readLog(text, settings)).toEqual([]);
		expect(findLogSection(text, '## Interactions')).toBeNull();
	});

	it('reads CRLF notes with a BOM', () => {
		const text = '\uFEFF---\r\ntrust: 4\r\n---\r\n## Interactions\r\n- 2026-11-23 (call) hi\r\n';
		expect(readLog(text, settings)).toEqual([entry('2026-11-23', { channel: 'call', text: 'hi' })]);
	});

	it('accepts closing hashes and extra spaces in the heading', () => {
		expect(readLog(note('##   Interactions  ##', '- 2026-01-01 a'), settings)).toHaveLength(1);
		expect(readLog(note('##Interactions', '- 2026-01-01 a'), settings)).toHaveLength(0);
	});

	it('orders same-date entries with the newer first in either log direction', () => {
		const newestFirst = note('## Interactions', '- 2026-01-02 second', '- 2026-01-02 first', '- 2026-01-01 zero');
		expect(readLog(newestFirst, settings).map((e) => e.text)).toEqual(['second', 'first', 'zero']);
		const newestLast = note('## Interactions', '- 2026-01-01 zero', '- 2026-01-02 first', '- 2026-01-02 second');
		expect(readLog(newestLast, { ...settings, newestFirst: false }).map((e) => e.text)).toEqual(['second', 'first', 'zero']);
	});

	it('sorts a hand-edited log that is out of order', () => {
		const text = note('## Interactions', '- 2026-01-01 a', '- 2026-03-01 c', '- 2026-02-01 b');
		expect(readLog(text, settings).map((e) => e.text)).toEqual(['c', 'b', 'a']);
	});

	it('reports impossible dates instead of dropping them silently', () => {
		const scan = scanLog(note('## Interactions', '- 2026-02-30 (call) hi', '- 2026-01-01 ok'), settings);
		expect(scan.entries.map((e) => e.text)).toEqual(['ok']);
		expect(scan.problems).toEqual([
			{ field: 'log', value: '- 2026-02-30 (call) hi', reason: '"2026-02-30" is not a real date, so this line is not read as a touchpoint' },
		]);
	});

	it('reports a line that starts with a date but is not a log line, instead of passing over it', () => {
		const scan = scanLog(
			note('## Interactions', '- 2026-11-20: coffee', '- 2026-11-18, call', '- [[2026-11-16|Mon]] video', '- 2026-11-15 read', '- Talked 2026-11-14', '  - 2026-11-13 nested'),
			settings,
		);
		expect(scan.entries.map((e) => e.text)).toEqual(['read']);
		const reason = 'starts with a date but is not read as a touchpoint: write "- yyyy-MM-dd" or "- [[yyyy-MM-dd]]", then a space and the text';
		expect(scan.problems).toEqual([
			{ field: 'log', value: '- 2026-11-20: coffee', reason },
			{ field: 'log', value: '- 2026-11-18, call', reason },
			{ field: 'log', value: '- [[2026-11-16|Mon]] video', reason },
		]);
	});

	it('uses the heading from settings', () => {
		const text = note('# Log', '- 2026-01-01 a', '## Interactions', '- 2026-02-02 b');
		expect(readLog(text, { ...settings, logHeading: '# log' }).map((e) => e.text)).toEqual(['b', 'a']);
	});

	it('returns nothing when there is no log heading', () => {
		expect(readLog('- 2026-01-01 a\n', settings)).toEqual([]);
		expect(readLog('', settings)).toEqual([]);
	});

	it('reads a 100 KB note quickly and cannot be made to backtrack', () => {
		const lines = ['---', 'trust: 4', '---', '# Ana'];
		while (lines.join('\n').length < 50_000) lines.push('Some prose about Ana, her work and her family. '.repeat(3));
		lines.push('## Interactions');
		for (let i = 0; lines.join('\n').length < 100_000; i++) {
			lines.push(`- 2026-${String((i % 12) + 1).padStart(2, '0')}-15 (call) Gave: talked about things ${i}`);
		}
		const text = lines.join('\n');
		// The fastest of many runs: a loaded CI machine slows some runs, not the best one.
		// About a millisecond on a laptop; the bound only catches a quadratic scan.
		let best = Infinity;
		for (let i = 0; i < 30; i++) {
			const t0 = performance.now();
			readLog(text, settings);
			best = Math.min(best, performance.now() - t0);
		}
		expect(best).toBeLessThan(10);

		// Hostile lines: long runs of what the parser looks for.
		const hostile = `## Interactions\n- 2026-01-01 ${'('.repeat(100_000)}\n- 2026-01-01 (${' '.repeat(100_000)}x\n${'#'.repeat(100_000)}\n${'`'.repeat(100_000)}\n`;
		const t1 = performance.now();
		expect(readLog(hostile, settings)).toHaveLength(2);
		expect(performance.now() - t1).toBeLessThan(200);
	});
});
