// Bad input at the core level (issue 4, item 3): one table, each row with the exact
// message the user gets and proof that the note's text is unchanged. The README's
// troubleshooting table is built from these rows. (Person fields such as an unknown
// cadence or a `knows` entry that is not a link are readPerson's; unreadable files,
// data.json and names for new people are the command line's and the plugin's.)
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applySnooze, applyStatus, applyTouchpoint, type EditContext } from '../../src/core/note-edit';
import { defaultSettings } from '../../src/core/settings';
import type { EditResult, LogEntry, PersonStatus } from '../../src/core/types';

/** The global the `---js` payloads below would set if anything ever ran them. */
declare const kindredPwned: unknown;

const TODAY = '2026-11-23';
const PATH = 'People/Ana Ruiz.md';
const n = (...lines: string[]): string => lines.join('\n');

interface Case {
	case: string;
	text: string;
	/** What to do; a touchpoint on TODAY by default. */
	run?: (text: string, ctx: EditContext) => EditResult;
	entry?: Partial<LogEntry>;
	message: string;
}

const log = (over: Partial<LogEntry> = {}) => (text: string, ctx: EditContext): EditResult =>
	applyTouchpoint(text, { date: TODAY, linked: false, channel: 'call', exchange: null, text: 'Talked', ...over }, ctx);

const cases: Case[] = [
	{
		case: 'frontmatter that is not valid YAML',
		text: n('---', 'trust: 4', 'cadence: [monthly', '---', 'Body'),
		message: `${PATH}: cannot log: the frontmatter is not valid YAML (line 4: unexpected end of the stream within a flow collection)`,
	},
	{
		case: 'a duplicate last_contact',
		text: n('---', 'last_contact: 2026-11-01', 'trust: 4', 'last_contact: 2026-11-02', '---'),
		message: `${PATH}: cannot log: last_contact appears twice in the frontmatter`,
	},
	{
		case: 'last_contact as a list',
		text: n('---', 'last_contact:', '  - 2026-11-01', '---'),
		message: `${PATH}: cannot log: last_contact is a list or block, not a single value`,
	},
	{
		case: 'last_contact as a list at the key’s indentation',
		text: n('---', 'last_contact:', '- 2026-11-01', '---'),
		message: `${PATH}: cannot log: last_contact is a list, not a single value`,
	},
	{
		case: 'last_contact as a flow list',
		text: n('---', 'last_contact: [2026-11-01]', '---'),
		message: `${PATH}: cannot log: last_contact is a list or map, not a single value`,
	},
	{
		case: 'last_contact as a block of text',
		text: n('---', 'last_contact: |', '  2026-11-01', '---'),
		message: `${PATH}: cannot log: last_contact is a block of text, not a single value`,
	},
	{
		case: 'last_contact continued on the next line',
		text: n('---', 'last_contact: 2026-11-01', '  or so', '---'),
		message: `${PATH}: cannot log: last_contact spans several lines`,
	},
	{
		case: 'last_contact as an alias',
		text: n('---', 'met: &d 2026-11-01', 'last_contact: *d', '---'),
		message: `${PATH}: cannot log: last_contact uses a YAML anchor or alias`,
	},
	{
		case: 'last_contact with a YAML tag',
		text: n('---', 'last_contact: !!str 2026-11-01', '---'),
		message: `${PATH}: cannot log: last_contact has a YAML tag`,
	},
	{
		case: 'frontmatter that is a list, not keys',
		text: n('---', '- a', '- b', '---'),
		message: `${PATH}: cannot log: the frontmatter is not a set of key: value pairs`,
	},
	{
		case: 'frontmatter without a closing ---',
		text: n('---', 'trust: 4', '', '# Ana'),
		message: `${PATH}: cannot log: the note opens with --- but has no closing --- line, so none of its properties are read`,
	},
	{
		case: 'a ---js frontmatter block (never run)',
		text: n('---js', '{ last_contact: (globalThis.kindredPwned = "2026-11-01") }', '---', 'Body'),
		message: `${PATH}: cannot log: the note opens with "---js": only YAML under a first line of --- alone is read, and code in it is never run`,
	},
	{
		case: 'a ---javascript frontmatter block (never run)',
		text: n('---javascript', 'module.exports = { x: (globalThis.kindredPwned = 1) }', '---'),
		message: `${PATH}: cannot log: the note opens with "---javascript": only YAML under a first line of --- alone is read, and code in it is never run`,
	},
	{
		// Obsidian reads no properties under `---yaml`: an edit there would change nothing it shows.
		case: 'a ---yaml first line',
		text: n('---yaml', 'trust: 4', '---', 'Body'),
		message: `${PATH}: cannot log: the note opens with "---yaml", which Obsidian does not read as properties; write the first line as --- alone`,
	},
	{
		case: 'old Mac line endings (CR only)',
		text: '---\rtrust: 4\r---\r',
		message: `${PATH}: cannot log: its lines end in a lone carriage return (old Mac line endings); only notes with LF or CRLF line endings are edited`,
	},
	{
		case: 'old Mac line endings (CR only) in a one-line note',
		text: '# Ana\r',
		message: `${PATH}: cannot log: its lines end in a lone carriage return (old Mac line endings); only notes with LF or CRLF line endings are edited`,
	},
	{
		case: 'old Mac line endings (CR only) in a note without frontmatter',
		text: '# Ana\r\rMet at a meetup.\r',
		run: (text, ctx) => applySnooze(text, '2026-12-01', ctx),
		message: `${PATH}: cannot snooze: its lines end in a lone carriage return (old Mac line endings); only notes with LF or CRLF line endings are edited`,
	},
	{
		case: 'an impossible touchpoint date',
		text: n('---', 'trust: 4', '---'),
		run: log({ date: '2026-02-30' }),
		message: `${PATH}: cannot log: 2026-02-30 is not a real date`,
	},
	{
		case: 'a touchpoint date that is not a date',
		text: '',
		run: log({ date: 'yesterday' }),
		message: `${PATH}: cannot log: "yesterday" is not a date (expected yyyy-MM-dd)`,
	},
	{
		case: 'a touchpoint dated after today',
		text: n('---', 'trust: 4', '---'),
		run: log({ date: '2026-12-01' }),
		message: `${PATH}: cannot log: 2026-12-01 is after today (2026-11-23)`,
	},
	{
		case: 'a channel with parentheses',
		text: '',
		run: log({ channel: 'call (short)' }),
		message: `${PATH}: cannot log: the channel cannot contain parentheses or line breaks`,
	},
	{
		// Written, it would read back with "laughs" as the channel and "great chat" as the note.
		case: 'no channel, and a note that starts like one',
		text: n('---', 'trust: 4', '---'),
		run: log({ channel: null, text: '(laughs) great chat' }),
		message: `${PATH}: cannot log: the note starts with "(laughs)", which the log would read as the channel; choose a channel, or start the note with something else`,
	},
	{
		case: 'a snooze date that does not exist',
		text: n('---', 'trust: 4', '---'),
		run: (text, ctx) => applySnooze(text, '2026-02-30', ctx),
		message: `${PATH}: cannot snooze: "2026-02-30" is not a real date (expected yyyy-MM-dd)`,
	},
	{
		case: 'a status that is not one of the four',
		text: n('---', 'status: active', '---'),
		run: (text, ctx) => applyStatus(text, 'gone' as PersonStatus, ctx),
		message: `${PATH}: cannot set status: "gone" is not a status (target, active, paused, archived)`,
	},
	{
		case: 'snoozing a note whose snooze_until is a list',
		text: n('---', 'snooze_until: [2026-12-01, 2027-01-01]', '---'),
		run: (text, ctx) => applySnooze(text, '2026-12-24', ctx),
		message: `${PATH}: cannot snooze: snooze_until is a list or map, not a single value`,
	},
];

describe('bad input: a clear one-line message and nothing written', () => {
	it.each(cases)('$case', ({ text, run, message }) => {
		const before = `${text}`;
		let parsed = 0;
		const ctx: EditContext = {
			path: PATH,
			settings: defaultSettings(),
			today: TODAY,
			parseYaml: (yaml) => {
				parsed++;
				return load(yaml);
			},
		};
		const result = (run ?? log())(text, ctx);
		expect(result).toEqual({ ok: false, error: message });
		expect(message).not.toMatch(/[\r\n]/);
		expect(text).toBe(before);
		if (text.startsWith('---j')) expect(parsed).toBe(0);
		expect(typeof kindredPwned).toBe('undefined');
	});
});

describe('bad input that is handled rather than refused', () => {
	const ctx: EditContext = { path: PATH, settings: defaultSettings(), today: TODAY, parseYaml: load };

	it('a stray carriage return in a note with LF or CRLF line endings does not stop an edit', () => {
		for (const text of ['# Ana\rRuiz\nMet.\n', '# Ana\r\r\nMet.\r\n', '---\r\r\ntrust: 4\r\n---\r\n']) {
			const logged = applyTouchpoint(text, { date: TODAY, linked: false, channel: null, exchange: null, text: 'Talked' }, ctx);
			expect(logged.ok).toBe(true);
			if (!logged.ok) continue;
			expect(logged.text).toContain(`- ${TODAY} Talked`);
			expect(applySnooze(text, '2026-12-01', ctx).ok).toBe(true);
		}
	});

	it('a 10 MB note is logged, in well under a second, with every byte kept', () => {
		const paragraph = 'A long note about Ana, her family, her work and the places she lived. '.repeat(20);
		const parts = ['---', 'trust: 4', 'last_contact: 2026-11-02', '---', '# Ana'];
		let size = 0;
		while (size < 10 * 1024 * 1024) {
			parts.push(paragraph, '');
			size += paragraph.length + 2;
		}
		parts.push('## Interactions', '- 2026-11-02 (coffee) Hi', '');
		const text = parts.join('\n');
		const t0 = performance.now();
		const result = applyTouchpoint(text, { date: TODAY, linked: false, channel: 'call', exchange: null, text: 'Talked' }, ctx);
		const ms = performance.now() - t0;
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const expected = text
			.replace('last_contact: 2026-11-02', `last_contact: ${TODAY}`)
			.replace('## Interactions\n', `## Interactions\n- ${TODAY} (call) Talked\n`);
		expect(result.text === expected).toBe(true);
		expect(ms).toBeLessThan(2000);
	});

	it('a last_contact in the future (reported by readPerson) is replaced by the touchpoint date', () => {
		const result = applyTouchpoint(n('---', 'last_contact: 2030-01-01', '---', ''), { date: TODAY, linked: false, channel: null, exchange: null, text: '' }, ctx);
		expect(result.ok && result.text).toBe(n('---', `last_contact: ${TODAY}`, '---', '## Interactions', `- ${TODAY}`, ''));
	});

	it('an impossible date in the log is reported, not read, and the note can still be logged', () => {
		const text = n('## Interactions', '- 2026-02-30 (call) typo', '');
		const result = applyTouchpoint(text, { date: TODAY, linked: false, channel: null, exchange: null, text: 'ok' }, ctx);
		expect(result.ok && result.text).toBe(n('---', `last_contact: ${TODAY}`, '---', '## Interactions', `- ${TODAY} ok`, '- 2026-02-30 (call) typo', ''));
	});
});
