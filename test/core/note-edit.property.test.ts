// Property tests for the note edit (issue 4, item 2): random notes and random entries.
// A generated note knows whether it is safe to edit, so both halves are checked: a safe
// note is always edited correctly, an unsafe one is always refused with the text intact.
// Runs: KINDRED_PROPERTY_RUNS (npm test sets it), else 10,000 for the main property.
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/core/dates';
import { formatLogLine, readLog } from '../../src/core/logline';
import { applySnooze, applyTouchpoint, type EditContext } from '../../src/core/note-edit';
import { defaultSettings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/types';

// `npm test` sets KINDRED_PROPERTY_RUNS (Vitest mirrors the environment into import.meta.env).
const runs = Number(import.meta.env.KINDRED_PROPERTY_RUNS) || 10_000;
/** The global the `---js` payloads below would set if anything ever ran them. */
declare const kindredPwned: unknown;

const TODAY = '2026-11-23';
const PATH = 'People/Ana Ruiz.md';

/** Text for one line: no line breaks, never starting like markdown structure. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÿА-я][A-Za-z0-9À-ÿА-я .,;:()'"!?%&@$=_/*+-]{0,30}$/);
const emoji = fc.constantFrom('🌍', 'Zoë', 'ナ', '北京', 'é', '👩‍👩‍👧');
const prose = fc
	.tuple(fc.array(fc.oneof(word, emoji), { minLength: 1, maxLength: 6 }), fc.nat(40))
	.map(([parts, n]) => {
		const s = parts.join(' ');
		// One line in forty is very long.
		return n === 0 ? `${s} ${'x'.repeat(20_000)}` : s;
	})
	// `key: value` at the start of a line would read as YAML if a note starts with it; fine
	// in a body, but a line must not start with a fence or heading character by accident.
	.map((s) => s.trimEnd());

const isoDate = (min: string, max: string): fc.Arbitrary<string> =>
	fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const pastDate = isoDate('2000-01-01', TODAY);

const logLine = fc
	.record({
		bullet: fc.constantFrom('-', '*', '+'),
		date: pastDate,
		link: fc.boolean(),
		channel: fc.option(fc.constantFrom('call', 'coffee', 'video call', 'meal')),
		marker: fc.constantFrom('', 'Gave: ', 'received: '),
		text: fc.option(prose),
	})
	.map((l) => `${l.bullet} ${l.link ? `[[${l.date}]]` : l.date}${l.channel ? ` (${l.channel})` : ''} ${l.marker}${l.text ?? ''}`.trimEnd());

const heading = fc
	.record({ level: fc.integer({ min: 1, max: 4 }), text: fc.oneof(fc.constant('Interactions'), fc.constant('interactions'), word) })
	.map(({ level, text }) => `${'#'.repeat(level)} ${text}`);

const fence = fc
	.record({
		char: fc.constantFrom('`', '~'),
		length: fc.integer({ min: 3, max: 5 }),
		lines: fc.array(fc.oneof(heading, logLine, prose, fc.constant('## Interactions')), { maxLength: 4 }),
		closed: fc.nat(9),
	})
	.map(({ char, length, lines, closed }) => {
		const f = char.repeat(length);
		// One fence in ten is never closed: it runs to the end of the note.
		return [f + (char === '`' ? 'markdown' : ''), ...lines, ...(closed === 0 ? [] : [char.repeat(length + (closed % 2))])];
	});

const block = fc.oneof(
	{ weight: 3, arbitrary: prose.map((s) => [s]) },
	{ weight: 2, arbitrary: heading.map((s) => [s]) },
	{ weight: 1, arbitrary: fc.constant(['## Interactions']) },
	{ weight: 3, arbitrary: fc.array(logLine, { minLength: 1, maxLength: 4 }) },
	{ weight: 1, arbitrary: logLine.map((s) => [s, `  - nested ${s}`]) },
	{ weight: 1, arbitrary: fence },
	{ weight: 2, arbitrary: fc.constant(['']) },
);

const body = fc.array(block, { maxLength: 8 }).map((blocks) => blocks.flat());

/** What the last-contact line looks like, and whether the edit must be refused. */
type Shape = 'absent' | 'plain' | 'single' | 'double' | 'comment' | 'empty' | 'future' | 'garbage' | 'time' | 'dup' | 'list' | 'block' | 'flow';
const REFUSED_SHAPES: Shape[] = ['dup', 'list', 'block', 'flow'];

const lastContactLines = (shape: Shape, date: string): string[] => {
	switch (shape) {
		case 'absent':
			return [];
		case 'plain':
			return [`last_contact: ${date}`];
		case 'single':
			return [`last_contact: '${date}'`];
		case 'double':
			return [`last_contact:    "${date}"   # kindred`];
		case 'comment':
			return [`last_contact: ${date} # last call`];
		case 'empty':
			return ['last_contact:'];
		case 'future':
			return ['last_contact: 2030-01-01'];
		case 'garbage':
			return ['last_contact: last spring'];
		case 'time':
			return [`last_contact: ${date}T10:30:00Z`];
		case 'dup':
			return [`last_contact: ${date}`, `last_contact: ${date}`];
		case 'list':
			return ['last_contact:', `  - ${date}`];
		case 'block':
			return ['last_contact: |', `  ${date}`];
		case 'flow':
			return [`last_contact: [${date}]`];
	}
};

const keyName = fc.constantFrom('trust', 'cadence', 'status', 'circles', 'knows', 'bio', 'ключ', 'zoë', 'created', 'tags');
const scalar = fc.oneof(
	fc.integer({ min: -5, max: 99 }).map(String),
	word.map((w) => JSON.stringify(w)),
	word.map((w) => `'${w.replace(/'/g, "''")}'`),
	pastDate,
	fc.constantFrom('true', 'null', 'every 3 weeks', '"[[Ben Ode]]"', '[work, climbing]', '{a: 1}'),
);
const otherKey = fc.tuple(keyName, fc.nat(5), scalar, word).map(([k, form, value, w]): string[] => {
	switch (form) {
		case 0:
			return [`${k}:`, `  - ${JSON.stringify(w)}`, '  - x'];
		case 1:
			// A block scalar that contains what looks like the log and the key.
			return [`${k}: |`, '  ## Interactions', `  - ${TODAY} inside yaml`, '  last_contact: 1999-01-01'];
		case 2:
			return [`${k}: ${value} # ${w}`];
		default:
			return [`${k}: ${value}`];
	}
});

const note = fc
	.record({
		bom: fc.boolean(),
		crlf: fc.boolean(),
		finalEol: fc.boolean(),
		frontmatter: fc.nat(19),
		others: fc.uniqueArray(otherKey, { maxLength: 5, selector: (lines) => lines[0].split(':')[0] }),
		comments: fc.array(word.map((w) => `# ${w}`), { maxLength: 2 }),
		shape: fc.constantFrom<Shape>('absent', 'plain', 'single', 'double', 'comment', 'empty', 'future', 'garbage', 'time', 'dup', 'list', 'block', 'flow'),
		lastDate: pastDate,
		position: fc.nat(5),
		body,
	})
	.map((r) => {
		// Frontmatter: none (1 in 5), broken YAML, a `---js` block, unclosed, or YAML.
		let fm: string[] = [];
		let refused = false;
		let hasFrontmatter = true;
		const lc = lastContactLines(r.shape, r.lastDate);
		// The key goes between whole items, never inside another key's block.
		const items = [...r.others, ...r.comments.map((c) => [c])];
		items.splice(Math.min(r.position, items.length), 0, lc);
		const yaml = items.flat();
		if (r.frontmatter < 4) hasFrontmatter = false;
		else if (r.frontmatter === 4) {
			fm = ['---', 'trust: 4', 'bad: [unclosed', ...lc, '---'];
			refused = true;
		} else if (r.frontmatter === 5) {
			fm = ['---js', '{ "last_contact": (globalThis.kindredPwned = "2026-01-01") }', '---'];
			refused = true;
		} else if (r.frontmatter === 6) {
			fm = ['---', ...yaml];
			refused = true;
		} else {
			fm = ['---', ...yaml, '---'];
			refused = REFUSED_SHAPES.includes(r.shape);
		}
		const lines = [...fm, ...r.body];
		const eol = r.crlf ? '\r\n' : '\n';
		let text = lines.join(eol);
		if (r.finalEol && lines.length > 0) text += eol;
		if (r.bom) text = `\uFEFF${text}`;
		const oldDate = hasFrontmatter && !refused && ['plain', 'single', 'double', 'comment', 'time'].includes(r.shape) ? r.lastDate : null;
		// Any edit of broken, `---js` or unclosed frontmatter is refused, and js-yaml
		// rejects a duplicate key whichever key is edited.
		const anyEditRefused = (hasFrontmatter && r.frontmatter <= 6) || (hasFrontmatter && r.shape === 'dup');
		return { text, refused, anyEditRefused, crlf: r.crlf, oldDate };
	});

const entry = fc.record<LogEntry>({
	date: pastDate,
	linked: fc.boolean(),
	channel: fc.option(fc.constantFrom('call', 'coffee', 'walk in the park')),
	exchange: fc.constantFrom(null, 'gave' as const, 'received' as const),
	text: fc.oneof(prose, fc.constant('')),
});

const settingsArb = fc.record({ newestFirst: fc.boolean(), linkDates: fc.boolean() });

/** Is `small` a subsequence of `big`? Linear and greedy. */
function isSubsequence(small: string, big: string): boolean {
	let i = 0;
	for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
	return i === small.length;
}

/** The note with the value of a top-level `key:` line removed (quotes and all). */
function withoutValue(text: string, key: string): string {
	return text.replace(new RegExp(`^(${key}:[ \\t]*)([^\\r\\n#]*?)([ \\t]+#[^\\r\\n]*)?(\\r?)$`, 'm'), '$1$3$4');
}

function frontmatterOf(text: string): Record<string, unknown> {
	const t = text.replace(/^\uFEFF/, '');
	const m = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/.exec(t);
	if (!m) return {};
	return (load(m[1] ?? '') as Record<string, unknown> | null) ?? {};
}

function without<T extends Record<string, unknown>>(o: T, key: string): Record<string, unknown> {
	const copy: Record<string, unknown> = { ...o };
	delete copy[key];
	return copy;
}

describe('applyTouchpoint on random notes', () => {
	it(`edits safe notes correctly and refuses unsafe ones (${runs} cases)`, () => {
		fc.assert(
			fc.property(note, entry, settingsArb, (n, e, s) => {
				const settings = { ...defaultSettings(), ...s };
				const ctx: EditContext = { path: PATH, settings, parseYaml: load, today: TODAY };
				const original = n.text;
				const copy = `${original}`;
				const result = applyTouchpoint(original, e, ctx);
				expect(original).toBe(copy);
				if (n.refused) {
					expect(result.ok).toBe(false);
					if (!result.ok) {
						expect(result.error).toMatch(/^People\/Ana Ruiz\.md: cannot log: \S/);
						expect(result.error).not.toMatch(/[\r\n]/);
					}
					return;
				}
				if (!result.ok) throw new Error(`refused a safe note: ${result.error}\n${JSON.stringify(original.slice(0, 400))}`);
				const out = result.text;

				// Nothing lost: every byte of the original, in order, except the old value.
				expect(isSubsequence(withoutValue(original, 'last_contact'), out)).toBe(true);
				// The entry is in the log.
				const line = formatLogLine({ ...e, linked: settings.linkDates });
				expect(readLog(out, settings).map(formatLogLine)).toContain(line);
				// The frontmatter is the same object except for last_contact, which moved forward.
				const before = frontmatterOf(original);
				const after = frontmatterOf(out);
				expect(without(after, 'last_contact')).toEqual(without(before, 'last_contact'));
				const expected = n.oldDate !== null && n.oldDate > e.date ? n.oldDate : e.date;
				expect(readDate(after.last_contact)).toEqual({ ok: true, date: expected });
				// BOM, line endings and the final line ending follow the note.
				expect(out.startsWith('\uFEFF')).toBe(original.startsWith('\uFEFF'));
				if (n.crlf && original.includes('\n')) expect(/(^|[^\r])\n/.test(out)).toBe(false);
				if (!n.crlf) expect(out.includes('\r')).toBe(original.includes('\r'));
				const empty = original.replace(/^\uFEFF/, '') === '';
				expect(out.endsWith('\n')).toBe(original.endsWith('\n') || empty);
			}),
			{ numRuns: runs },
		);
		expect(typeof kindredPwned).toBe('undefined');
	});
});

describe('applySnooze on random notes', () => {
	it('changes only the snooze value and keeps every other key', () => {
		fc.assert(
			fc.property(note, isoDate('2026-01-01', '2027-12-31'), (n, until) => {
				const ctx: EditContext = { path: PATH, settings: defaultSettings(), parseYaml: load, today: TODAY };
				const result = applySnooze(n.text, until, ctx);
				if (n.anyEditRefused) {
					expect(result.ok).toBe(false);
					return;
				}
				if (!result.ok) throw new Error(`refused a safe note: ${result.error}\n${JSON.stringify(n.text.slice(0, 400))}`);
				expect(isSubsequence(n.text, result.text)).toBe(true);
				const after = frontmatterOf(result.text);
				expect(without(after, 'snooze_until')).toEqual(without(frontmatterOf(n.text), 'snooze_until'));
				expect(readDate(after.snooze_until)).toEqual({ ok: true, date: until });
			}),
			{ numRuns: Math.max(200, Math.floor(runs / 5)) },
		);
	});
});
