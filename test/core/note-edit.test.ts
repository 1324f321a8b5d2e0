// The note edit as before/after tables (STYLE.md item 5): each row is the whole note
// before and after, so every byte that changes is visible in the test.
import { JSON_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applySnooze, applyStatus, applyTouchpoint, setFrontmatterField, type EditContext } from '../../src/core/note-edit';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/types';

const TODAY = '2026-11-23';

function ctx(settings: Partial<KindredSettings> = {}): EditContext {
	return { path: 'People/Ana Ruiz.md', settings: { ...defaultSettings(), ...settings }, parseYaml: load, today: TODAY };
}

function entry(over: Partial<LogEntry> = {}): LogEntry {
	return { date: TODAY, linked: false, channel: 'call', exchange: null, text: 'Talked', ...over };
}

/** A note from lines, joined with `\n`. */
const n = (...lines: string[]): string => lines.join('\n');
const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

interface Row {
	name: string;
	before: string;
	after: string;
	entry?: Partial<LogEntry>;
	settings?: Partial<KindredSettings>;
}

const rows: Row[] = [
	{
		name: 'plain value, existing log: value replaced, entry on top',
		before: n('---', 'trust: 4', 'last_contact: 2026-11-02', '---', '# Ana', '', '## Interactions', '- 2026-11-02 (coffee) Hi', ''),
		after: n('---', 'trust: 4', 'last_contact: 2026-11-23', '---', '# Ana', '', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-11-02 (coffee) Hi', ''),
	},
	{
		name: 'single quotes, spacing and a trailing comment are kept',
		before: n('---', "last_contact:   '2026-11-02'   # written by Kindred", 'cadence: monthly', '---', '## Interactions', ''),
		after: n('---', "last_contact:   '2026-11-23'   # written by Kindred", 'cadence: monthly', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'double quotes are kept',
		before: n('---', 'last_contact: "2026-11-02"', '---', ''),
		after: n('---', 'last_contact: "2026-11-23"', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a quoted daily-note link stays a link',
		before: n('---', 'last_contact: "[[2026-11-02]]"', '---', 'x', ''),
		after: n('---', 'last_contact: "[[2026-11-23]]"', '---', 'x', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'an empty value gets the date',
		before: n('---', 'last_contact:', 'trust: 3', '---', ''),
		after: n('---', 'last_contact: 2026-11-23', 'trust: 3', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'an empty value with a comment keeps the comment',
		before: n('---', 'last_contact: # never yet', '---', ''),
		after: n('---', 'last_contact: 2026-11-23 # never yet', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a missing key is added before the closing fence; comments stay',
		before: n('---', '# people I met at the meetup', 'trust: 4 # high', 'circles: [work, climbing]', '---', 'Body', ''),
		after: n(
			'---',
			'# people I met at the meetup',
			'trust: 4 # high',
			'circles: [work, climbing]',
			'last_contact: 2026-11-23',
			'---',
			'Body',
			'',
			'## Interactions',
			'- 2026-11-23 (call) Talked',
			'',
		),
	},
	{
		name: 'no frontmatter: a block is created',
		before: n('# Ana', 'Met at a conference.', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '# Ana', 'Met at a conference.', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'empty frontmatter',
		before: n('---', '---', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'an empty note',
		before: '',
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'CRLF and a BOM: new lines use CRLF, the BOM stays first',
		before: '\uFEFF' + crlf(n('---', 'trust: 4', 'last_contact: 2026-11-02', '---', '# Ana', '')),
		after: '\uFEFF' + crlf(n('---', 'trust: 4', 'last_contact: 2026-11-23', '---', '# Ana', '', '## Interactions', '- 2026-11-23 (call) Talked', '')),
	},
	{
		name: 'CRLF without frontmatter: the new block uses CRLF',
		before: crlf(n('# Ana', '## Interactions', '- 2026-01-01 a', '')),
		after: crlf(n('---', 'last_contact: 2026-11-23', '---', '# Ana', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-01-01 a', '')),
	},
	{
		name: 'no newline at the end: still none after appending a section',
		before: n('---', 'last_contact: 2026-11-02', '---', 'Last line'),
		after: n('---', 'last_contact: 2026-11-23', '---', 'Last line', '', '## Interactions', '- 2026-11-23 (call) Talked'),
	},
	{
		name: 'no newline at the end of an existing log',
		before: n('## Interactions', '- 2026-01-01 a'),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-01-01 a'),
		settings: {},
	},
	{
		name: 'no newline at the end, newest last: appended without a final newline',
		before: n('## Interactions', '- 2026-01-01 a'),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-01-01 a', '- 2026-11-23 (call) Talked'),
		settings: { newestFirst: false },
	},
	{
		name: 'a fenced example of the heading is not the log',
		before: n('---', 'last_contact: 2026-11-02', '---', 'Template:', '````markdown', '## Interactions', '- 2020-01-01 example', '````', ''),
		after: n(
			'---',
			'last_contact: 2026-11-23',
			'---',
			'Template:',
			'````markdown',
			'## Interactions',
			'- 2020-01-01 example',
			'````',
			'',
			'## Interactions',
			'- 2026-11-23 (call) Talked',
			'',
		),
	},
	{
		name: 'a tilde-fenced example before the real log',
		before: n('~~~', '## Interactions', '~~~', '## Interactions', '- 2026-11-01 b', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '~~~', '## Interactions', '~~~', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-11-01 b', ''),
	},
	{
		name: 'an unclosed fence at the end is closed before the new section',
		before: n('---', 'last_contact: 2026-11-02', '---', '```', '## Interactions', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '```', '## Interactions', '```', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'the heading at another level is not the log',
		before: n('---', 'last_contact: 2026-11-02', '---', '### Interactions', '- 2026-11-02 (call) deeper', ''),
		after: n(
			'---',
			'last_contact: 2026-11-23',
			'---',
			'### Interactions',
			'- 2026-11-02 (call) deeper',
			'',
			'## Interactions',
			'- 2026-11-23 (call) Talked',
			'',
		),
	},
	{
		name: 'the heading matches in any case; the section ends at the next heading of its level',
		before: n('---', 'last_contact: 2026-11-02', '---', '## interactions', '', '## Notes', 'x', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## interactions', '- 2026-11-23 (call) Talked', '', '## Notes', 'x', ''),
	},
	{
		name: 'a section with prose but no entries: the entry follows after a blank line',
		before: n('---', 'last_contact: 2026-11-02', '---', '## Interactions', 'Calls and coffees.', '', '# Later', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', 'Calls and coffees.', '', '- 2026-11-23 (call) Talked', '', '# Later', ''),
	},
	{
		name: 'hand-typed undated items: newest first puts the entry above them',
		before: n('---', 'last_contact: 2026-11-02', '---', '## Interactions', 'Since we met:', '- Nov 3rd, coffee', '- 2026-02-30 (typo) call', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', 'Since we met:', '- 2026-11-23 (call) Talked', '- Nov 3rd, coffee', '- 2026-02-30 (typo) call', ''),
	},
	{
		name: 'hand-typed undated items: newest last puts the entry below them',
		settings: { newestFirst: false },
		before: n('---', 'last_contact: 2026-11-02', '---', '## Interactions', '- Nov 3rd, coffee', '', '## Notes', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- Nov 3rd, coffee', '- 2026-11-23 (call) Talked', '', '## Notes', ''),
	},
	{
		name: 'an entry inside a fence in the log section is not used for placement',
		before: n('## Interactions', '```', '- 2026-12-01 example in code', '```', '- 2026-11-01 real', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '```', '- 2026-12-01 example in code', '```', '- 2026-11-23 (call) Talked', '- 2026-11-01 real', ''),
	},
	{
		name: 'a back-dated entry is placed by date and last_contact does not move back',
		entry: { date: '2026-11-10', channel: 'coffee', text: 'Late note' },
		before: n('---', 'last_contact: 2026-11-20', '---', '## Interactions', '- 2026-11-20 (call) A', '- 2026-11-01 (call) B', ''),
		after: n('---', 'last_contact: 2026-11-20', '---', '## Interactions', '- 2026-11-20 (call) A', '- 2026-11-10 (coffee) Late note', '- 2026-11-01 (call) B', ''),
	},
	{
		name: 'the oldest back-dated entry goes to the bottom (after continuation lines)',
		entry: { date: '2025-01-01', channel: null, text: 'Oldest' },
		before: n('---', 'last_contact: 2026-11-20', '---', '## Interactions', '- 2026-11-20 (call) A', '  - detail of A', ''),
		after: n('---', 'last_contact: 2026-11-20', '---', '## Interactions', '- 2026-11-20 (call) A', '  - detail of A', '- 2025-01-01 Oldest', ''),
	},
	{
		name: 'same date, newest first: the new entry goes above the existing one',
		before: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (email) Earlier today', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-11-23 (email) Earlier today', ''),
	},
	{
		name: 'newest last: appended after the newest entry',
		settings: { newestFirst: false },
		before: n('## Interactions', '- 2026-01-01 a', '- 2026-11-23 (email) Earlier today', '', '## Notes', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-01-01 a', '- 2026-11-23 (email) Earlier today', '- 2026-11-23 (call) Talked', '', '## Notes', ''),
	},
	{
		name: 'newest last: a back-dated entry is placed by date',
		settings: { newestFirst: false },
		entry: { date: '2026-06-01', channel: null, text: 'mid' },
		before: n('## Interactions', '- 2026-01-01 a', '- 2026-11-01 b', ''),
		after: n('---', 'last_contact: 2026-06-01', '---', '## Interactions', '- 2026-01-01 a', '- 2026-06-01 mid', '- 2026-11-01 b', ''),
	},
	{
		name: 'newest last: older than everything goes first',
		settings: { newestFirst: false },
		entry: { date: '2025-06-01', channel: null, text: 'old' },
		before: n('## Interactions', '- 2026-01-01 a', ''),
		after: n('---', 'last_contact: 2025-06-01', '---', '## Interactions', '- 2025-06-01 old', '- 2026-01-01 a', ''),
	},
	{
		name: 'linkDates writes the date as a link',
		settings: { linkDates: true },
		entry: { exchange: 'gave', text: 'intro to [[Ben Ode]].' },
		before: n('---', 'last_contact: 2026-11-02', '---', '## Interactions', '- [[2026-11-02]] (coffee) Hi', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- [[2026-11-23]] (call) Gave: intro to [[Ben Ode]].', '- [[2026-11-02]] (coffee) Hi', ''),
	},
	...(
		[
			['gave: her my book', 'Gave: her my book'],
			['RECEIVED:\ta tip', 'Received: a tip'],
			['Gave:', 'Gave:'],
		] as const
	).map(([typed, line]) => ({
		name: `a note typed as "${typed}" with no marker chosen is written as the log reads it: "${line}"`,
		entry: { channel: null, exchange: null, text: typed },
		before: n('---', 'last_contact: 2026-11-01', '---', '## Interactions', '- 2026-11-01 (coffee) Hi', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', `- 2026-11-23 ${line}`, '- 2026-11-01 (coffee) Hi', ''),
	})),
	{
		name: 'between entries under year sub-headings, under the heading of its year (newest first)',
		before: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2026', '- 2026-03-01 (call) a', '', '### 2025', '- 2025-12-01 (coffee) b', ''),
		after: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2026', '- 2026-03-01 (call) a', '- 2026-01-15 (call) Talked', '', '### 2025', '- 2025-12-01 (coffee) b', ''),
		entry: { date: '2026-01-15' },
	},
	{
		name: 'between entries under year sub-headings, under the heading of its year (oldest first)',
		settings: { newestFirst: false },
		before: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2025', '- 2025-12-01 (coffee) b', '', '### 2026', '- 2026-03-01 (call) a', ''),
		after: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2025', '- 2025-12-01 (coffee) b', '', '### 2026', '- 2026-01-15 (call) Talked', '- 2026-03-01 (call) a', ''),
		entry: { date: '2026-01-15' },
	},
	{
		name: 'a year with no heading of its own goes by date alone',
		before: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2026', '- 2026-03-01 (call) a', '', '### 2024', '- 2024-12-01 (coffee) b', ''),
		after: n('---', 'last_contact: 2026-03-01', '---', '## Interactions', '### 2026', '- 2026-03-01 (call) a', '', '### 2024', '- 2025-06-01 (call) Talked', '- 2024-12-01 (coffee) b', ''),
		entry: { date: '2025-06-01' },
	},
	...[true, false].map((newestFirst) => ({
		name: `the first entry goes above a sub-heading of the log, not under it (${newestFirst ? 'newest' : 'oldest'} first)`,
		settings: { newestFirst },
		before: n('---', 'last_contact: 2026-01-01', '---', '## Interactions', '', '### Ideas for next time', '- ask about Lisbon', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', '', '### Ideas for next time', '- ask about Lisbon', ''),
	})),
	{
		name: 'the first entry goes after the log’s own lines, above its sub-heading',
		settings: { newestFirst: false },
		before: n('---', 'last_contact: 2026-01-01', '---', '## Interactions', 'Met at the climbing gym.', '', '### Ideas', '- ask about Lisbon', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', 'Met at the climbing gym.', '', '- 2026-11-23 (call) Talked', '', '### Ideas', '- ask about Lisbon', ''),
	},
	{
		name: 'an unquoted [[date]] link as last_contact (read as that date) is moved forward, as the quoted link',
		before: n('---', 'last_contact: [[2026-10-01]] # by hand', '---', '## Interactions', '- 2026-10-01 a', ''),
		after: n('---', 'last_contact: "[[2026-11-23]]" # by hand', '---', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-10-01 a', ''),
	},
	{
		name: 'an unquoted [[date]] link as last_contact is not moved backward',
		before: n('---', 'last_contact: [[2026-10-01]]', '---', '## Interactions', '- 2026-10-01 a', ''),
		after: n('---', 'last_contact: [[2026-10-01]]', '---', '## Interactions', '- 2026-10-01 a', '- 2026-09-01 (call) Talked', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'a last_contact in the future is not trusted and is replaced',
		before: n('---', 'last_contact: 2027-01-01', '---', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a last_contact that is not a date is replaced',
		before: n('---', 'last_contact: last spring # ?', '---', ''),
		after: n('---', 'last_contact: 2026-11-23 # ?', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'custom key names and heading from settings',
		settings: { keys: { ...defaultSettings().keys, lastContact: 'prm-last-contacted' }, logHeading: '# Log' },
		before: n('---', 'prm-last-contacted: 2026-01-01', 'last_contact: 2020-01-01', '---', '# Log', '- 2026-01-01 a', ''),
		after: n('---', 'prm-last-contacted: 2026-11-23', 'last_contact: 2020-01-01', '---', '# Log', '- 2026-11-23 (call) Talked', '- 2026-01-01 a', ''),
	},
	{
		name: 'unicode, long lines and indented comments survive',
		before: n('---', 'aliases: [Ána, "Zoë 🌍"]', 'last_contact: 2026-11-02', '  # indented comment', 'bio: ' + 'é'.repeat(5000), '---', '# Ána Ruiz 🌍', ''),
		after: n(
			'---',
			'aliases: [Ána, "Zoë 🌍"]',
			'last_contact: 2026-11-23',
			'  # indented comment',
			'bio: ' + 'é'.repeat(5000),
			'---',
			'# Ána Ruiz 🌍',
			'',
			'## Interactions',
			'- 2026-11-23 (call) Talked',
			'',
		),
	},
	{
		name: 'an entry of several paragraphs stays whole: the new one goes after its last paragraph',
		before: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '', '  second paragraph of a', ''),
		after: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '', '  second paragraph of a', '- 2026-09-01 (call) Talked', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'a tab-indented code block with a blank line inside an entry is not split',
		before: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '\t```', '\tcode', '', '\tmore', '\t```', ''),
		after: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '\t```', '\tcode', '', '\tmore', '\t```', '- 2026-09-01 (call) Talked', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'a fence indented into an entry, with a blank line inside, stays whole (it was refused before)',
		before: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '  ```', '  code', '', '  more', '  ```', ''),
		after: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '  ```', '  code', '', '  more', '  ```', '- 2026-09-01 (call) Talked', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'unindented lines that continue an entry’s paragraph stay with it (oldest first)',
		before: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 met at conf', 'and talked about X', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-10-01 met at conf', 'and talked about X', '- 2026-11-23 (call) Talked', ''),
		settings: { newestFirst: false },
	},
	{
		name: 'a back-dated entry goes after the last entry’s continued paragraph (newest first)',
		before: n('---', 'last_contact: 2026-11-10', '---', '## Interactions', '- 2026-11-10 met', 'lazy text', '', 'A closing remark.', ''),
		after: n('---', 'last_contact: 2026-11-10', '---', '## Interactions', '- 2026-11-10 met', 'lazy text', '- 2026-11-01 (call) Talked', '', 'A closing remark.', ''),
		entry: { date: '2026-11-01' },
	},
	{
		name: 'a blank line then an unindented paragraph ends the entry',
		before: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '', ' not part of a', ''),
		after: n('---', 'last_contact: 2026-10-01', '---', '## Interactions', '- 2026-10-01 a', '- 2026-09-01 (call) Talked', '', ' not part of a', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'an unclosed fence inside a list item is closed at its own indent, so the new section is not code',
		before: n('---', 'last_contact: 2026-01-01', '---', '- item', '  ```', '  code', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '- item', '  ```', '  code', '  ```', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'an unclosed fence in a list item ends with the item: the log under it is found, and no fence line is added',
		before: n('---', 'last_contact: 2026-01-01', '---', '# Ana', '- Works on:', '  ```', '  kindred', '## Interactions', '- 2026-11-01 (call) a', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '# Ana', '- Works on:', '  ```', '  kindred', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-11-01 (call) a', ''),
	},
	{
		name: 'an entry whose own fence is left open ends at the next entry: a back-dated entry goes by date',
		before: n('---', 'last_contact: 2026-11-01', '---', '## Interactions', '- 2026-11-01 (call) sent her the script', '  ```sh', '  ./run.sh', '- 2026-10-01 (coffee) met', ''),
		after: n('---', 'last_contact: 2026-11-01', '---', '## Interactions', '- 2026-11-01 (call) sent her the script', '  ```sh', '  ./run.sh', '- 2026-10-01 (coffee) met', '- 2026-09-01 (call) Talked', ''),
		entry: { date: '2026-09-01' },
	},
	{
		name: 'a fence in a numbered item, CRLF, ends with the item too',
		before: '---\r\nlast_contact: 2026-01-01\r\n---\r\n1. Setup:\r\n   ~~~\r\n   code\r\n## Interactions\r\n- 2026-11-01 a\r\n',
		after: '---\r\nlast_contact: 2026-11-23\r\n---\r\n1. Setup:\r\n   ~~~\r\n   code\r\n## Interactions\r\n- 2026-11-23 (call) Talked\r\n- 2026-11-01 a\r\n',
	},
	{
		name: 'an indented fence outside any list holds unindented lines: a heading in it is code',
		before: n('---', 'last_contact: 2026-01-01', '---', '# Ana', '', '  ```', '## Interactions', '- 2026-11-01 (call) in code', '  ```', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '# Ana', '', '  ```', '## Interactions', '- 2026-11-01 (call) in code', '  ```', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'CRLF frontmatter over an LF body: the new line ends as its neighbours do',
		before: '---\r\nlast_contact: 2026-01-01\r\n---\r\n## Interactions\n- 2026-01-01 a\n',
		after: '---\r\nlast_contact: 2026-11-23\r\n---\r\n## Interactions\n- 2026-11-23 (call) Talked\n- 2026-01-01 a\n',
	},
	{
		name: 'LF frontmatter over a CRLF body, new section: CRLF like the body',
		before: '---\nlast_contact: 2026-01-01\n---\r\n# Ana\r\n',
		after: '---\nlast_contact: 2026-11-23\n---\r\n# Ana\r\n\r\n## Interactions\r\n- 2026-11-23 (call) Talked\r\n',
	},
	{
		name: 'a log heading inside an HTML comment is not the log: a new section goes after the comment',
		before: n('---', 'last_contact: 2026-01-01', '---', '<!--', '## Interactions', '- 2026-01-01 old', '-->', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '<!--', '## Interactions', '- 2026-01-01 old', '-->', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a commented-out template heading above the real log is passed over',
		before: n('---', 'last_contact: 2026-11-01', '---', '%%', '## Interactions', '%%', '# Ana', '', '## Interactions', '- 2026-11-01 real', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '%%', '## Interactions', '%%', '# Ana', '', '## Interactions', '- 2026-11-23 (call) Talked', '- 2026-11-01 real', ''),
	},
	{
		name: 'an unclosed comment at the end is closed before the new section, which would be hidden',
		before: n('---', 'last_contact: 2026-01-01', '---', '# Ana', '%%', 'draft', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '# Ana', '%%', 'draft', '%%', '', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'an unclosed comment in an empty log is closed before the first entry',
		before: n('---', 'last_contact: 2026-01-01', '---', '## Interactions', '<!-- newest first', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '<!-- newest first', '-->', '', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a quoted key name is found',
		before: n('---', '"last_contact": 2026-11-02', '---', '## Interactions', ''),
		after: n('---', '"last_contact": 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
	{
		name: 'a date with a time is replaced by a plain date',
		before: n('---', 'last_contact: 2026-11-02 10:00', '---', '## Interactions', ''),
		after: n('---', 'last_contact: 2026-11-23', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
	},
];

describe('applyTouchpoint', () => {
	it.each(rows)('$name', ({ before, after, entry: e, settings }) => {
		const result = applyTouchpoint(before, entry(e), ctx(settings));
		expect(result).toEqual({ ok: true, text: after, changed: true });
	});

	it('writes a channel-less, text-less entry', () => {
		const r = applyTouchpoint('## Interactions\n', entry({ channel: '  ', text: '' }), ctx());
		expect(r.ok && r.text).toBe('---\nlast_contact: 2026-11-23\n---\n## Interactions\n- 2026-11-23\n');
	});

	it('turns line breaks in the note text into spaces so the entry stays one line', () => {
		const r = applyTouchpoint('## Interactions\n', entry({ text: 'one\ntwo' }), ctx());
		expect(r.ok && r.text).toContain('- 2026-11-23 (call) one two\n');
	});
});

describe('setFrontmatterField, applySnooze, applyStatus', () => {
	it.each([
		{
			name: 'snooze added to existing frontmatter',
			before: n('---', 'trust: 4', '---', 'Body'),
			run: (t: string) => applySnooze(t, '2026-12-01', ctx()),
			after: n('---', 'trust: 4', 'snooze_until: 2026-12-01', '---', 'Body'),
		},
		{
			name: 'snooze replaced keeping quotes and comment',
			before: n('---', "snooze_until: '2026-11-30' # after the trip", '---'),
			run: (t: string) => applySnooze(t, '2026-12-01', ctx()),
			after: n('---', "snooze_until: '2026-12-01' # after the trip", '---'),
		},
		{
			name: 'status set on a note without frontmatter',
			before: 'Body\n',
			run: (t: string) => applyStatus(t, 'archived', ctx()),
			after: n('---', 'status: archived', '---', 'Body', ''),
		},
		{
			name: 'status replaced, CRLF kept',
			before: crlf(n('---', 'status: active', 'trust: 2', '---', '')),
			run: (t: string) => applyStatus(t, 'paused', ctx()),
			after: crlf(n('---', 'status: paused', 'trust: 2', '---', '')),
		},
		{
			name: 'a text value that needs quotes gets them',
			before: n('---', '---'),
			run: (t: string) => setFrontmatterField(t, 'energy', 'yes', ctx()),
			after: n('---', 'energy: "yes"', '---'),
		},
	])('$name', ({ before, run, after }) => {
		expect(run(before)).toEqual({ ok: true, text: after, changed: true });
	});

	it('reports no change when the value is already there (Date and text compared by value)', () => {
		const text = n('---', 'snooze_until: 2026-12-01', 'status: paused', '---');
		expect(applySnooze(text, '2026-12-01', ctx())).toEqual({ ok: true, text, changed: false });
		expect(applyStatus(text, 'paused', ctx())).toEqual({ ok: true, text, changed: false });
	});

	it('refuses with a message naming the note and the action', () => {
		const text = n('---', 'status: [a, b]', '---');
		expect(applyStatus(text, 'paused', ctx())).toEqual({
			ok: false,
			error: 'People/Ana Ruiz.md: cannot set status: status is a list or map, not a single value',
		});
		expect(applySnooze('', '2026-02-30', ctx())).toEqual({
			ok: false,
			error: 'People/Ana Ruiz.md: cannot snooze: "2026-02-30" is not a real date (expected yyyy-MM-dd)',
		});
	});

	it('uses a parser that keeps dates as text (as Obsidian may) just as well', () => {
		const c: EditContext = { ...ctx(), parseYaml: (yaml) => load(yaml, { schema: JSON_SCHEMA }) };
		expect(c.parseYaml('d: 2026-11-02')).toEqual({ d: '2026-11-02' });
		const r = applyTouchpoint(n('---', 'last_contact: 2026-11-02', 'met: 2020-01-01', '---', ''), entry(), c);
		expect(r).toEqual({
			ok: true,
			changed: true,
			text: n('---', 'last_contact: 2026-11-23', 'met: 2020-01-01', '---', '## Interactions', '- 2026-11-23 (call) Talked', ''),
		});
	});
});
