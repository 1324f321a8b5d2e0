/**
 * The frontmatter fast path against js-yaml itself: whenever simple-yaml answers, its
 * object equals what js-yaml's `load` builds with the reader's schema (dates, numbers,
 * booleans, nulls, key order included), and js-yaml would not have thrown; for anything
 * outside the simple shape it answers undefined and the reader asks js-yaml.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, YAML_SCHEMA } from '../../src/cli/frontmatter';
import { implicitTypesOf, loadSimpleYaml } from '../../src/cli/simple-yaml';

const TYPES = implicitTypesOf(YAML_SCHEMA);
const simple = (yaml: string): Record<string, unknown> | undefined => loadSimpleYaml(yaml, TYPES);
const jsYaml = (yaml: string): unknown => load(yaml, { schema: YAML_SCHEMA });

/** What js-yaml gives, or 'throws'. */
function reference(yaml: string): unknown {
	try {
		return jsYaml(yaml);
	} catch {
		return 'throws';
	}
}

/** The fast path's contract on one block. */
function agrees(yaml: string): void {
	const fast = simple(yaml);
	if (fast === undefined) return;
	expect(reference(yaml), JSON.stringify(yaml)).toEqual(fast);
	// Same key order, as the JSON output lists frontmatter-derived fields in order.
	expect(Object.keys(fast)).toEqual(Object.keys(jsYaml(yaml) as object));
}

describe('the reader’s schema is readable', () => {
	it('finds the implicit types in js-yaml’s order, with the narrowed timestamp', () => {
		expect(TYPES).not.toBeNull();
		const stamp = TYPES?.find((t) => (t as unknown as { tag: string }).tag === 'tag:yaml.org,2002:timestamp');
		expect(stamp?.resolve('2026-02-30')).toBe(false);
		expect(stamp?.resolve('2026-02-28')).toBe(true);
	});

	it('answers undefined for every block when the types are unknown', () => {
		expect(loadSimpleYaml('\na: 1\n', null)).toBeUndefined();
	});
});

describe('simple blocks: the same object as js-yaml', () => {
	it.each([
		['\ncadence: every 3 weeks\ntrust: 2\nlast_contact: 2026-11-01\ncircles: [health]'],
		['\nlast_contact: "2025-10-25"\nknows: ["[[Ana Lima]]", "[[Bo]]"]\nintroduced_by: "[[Cy]]"'],
		['\nd: 2026-02-30\nt: 2026-11-02T09:30\nn: ~\nb: true\nB: False\ni: 0x1F\nf: 1.5e3\ninf: .inf\nnan: .NaN'],
		['\r\ntrust: 3\r\ncircles: [a, b]\r'],
		['\ntags:\n  - person\n  - friend\naliases:\n- Bob\n- "Bobby B"\nempty:\nlast: x'],
		['\nurl: https://example.com/a#b\ntime: 10:30\nhash: C#\nquote: it\'s\nsq: \'a "b"\'\ndq: "it\'s"'],
		['\nspaced key: value  \nkey-with-dash: [ a , 2 ,  "c" ]\nnone: []\nsp: [ ]'],
		['\nname: José Ñúñez\nemoji: café ☕\nnbsp: a\u00a0b'],
		['   \n\na: 1\n\n   \nb: 2\n'],
		['\nnothing: null\nyes: yes\nNo: no'],
	])('%j', (yaml) => {
		expect(simple(yaml)).not.toBeUndefined();
		agrees(yaml);
	});
});

describe('blocks outside the simple shape are left to js-yaml', () => {
	it.each([
		['a comment line', '\n# note\na: 1'],
		['a trailing comment', '\na: 1 # one'],
		['a tab', '\na:\t1'],
		['a nested map', '\na:\n  b: 1'],
		['a multi-line scalar', '\na: one\n  two'],
		['a block scalar', '\na: |\n  text'],
		['an anchor and alias', '\na: &x 1\nb: *x'],
		['a tag', '\na: !!str 1'],
		['a flow map', '\na: {b: 1}'],
		['a nested list', '\na: [[b]]'],
		['an unquoted link list', '\nknows: [[Ana]]'],
		['escapes', '\na: "line\\nbreak"'],
		['a doubled single quote', "\na: 'it''s'"],
		['a duplicate key', '\na: 1\na: 2'],
		['a key with a colon and no space', '\na:1'],
		['a value with ": "', '\na: b: c'],
		['items at two indents', '\na:\n  - 1\n    - 2'],
		['an item with no key above', '\n- a\n- b'],
		['an item after a value', '\na: 1\n  - 2'],
		['a leading indent', '\n  a: 1'],
		['a merge key', '\n<<: {a: 1}'],
		['__proto__', '\n__proto__: 1'],
		['a trailing comma', '\na: [b,]'],
		['a control character', '\na: b\u0007'],
		['a lone surrogate', '\na: \ud800'],
		['a lone CR', '\na: 1\rb: 2'],
		['no keys', '\n\n  \n'],
		['a scalar document', '\nhello'],
		['a document end marker', '\na: 1\n...\n'],
		['a key resolving to a boolean', '\nTrue: 1'],
		['a key resolving to null', '\nnull: 1'],
		['a value starting with a dash', '\na: -3'],
	])('%s', (_name, yaml) => {
		expect(simple(yaml)).toBeUndefined();
	});
});

// Building blocks chosen to sit on the edges of the simple shape.
const KEYS = ['a', 'trust', 'last_contact', 'Tags', 'tag', 'spaced key', 'x-y', '_k', 'null', 'true', 'False', 'a ', 'a#b', '1a', '-a', 'k:'];
const SCALARS = [
	'1', '-1', '+1', '0x1F', '0o17', '1_000', '1.5', '.5', '1e3', '.inf', '-.Inf', '.NaN', 'nan', 'true', 'True', 'TRUE', 'yes', 'no', 'on',
	'null', 'Null', '~', '2026-11-02', '2026-02-30', '2026-2-3', '2026-11-02T09:30', '2026-11-02 09:30', '2026-11-02T09:30:00Z',
	'every 3 weeks', 'monthly', 'https://x.org/a#b', 'a # b', 'a#b', 'C#', 'a: b', 'a:b', 'a:', ':a', 'it\'s', '"q"', '\'q\'',
	'"it\'s"', '\'a "b"\'', '"a\\"b"', '\'a\'\'b\'', '"[[Ana]]"', '[[Ana]]', '[a, b]', '[a,b]', '[ a , "b" , 3 ]', '[]', '[ ]', '[a,]',
	'[a: 1]', '[a, [b]]', '{a: 1}', '&x a', '*x', '!!str a', '|', '>-', '- a', '-a', '?a', '? a', '%a', '@a', '`a`', 'café', 'a  b',
	'a ', ' a', 'a\tb', '<<', '=', 'a,b', 'a]', 'a[', '0', '00', '0b101', '-0', '1.', '1__0',
];
const INDENTS = ['', ' ', '  ', '    '];

const line = fc.oneof(
	fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ' :'), fc.constantFrom('', ...SCALARS), fc.constantFrom('', ' ', '  ')).map(
		([k, sep, v, trail]) => `${k}${sep}${v}${trail}`,
	),
	fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom('- ', '-  ', '-'), fc.constantFrom('', ...SCALARS)).map(([i, d, v]) => `${i}${d}${v}`),
	fc.constantFrom('', '  ', '# c', '  # c', '...', '---'),
);

describe('property: the fast path never disagrees with js-yaml', () => {
	it('on blocks of edge-case lines', () => {
		fc.assert(
			fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '  ', 'yaml'), (lines, eol, first) => {
				agrees(`${first}${eol}${lines.join(eol)}`);
			}),
			{ numRuns: 3000 },
		);
	});

	it('on blocks of mostly simple lines (so the fast path answers often)', () => {
		const key = fc.constantFrom('a', 'trust', 'last_contact', 'tags', 'spaced key', 'x-y', '_k', 'k2');
		const keyLine = fc.tuple(key, fc.constantFrom('', ...SCALARS)).map(([k, v]) => (v === '' ? `${k}:` : `${k}: ${v}`));
		const item = fc.tuple(fc.constantFrom('', '  '), fc.constantFrom(...SCALARS)).map(([i, v]) => `${i}- ${v}`);
		let answered = 0;
		fc.assert(
			fc.property(fc.array(fc.oneof(keyLine, keyLine, item), { maxLength: 6 }), (lines) => {
				const yaml = `\n${lines.join('\n')}`;
				if (simple(yaml) !== undefined) answered++;
				agrees(yaml);
			}),
			// Seeded: how often the fast path answers is a property of the sample, so an
			// unseeded run could fall just short of the floor below by chance.
			{ numRuns: 3000, seed: 20261123 },
		);
		expect(answered).toBeGreaterThan(300);
	});

	it('on arbitrary text built from YAML’s special characters', () => {
		const chars = fc.constantFrom(...'ab1 :-#[]{},"\'\n\r\t&*!|>%@`?~.\\'.split(''), 'é', '\u00a0', '\u2028', '\u0085');
		fc.assert(
			fc.property(fc.array(chars, { maxLength: 40 }), (cs) => agrees(`\nk: ${cs.join('')}`)),
			{ numRuns: 3000 },
		);
		fc.assert(
			fc.property(fc.array(chars, { maxLength: 40 }), (cs) => agrees(cs.join(''))),
			{ numRuns: 3000 },
		);
	});
});

describe('readFrontmatter with the fast path', () => {
	it('gives what js-yaml gives, and a YAML error still comes from js-yaml', () => {
		const text = '---\ncadence: monthly\ntags:\n  - person\nlast_contact: 2026-11-02\n---\nbody';
		expect(readFrontmatter(text)).toEqual({ kind: 'ok', data: jsYaml('\ncadence: monthly\ntags:\n  - person\nlast_contact: 2026-11-02'), body: 'body' });
		expect(readFrontmatter('---\na: 1\na: 2\n---\n')).toEqual({ kind: 'error', reason: 'is not valid YAML (line 3: duplicated mapping key)', body: '' });
	});
});

describe('the fast path’s memory of plain values, and reading in place', () => {
	it('are equal again, and a Date is never shared between two notes', () => {
		const yaml = '\nlast_contact: 2026-11-02\ntrust: 3\ncircles: [work, 2026-01-05]';
		const a = simple(yaml);
		const b = simple(yaml);
		expect(b).toEqual(jsYaml(yaml));
		expect(a?.last_contact).not.toBe(b?.last_contact);
		expect((a?.circles as unknown[])[1]).not.toBe((b?.circles as unknown[])[1]);
		(a?.last_contact as Date).setTime(0);
		expect(b?.last_contact).toEqual(new Date(Date.UTC(2026, 10, 2)));
	});

	it('stay exact when far more values than the table holds collide in it', () => {
		// Thousands of distinct scalars evict one another; every block still reads as
		// js-yaml reads it, including the ones read again after their slot was taken.
		const blocks = Array.from({ length: 12_000 }, (_, i) => {
			const d = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
			return `\nk${i % 97}: v${i}\nn: ${i}\nd: ${d}\nf: ${i}.5\nl: [x${i % 13}, ${i}, "q${i}"]`;
		});
		for (const yaml of [...blocks, ...blocks.slice(0, 500)]) expect(simple(yaml), yaml).toEqual(jsYaml(yaml));
	});

	it('are read in place from the middle of a note', () => {
		const text = `${'x'.repeat(100)}\nname: a fairly long plain value\nlink: "[[Someone With A Long Name]]"\n${'y'.repeat(100)}`;
		const from = 100;
		const to = text.length - 101;
		expect(loadSimpleYaml(text, TYPES, from, to)).toEqual(jsYaml(text.slice(from, to)));
	});
});
