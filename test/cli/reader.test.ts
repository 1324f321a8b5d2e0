/**
 * The disk reader's pieces as tables: frontmatter (code blocks refused, never run; real
 * dates only; Obsidian's notion of a frontmatter block), body tags, strict UTF-8, and
 * reading one note into a person or not.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, readFrontmatter } from '../../src/cli/frontmatter';
import { bodyTags, mayHaveTag } from '../../src/cli/tags';
import { decodeNote } from '../../src/cli/text';
import { loadVault, readPersonNote } from '../../src/cli/vault';
import { defaultSettings } from '../../src/core/settings';

describe('readFrontmatter', () => {
	it.each([
		['no frontmatter', 'Just text\n', { kind: 'none', body: 'Just text\n' }],
		['empty block', '---\n---\nbody', { kind: 'ok', data: {}, body: 'body' }],
		['only comments', '---\n# nothing\n---\nbody', { kind: 'ok', data: {}, body: 'body' }],
		['CRLF', '---\r\na: b\r\n---\r\nbody\r\n', { kind: 'ok', data: { a: 'b' }, body: 'body\r\n' }],
		['unclosed is not read (as in Obsidian), and says so', '---\na: b\nmore', { kind: 'error', reason: 'opens with --- but has no closing --- line, so none of its properties are read', body: '---\na: b\nmore' }],
		['a rule of four dashes is not frontmatter', '----\na: b\n---\n', { kind: 'none', body: '----\na: b\n---\n' }],
		['not at the start', '\n---\na: b\n---\n', { kind: 'none', body: '\n---\na: b\n---\n' }],
		['impossible date stays text', '---\nd: 2026-02-30\n---\n', { kind: 'ok', data: { d: '2026-02-30' }, body: '' }],
		['date-time stays text', '---\nd: 2026-11-02T23:30:00-08:00\n---\n', { kind: 'ok', data: { d: '2026-11-02T23:30:00-08:00' }, body: '' }],
		['a real date is a UTC-midnight Date', '---\nd: 2026-11-02\n---\n', { kind: 'ok', data: { d: new Date(Date.UTC(2026, 10, 2)) }, body: '' }],
		['a list is not key/value', '---\n- a\n---\nx', { kind: 'error', reason: 'is not a set of "key: value" lines', body: 'x' }],
		['a scalar is not key/value', '---\nhello\n---\nx', { kind: 'error', reason: 'is not a set of "key: value" lines', body: 'x' }],
		['broken YAML names the note line', '---\na: 1\nb: [2\n---\nx', { kind: 'error', reason: 'is not valid YAML (line 4: unexpected end of the stream within a flow collection)', body: 'x' }],
		['duplicate key', '---\na: 1\na: 2\n---\nx', { kind: 'error', reason: 'is not valid YAML (line 3: duplicated mapping key)', body: 'x' }],
		['---js is refused', '---js\n{ a: 1 }\n---\nx', { kind: 'error', reason: 'opens with "---js": only YAML under a first line of --- alone is read, and code in it is never run', body: 'x' }],
		['---javascript is refused', '---javascript\n{ a: 1 }\n---\nx', { kind: 'error', reason: 'opens with "---javascript": only YAML under a first line of --- alone is read, and code in it is never run', body: 'x' }],
		['---json is refused', '---json\n{ "a": 1 }\n---\nx', { kind: 'error', reason: 'opens with "---json": only YAML under a first line of --- alone is read, and code in it is never run', body: 'x' }],
		['---yaml is not read (as in Obsidian)', '---yaml\na: 1\n---\nx', { kind: 'error', reason: 'opens with "---yaml", which Obsidian does not read as properties; write the first line as --- alone', body: 'x' }],
		['--- yml is not read (as in Obsidian)', '--- yml\na: 1\n---\n', { kind: 'error', reason: 'opens with "--- yml", which Obsidian does not read as properties; write the first line as --- alone', body: '' }],
		['---js never closed', '---js\n{ a: 1 }', { kind: 'error', reason: 'opens with "---js": only YAML under a first line of --- alone is read, and code in it is never run', body: '---js\n{ a: 1 }' }],
		['spaces after the opening ---', '---  \na: 1\n---\n', { kind: 'ok', data: { a: 1 }, body: '' }],
		['the YAML ends at the first line starting ---', '---\na: 1\n---x\n---\nbody', { kind: 'ok', data: { a: 1 }, body: 'x\n---\nbody' }],
		['spaces after the closing ---', '---\na: 1\n---  \nbody', { kind: 'ok', data: { a: 1 }, body: '  \nbody' }],
		['the closing --- ends the note', '---\na: 1\n---', { kind: 'ok', data: { a: 1 }, body: '' }],
		['CRLF: one line ending after the block is removed', '---\r\na: 1\r\n---\r\n\r\nbody', { kind: 'ok', data: { a: 1 }, body: '\r\nbody' }],
		['indented and tabbed comments only', '---\n  # c\n\t# d\n---\nbody', { kind: 'ok', data: {}, body: 'body' }],
		['a comment after a no-break space', '---\n\u00a0# c\n---\n', { kind: 'ok', data: {}, body: '' }],
		['a block list of tags (the fast path)', '---\ntags:\n  - person\n---\n', { kind: 'ok', data: { tags: ['person'] }, body: '' }],
	])('%s', (_name, text, expected) => {
		expect(readFrontmatter(text)).toEqual(expected);
	});

	it('never evaluates ---js, whatever it contains', () => {
		const g = window as unknown as { kindredRan?: boolean };
		readFrontmatter('---js\n{ a: (window.kindredRan = true) }\n---\n');
		readFrontmatter('---JS\n{ a: (window.kindredRan = true) }\n---\n');
		readFrontmatter('--- js \n{ a: (window.kindredRan = true) }\n---\n');
		readFrontmatter('---coffee\nkindredRan = true\n---\n');
		expect(g.kindredRan).toBeUndefined();
	});

	it('is not served from a cache: the same text gives a fresh object each time', () => {
		const a = readFrontmatter('---\nlist: [1]\n---\n');
		if (a.kind === 'ok') (a.data.list as number[]).push(2);
		expect(readFrontmatter('---\nlist: [1]\n---\n')).toEqual({ kind: 'ok', data: { list: [1] }, body: '' });
	});

	it('parseYaml (the port given to core edits) uses the same schema', () => {
		expect(parseYaml('a: 2026-02-30\nb: 2026-11-02')).toEqual({ a: '2026-02-30', b: new Date(Date.UTC(2026, 10, 2)) });
	});
});

describe('bodyTags', () => {
	it.each([
		['#person', ['person']],
		['Met at the wall. #person/climbing', ['person/climbing']],
		['#Person and #person', ['Person', 'person']],
		['# Heading', []],
		['## Interactions', []],
		['a#person (no space before)', []],
		['(#person)', ['person']],
		['#123 is not a tag, #2026-plans is', ['2026-plans']],
		['`#person` in code', []],
		['```\n#person\n```\n#after', ['after']],
		['~~~~\n#person\n~~~\n#still-in\n~~~~\n#out', ['out']],
		['%% #person %% and <!-- #hidden --> #shown', ['shown']],
		['%%\n#person\n%%\n#after', ['after']],
		['http://example.com/#anchor', []],
		['#café #日本', ['café', '日本']],
		['#trailing/', ['trailing']],
	])('%j', (body, tags) => {
		expect(bodyTags(body)).toEqual(tags);
	});
});

describe('mayHaveTag (the test before reading body tags)', () => {
	it.each([
		['no # at all', 'plain text', 'person', false],
		['a heading only', '# Ana\n## Interactions', 'person', false],
		['another tag', '#journal', 'person', false],
		['the tag', 'x #person', 'person', true],
		['any case', '#PERSON/Work', 'person', true],
		['a longer word still asks (the full reading decides)', '#personal', 'person', true],
		['the Kelvin sign lowers to k', '#\u212Aid', 'kid', true],
		['İ never matches an ASCII i', '#\u0130d', 'id', false],
		['a tag with a slash', '#person/work', 'person/work', true],
		['a tag outside ASCII always asks', 'nothing', 'persönlich', true],
	])('%s', (_name, text, tag, expected) => {
		expect(mayHaveTag(text, tag)).toBe(expected);
	});

	it('never says no when a body tag matches, as membership compares them', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('#', 'p', 'P', 'e', 'r', 's', 'o', 'n', '/', ' ', '\n', '`', '%%', 'K', '\u212A', 'k', '\u0130', 'i'), { maxLength: 30 }), fc.constantFrom('person', 'k', 'ik', 'person/k'), (cs, tag) => {
				const text = cs.join('');
				const matches = bodyTags(text).some((t) => {
					const n = t.toLowerCase();
					return n === tag || n.startsWith(`${tag}/`);
				});
				if (matches) expect(mayHaveTag(text, tag)).toBe(true);
			}),
			{ numRuns: 5000 },
		);
	});
});

describe('decodeNote', () => {
	it('keeps the BOM and accepts UTF-8', () => {
		expect(decodeNote(Buffer.from('\uFEFFhé', 'utf8'))).toEqual({ ok: true, text: '\uFEFFhé' });
	});
	it.each([
		['Latin-1', Buffer.from([0x43, 0x61, 0x66, 0xe9])],
		['a lone continuation byte', Buffer.from([0x61, 0x80])],
		['a truncated sequence', Buffer.from([0xe2, 0x82])],
		['UTF-16 with BOM', Buffer.from([0xff, 0xfe, 0x61, 0x00])],
	])('refuses %s', (_name, bytes) => {
		const d = decodeNote(bytes);
		expect(d.ok).toBe(false);
	});
});

describe('readPersonNote', () => {
	const settings = defaultSettings();
	const read = (p: string, text: string | Buffer, templates: string | null = 'Templates') =>
		readPersonNote(p, typeof text === 'string' ? Buffer.from(text, 'utf8') : text, settings, templates);

	it.each([
		['Notes/Upper.md', 'Met at the wall. #PERSON/climbing', true],
		['Notes/Tag in code.md', '`#person` and %% #person %%', false],
		['Notes/Other tag.md', '---\ntags: [journal]\n---\n#journal #personal', false],
		['People/A.md', 'no frontmatter', true],
		['People/Sub/B.md', '---\ntrust: 3\n---\n', true],
		['Notes/C.md', '---\ntrust: 3\n---\n', false],
		['Notes/D.md', '---\ntrust: 3\n---\nI am #person/work', true],
		['Notes/E.md', '---\ntags: person\n---\n', true],
		['Notes/F.md', '---\ntags: [personal]\n---\n', false],
		['Notes/G.md', '---\ntype: Person\n---\n', true],
		['Notes/H.md', '```\n#person\n```\n', false],
		['Templates/Person.md', '---\ntype: person\ntags: [person]\n---\n', false],
		['People/Templates/Not a template.md', 'x', true],
		['Notes/Broken.md', '---\ntype: person\nx: [\n---\n#person', true],
	])('%s is a person: %s', (p, text, expected) => {
		expect(read(p, text) !== null).toBe(expected);
	});

	it('lists a note whose YAML does not parse as invalid, with the reason', () => {
		const p = read('People/X.md', '---\nx: [\n---\n');
		expect(p?.invalid).toBe(true);
		expect(p?.problems[0]).toEqual({ field: 'frontmatter', value: '', reason: expect.stringMatching(/^is not valid YAML \(line 3: /) as string });
	});

	it('lists a non-UTF-8 note as invalid, still reading what it can', () => {
		const p = read('People/L.md', Buffer.concat([Buffer.from('---\ntrust: 3\n---\nCaf'), Buffer.from([0xe9])]));
		expect(p?.invalid).toBe(true);
		expect(p?.trust).toBe(3);
		expect(p?.problems[0].field).toBe('file');
	});

	it('reads the log with a BOM and CRLF', () => {
		const p = read('People/B.md', '\uFEFF---\r\ntrust: 3\r\n---\r\n## Interactions\r\n- 2026-11-01 (call) hi\r\n');
		expect(p?.log).toEqual([{ date: '2026-11-01', linked: false, channel: 'call', exchange: null, text: 'hi' }]);
		expect(p?.trust).toBe(3);
	});

	it('reads a 10 MB note', () => {
		const big = `---\ntrust: 3\n---\n## Interactions\n- 2026-11-01 (call) hi\n${'lorem ipsum dolor sit amet '.repeat(400_000)}\n`;
		expect(big.length).toBeGreaterThan(10_000_000);
		const p = read('People/Big.md', big);
		expect(p?.log.length).toBe(1);
	});
});

describe('loadVault reads whole files', () => {
	it('an empty note, a note larger than the read buffer, and many notes after it', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-reader-'));
		try {
			fs.mkdirSync(path.join(root, 'People'));
			const log = Array.from({ length: 30_000 }, (_, i) => `- 2026-01-${String(1 + (i % 28)).padStart(2, '0')} entry ${i}`).join('\n');
			fs.writeFileSync(path.join(root, 'People/Big.md'), `---\ntrust: 3\n---\n## Interactions\n${log}\n`);
			expect(fs.statSync(path.join(root, 'People/Big.md')).size).toBeGreaterThan(600_000);
			fs.writeFileSync(path.join(root, 'People/Empty.md'), '');
			for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(root, `People/Small ${i}.md`), `---\ntrust: ${1 + i}\n---\n`);
			const { people } = loadVault(root);
			expect(people.map((p) => p.path)).toEqual(['People/Big.md', 'People/Empty.md', ...[0, 1, 2, 3, 4].map((i) => `People/Small ${i}.md`)]);
			expect(people[0].log).toHaveLength(30_000);
			expect(people[0].log.at(-1)?.text).toMatch(/^entry \d+$/);
			expect(people[1].problems).toEqual([]);
			expect(people.slice(2).map((p) => p.trust)).toEqual([1, 2, 3, 4, 5]);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});
