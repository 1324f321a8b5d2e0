// The reader skips parsing the YAML of a note outside the people folders when the block
// cannot make it a person (yamlMayHaveKey / yamlMayHaveWord). Checked here: whenever they
// say no, js-yaml's object has no such key and no string or number holding the word, for
// blocks built from the YAML that spells things indirectly (quoting, escapes, aliases,
// merges, folding, numbers, tags, non-ASCII case); and readPersonNote decides membership
// exactly as reading every block would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, YAML_SCHEMA, yamlMayHaveKey, yamlMayHaveWord } from '../../src/cli/frontmatter';
import { load } from 'js-yaml';
import { readPersonNote } from '../../src/cli/vault';
import { membershipMatcher } from '../../src/core/membership';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import { bodyTags } from '../../src/cli/tags';

// `npm test` sets KINDRED_PROPERTY_RUNS (Vitest mirrors the environment into import.meta.env).
const runs = Number(import.meta.env.KINDRED_PROPERTY_RUNS) || 10_000;

/** Pieces of YAML that spell `type` or `person` directly, indirectly, or nearly. */
const piece = fc.constantFrom(
	'type',
	'Type',
	'TYPE',
	'ty pe',
	'"type"',
	"'type'",
	'"\\x74ype"',
	'"t\\u0079pe"',
	'tags',
	'Tags',
	'TAG',
	'person',
	'PERSON',
	'Person/work',
	'#person',
	'per',
	'son',
	'"per\\\n  son"',
	'"\\x70erson"',
	'"per\\u0073on"',
	'\u212A',
	'\u0130',
	'p\u0130',
	'&a',
	'*a',
	'<<',
	'!!str',
	'!!int',
	'!!float',
	'.inf',
	'-.inf',
	'.NaN',
	'0x1F',
	'1e3',
	'1_000',
	'true',
	'null',
	'~',
	'2026-11-02',
	'[',
	']',
	'{',
	'}',
	',',
	':',
	': ',
	'? ',
	'- ',
	'|',
	'>',
	'|-',
	'\n',
	'\n  ',
	'\n- ',
	' ',
	'x',
	'k',
);

const block = fc.array(piece, { maxLength: 14 }).map((ps) => `\n${ps.join('')}\n`);

/** A readable block or null. */
function parsed(yaml: string): unknown {
	try {
		return load(yaml, { schema: YAML_SCHEMA });
	} catch {
		return null;
	}
}

/** Every own key of every mapping, and every string and number (as text), anywhere in `v`. */
function collect(v: unknown, keys: Set<string>, texts: string[], seen = new Set<unknown>()): void {
	if (v === null || v === undefined || seen.has(v)) return;
	if (typeof v === 'string' || typeof v === 'number') {
		texts.push(String(v));
		return;
	}
	if (typeof v !== 'object' || v instanceof Date) return;
	seen.add(v);
	if (Array.isArray(v)) {
		for (const x of v) collect(x, keys, texts, seen);
		return;
	}
	for (const k of Object.keys(v)) {
		keys.add(k);
		collect((v as Record<string, unknown>)[k], keys, texts, seen);
	}
}

describe('yamlMayHaveKey and yamlMayHaveWord never rule out what the YAML holds', () => {
	it('for blocks that spell the key or the word indirectly', () => {
		fc.assert(
			fc.property(block, fc.constantFrom('type', 'tags', 'person', 'k', 'x', 'infinity', 'nan', '31', '1000'), (yaml, name) => {
				const data = parsed(yaml);
				const keys = new Set<string>();
				const texts: string[] = [];
				collect(data, keys, texts);
				if (!yamlMayHaveKey(yaml, 0, yaml.length, name)) expect(keys.has(name), yaml).toBe(false);
				if (!yamlMayHaveWord(yaml, 0, yaml.length, name)) {
					expect(texts.some((t) => t.toLowerCase().includes(name)), yaml).toBe(false);
				}
			}),
			{ numRuns: runs },
		);
	});

	it.each([
		['the key as written', '\ntype: person\n', 'type', true],
		['another key', '\nstatus: done\ntags: [project]\n', 'type', false],
		['an escape may spell it', '\n"\\x74ype": person\n', 'type', true],
		['a key a boolean turns into', '\nTRUE: x\n', 'true', true],
		['a key that is not a plain name', '\nfirst name: x\n', 'first name', true],
		['outside ASCII anything may happen', '\ncafé: x\n', 'type', true],
	])('key: %s', (_name, yaml, key, expected) => {
		expect(yamlMayHaveKey(yaml, 0, yaml.length, key)).toBe(expected);
	});

	it.each([
		['the word in any case', '\ntags: [PERSON]\n', 'person', true],
		['not there', '\ntags: [project]\n', 'person', false],
		['a word numbers can spell', '\ntags: .inf\n', 'infinity', true],
		['the Kelvin sign', '\ntags: [\u212Aid]\n', 'kid', true],
		['a word with capitals is not ruled out', '\ntags: [x]\n', 'Person', true],
	])('word: %s', (_name, yaml, word, expected) => {
		expect(yamlMayHaveWord(yaml, 0, yaml.length, word)).toBe(expected);
	});
});

describe('readPersonNote outside the people folders', () => {
	/** Membership as it reads with every block parsed: marker, frontmatter tags, body tags. */
	function isPersonByReading(text: string, settings: KindredSettings): boolean {
		const m = membershipMatcher(settings, null);
		const fm = readFrontmatter(text);
		const data = fm.kind === 'ok' ? fm.data : null;
		return m.hasMarker(data) || m.hasPersonTagIn(data) || bodyTags(fm.body).some((t) => m.isPersonTag(t));
	}

	const bodyLine = fc.constantFrom('', 'Prose.', '#person', '#Person/work', '#personal', '`#person`', '# Heading', '#journal');
	const note = fc
		.record({ yaml: block, body: fc.array(bodyLine, { maxLength: 3 }), close: fc.constantFrom('---', '---x\n---', '----\n---') })
		.map(({ yaml, body, close }) => `---${yaml}${close}\n${body.join('\n')}`);
	const settingsCase = fc.constantFrom<Partial<KindredSettings>>(
		{},
		{ markerKey: 'kind', markerValue: 'x' },
		{ markerKey: ' type ', markerValue: '' },
		{ markerKey: '', personTag: 'k' },
		{ personTag: '#Person' },
	);

	it('decides membership as reading every block would', () => {
		fc.assert(
			fc.property(note, settingsCase, (text, over) => {
				const settings = { ...defaultSettings(), ...over };
				const person = readPersonNote('Notes/X.md', Buffer.from(text, 'utf8'), settings, null);
				expect(person !== null, text).toBe(isPersonByReading(text, settings));
			}),
			{ numRuns: Math.max(200, Math.floor(runs / 5)) },
		);
	});

	it('still reports the YAML error of a note a body tag makes a person', () => {
		const person = readPersonNote('Notes/X.md', Buffer.from('---\nstatus: [\n---\n#person\n', 'utf8'), defaultSettings(), null);
		expect(person?.problems[0]).toMatchObject({ field: 'frontmatter', reason: expect.stringMatching(/^is not valid YAML/) as string });
	});
});
