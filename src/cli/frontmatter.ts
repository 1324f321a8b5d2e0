/**
 * Frontmatter for the disk reader: the block located here, the YAML parsed by js-yaml
 * directly (no gray-matter: it copied every note into a Buffer and carried a `---js`
 * engine that evaluates code). What it reads, exactly as before:
 * - YAML through js-yaml 4's `load` with its default schema (unquoted dates become
 *   UTC-midnight Dates, which core reads from their UTC parts), except that only a real
 *   `yyyy-MM-dd` date becomes a Date: js-yaml alone turns `2026-02-30` into 2 March and
 *   `2026-11-02T01:00+05:00` into 1 November. Those stay text, as in Obsidian, and core
 *   reports the first and keeps the written date of the second;
 * - as in Obsidian, only a first line of `---` alone opens frontmatter: `---js`, `---json`
 *   and even `---yaml` are not read, and nothing here can run code. Nor is a `---` that is
 *   never closed by a `---` line. Each is refused with the reason core words
 *   (frontmatter-fence.ts), which the person's note then shows as a problem;
 * - the YAML is what lies between the opening line and the first `\n---` after it, and
 *   the body starts after that `---` and one line ending (the rules the reader has always
 *   had, so `kindred due` lists the same people with the same problems);
 * - a block of nothing but `#` comment lines is an empty set of keys;
 * - the common simple shapes (`key: value` lines, one-line lists, block lists of scalars)
 *   are read by simple-yaml.ts, which builds the object js-yaml would; everything else,
 *   and every error, is js-yaml's.
 * The block is located (locateFrontmatter) apart from being parsed (parseFrontmatter), so
 * the reader can leave unparsed a block that cannot make its note a person
 * (yamlMayHaveKey, yamlMayHaveWord).
 */
import { DEFAULT_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { isLocalDate } from '../core/dates';
import { fenceLanguageReason, UNCLOSED_REASON } from '../core/frontmatter-fence';
import type { ParseYaml } from '../core/types';
import { implicitTypesOf, loadSimpleYaml } from './simple-yaml';
import { ownString } from './text';

export type FrontmatterResult =
	| { kind: 'none'; body: string }
	| { kind: 'ok'; data: Record<string, unknown>; body: string }
	| { kind: 'error'; reason: string; body: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** js-yaml's timestamp type, narrowed to dates that exist (see the header). */
const realDate = new Type('tag:yaml.org,2002:timestamp', {
	kind: 'scalar',
	resolve: (data: unknown) => typeof data === 'string' && DATE_ONLY.test(data) && isLocalDate(data),
	construct: (data: string) => new Date(`${data}T00:00:00.000Z`),
	instanceOf: Date,
	represent: (d: object) => (d as Date).toISOString().slice(0, 10),
});

export const YAML_SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [realDate] });

/** The schema's implicit scalar types, for the fast path (simple-yaml.ts). */
const IMPLICIT_TYPES = implicitTypesOf(YAML_SCHEMA);

/** The YAML port core's edits take: the same schema as the reader, never code execution. */
export const parseYaml: ParseYaml = (yaml: string) => load(yaml, { schema: YAML_SCHEMA });

/**
 * The first line `---` (trailing spaces or tabs allowed) after offset `from`, which is a
 * `\n`: where the body starts after it, or null when there is none.
 */
function findClosing(text: string, from: number): number | null {
	for (let nl = text.indexOf('\n---', from); nl !== -1; nl = text.indexOf('\n---', nl + 1)) {
		let i = nl + 4;
		while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
		if (i === text.length) return i;
		if (text.charCodeAt(i) === 10) return i + 1;
		if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
	}
	return null;
}

function yamlReason(err: YAMLException): string {
	// js-yaml's message is several lines with a code snippet; keep the reason and the
	// line, counted in the note (the YAML string starts on the `---` line's end).
	const line = typeof err.mark?.line === 'number' ? err.mark.line + 1 : null;
	const reason = err.reason || err.message.split('\n')[0];
	return `is not valid YAML (${line !== null ? `line ${line}: ` : ''}${reason})`;
}

/** True for the characters `\s` matches (and `String.prototype.trim` removes). */
function isJsSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 0xa0) return false;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
		c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True when the YAML block holds nothing once whitespace and lines starting with `#`
 * (after optional whitespace) are removed: such a block is an empty set of keys and is not
 * parsed. Most blocks start with a key, which answers at the first character.
 */
function blankBlock(text: string, from: number, to: number): boolean {
	let i = from;
	while (i < to && isJsSpace(text.charCodeAt(i))) i++;
	if (i === to) return true;
	if (text.charCodeAt(i) !== 35 /* # */) return false;
	return text.slice(from, to).replace(/^\s*#[^\n]+/gm, '').trim() === '';
}

/**
 * Where a note's frontmatter is, found without parsing it: none; a block in a language
 * that is refused; or YAML at `[from, to)`. The body starts at `bodyAt` when the YAML
 * reads, at `errorBodyAt` (after the closing line) when it does not; the two differ only
 * when the first line starting `---` is not the closing line (`---x`, `----`).
 */
export type FrontmatterBlock =
	| { kind: 'none' }
	| { kind: 'refused'; reason: string; bodyAt: number }
	| { kind: 'yaml'; from: number; to: number; bodyAt: number; errorBodyAt: number };

const NO_BLOCK: FrontmatterBlock = Object.freeze({ kind: 'none' });

/** Locate the frontmatter of a note's text (BOM already removed). Never throws. */
export function locateFrontmatter(text: string): FrontmatterBlock {
	// The opening line: `---` and an optional language, then a line ending.
	if (!text.startsWith('---') || text.charCodeAt(3) === 45 /* - */) return NO_BLOCK;
	let eol = 3;
	while (eol < text.length) {
		const c = text.charCodeAt(eol);
		if (c === 10 || c === 13) break;
		eol++;
	}
	const lineEnd = text.charCodeAt(eol) === 13 ? eol + 1 : eol;
	if (text.charCodeAt(lineEnd) !== 10) return NO_BLOCK;

	// Most notes open with a bare `---`: no language to read.
	const language = eol === 3 ? '' : text.slice(3, eol).trim();
	// A closing `---` line must exist (searched from the opening line's `\n`). Without one
	// Obsidian reads no properties, and neither does this; the note says so.
	const close = findClosing(text, lineEnd);
	// Obsidian reads properties only under `---` alone: `---yaml` too is left unread.
	if (language !== '') return { kind: 'refused', reason: fenceLanguageReason(text.slice(0, eol)), bodyAt: close ?? 0 };
	if (close === null) return { kind: 'refused', reason: UNCLOSED_REASON, bodyAt: 0 };

	// The YAML runs from the opening line's end (after a language name) to the first
	// `\n---`, which may come before the closing line found above (`\n----`).
	const from = language === '' ? 3 : eol;
	const to = text.indexOf('\n---', from);
	let bodyAt = to + 4;
	if (text.charCodeAt(bodyAt) === 13) bodyAt++;
	if (text.charCodeAt(bodyAt) === 10) bodyAt++;
	return { kind: 'yaml', from, to, bodyAt, errorBodyAt: close };
}

/** Parse the frontmatter located by locateFrontmatter. Never throws. */
export function parseFrontmatter(text: string, block: FrontmatterBlock): FrontmatterResult {
	if (block.kind === 'none') return { kind: 'none', body: text };
	if (block.kind === 'refused') return { kind: 'error', reason: block.reason, body: text.slice(block.bodyAt) };
	const body = text.slice(block.bodyAt);
	if (blankBlock(text, block.from, block.to)) return { kind: 'ok', data: {}, body };
	try {
		// The fast path reads the block in place and keeps nothing of it; js-yaml gets a copy.
		const data: unknown = loadSimpleYaml(text, IMPLICIT_TYPES, block.from, block.to) ?? parseYaml(ownString(text.slice(block.from, block.to)));
		if (data === null || data === undefined) return { kind: 'ok', data: {}, body };
		if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
			return { kind: 'error', reason: 'is not a set of "key: value" lines', body };
		}
		return { kind: 'ok', data: data as Record<string, unknown>, body };
	} catch (err) {
		const reason = err instanceof YAMLException ? yamlReason(err) : err instanceof Error ? err.message : String(err);
		return { kind: 'error', reason, body: text.slice(block.errorBodyAt) };
	}
}

/** Read the frontmatter of a note's text (BOM already removed). Never throws. */
export function readFrontmatter(text: string): FrontmatterResult {
	return parseFrontmatter(text, locateFrontmatter(text));
}

/**
 * True when the YAML at `[from, to)` can only give strings that are in its text as
 * written: it is ASCII (no character lower-cases into an ASCII one, as the Kelvin sign
 * does) and has no backslash (no escape spells a character another way). Then aliases,
 * merges, quoting, folding and block scalars still only move, join with a space or
 * a line break, or repeat the text that is there.
 */
function literalYaml(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= 128 || c === 92) return false;
	}
	return true;
}

// The key and the word are settings, the same for every note: checked once, not per note.
let checkedKey: string | null = null;
let keyIsPlain = false;
let checkedWord: string | null = null;
let wordIsPlain = false;

/** Keys that a YAML key which is not a string turns into (js-yaml keys a map by String(key)). */
const NON_STRING_KEYS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);

/**
 * False only when the mapping parsed from the YAML at `[from, to)` cannot have the key
 * `key`, whatever the YAML says: the block is literal (literalYaml), `key` is a plain
 * name (a letter or `_`, then letters, digits, `_` or `-`) that no number, boolean, null
 * or date key stringifies to, and `key` is nowhere in the block. Lets the reader skip
 * parsing a note that nothing else makes a person.
 */
export function yamlMayHaveKey(text: string, from: number, to: number, key: string): boolean {
	if (key !== checkedKey) {
		keyIsPlain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !NON_STRING_KEYS.has(key);
		checkedKey = key;
	}
	if (!keyIsPlain) return true;
	// Searched in the block only: text.indexOf(key, from) would run on through the whole
	// body of every note without the key. (V8 makes a long slice a view, not a copy.)
	if (text.slice(from, to).indexOf(key) !== -1) return true;
	return !literalYaml(text, from, to);
}

/**
 * False only when no string or number (as text) in the YAML at `[from, to)`, lower-cased,
 * can contain `word`: the block is literal (literalYaml), `word` is visible ASCII without
 * capitals and has a character that no number's text has (so `.inf` or `0x1F` cannot
 * spell it), and `word` is nowhere in the block in any case.
 */
export function yamlMayHaveWord(text: string, from: number, to: number, word: string): boolean {
	if (word !== checkedWord) {
		// Numbers print with digits, `.`, `+`, `-`, `e`, or as Infinity / NaN (lower-cased).
		wordIsPlain = /^[\x21-\x40\x5b-\x7e]+$/.test(word) && /[^0-9.+\-aefinty]/.test(word);
		checkedWord = word;
	}
	if (!wordIsPlain) return true;
	const n = word.length;
	for (let i = from; i + n <= to; i++) {
		let k = 0;
		while (k < n && foldedEqual(text.charCodeAt(i + k), word.charCodeAt(k))) k++;
		if (k === n) return true;
	}
	return !literalYaml(text, from, to);
}

/** `c` equals the lower case ASCII `w`, in either case. */
function foldedEqual(c: number, w: number): boolean {
	return c === w || (w >= 97 && w <= 122 && c === w - 32);
}
