/**
 * Frontmatter for the disk reader: the block located here, the YAML parsed by js-yaml
 * directly (no gray-matter: it copied every note into a Buffer and carried a `---js`
 * engine that evaluates code). What it reads, exactly as before:
 * - YAML through js-yaml 4's `load` with its default schema (unquoted dates become
 *   UTC-midnight Dates, which core reads from their UTC parts), except that only a real
 *   `yyyy-MM-dd` date becomes a Date: js-yaml alone turns `2026-02-30` into 2 March and
 *   `2026-11-02T01:00+05:00` into 1 November. Those stay text, as in Obsidian, and core
 *   reports the first and keeps the written date of the second;
 * - `---js` / `---javascript` / `---json` / `---coffee` and any other language after the
 *   opening `---` but `yaml` / `yml` is refused with a reason; nothing here can run code;
 * - a note that opens with `---` but never closes it with a `---` line has no frontmatter,
 *   as in Obsidian;
 * - the YAML is what lies between the opening line and the first `\n---` after it, and
 *   the body starts after that `---` and one line ending (the rules the reader has always
 *   had, so `kindred due` lists the same people with the same problems);
 * - a block of nothing but `#` comment lines is an empty set of keys;
 * - the common simple shapes (`key: value` lines, one-line lists, block lists of scalars)
 *   are read by simple-yaml.ts, which builds the object js-yaml would; everything else,
 *   and every error, is js-yaml's.
 */
import { DEFAULT_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { isLocalDate } from '../core/dates';
import type { ParseYaml } from '../core/types';
import { implicitTypesOf, loadSimpleYaml } from './simple-yaml';

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

function refusal(language: string): string {
	return `starts with '---${language}'; only YAML frontmatter is read, and code in it is never run`;
}

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
function blankBlock(yaml: string): boolean {
	let i = 0;
	while (i < yaml.length && isJsSpace(yaml.charCodeAt(i))) i++;
	if (i === yaml.length) return true;
	if (yaml.charCodeAt(i) !== 35 /* # */) return false;
	return yaml.replace(/^\s*#[^\n]+/gm, '').trim() === '';
}

/** Read the frontmatter of a note's text (BOM already removed). Never throws. */
export function readFrontmatter(text: string): FrontmatterResult {
	// The opening line: `---` and an optional language, then a line ending.
	if (!text.startsWith('---') || text.charCodeAt(3) === 45 /* - */) return { kind: 'none', body: text };
	let eol = 3;
	while (eol < text.length) {
		const c = text.charCodeAt(eol);
		if (c === 10 || c === 13) break;
		eol++;
	}
	const lineEnd = text.charCodeAt(eol) === 13 ? eol + 1 : eol;
	if (text.charCodeAt(lineEnd) !== 10) return { kind: 'none', body: text };

	// A closing `---` line must exist (searched from the opening line's `\n`).
	const close = findClosing(text, lineEnd);
	if (close === null) return { kind: 'none', body: text };

	const raw = text.slice(3, eol);
	const language = raw.trim();
	const lower = language.toLowerCase();
	if (language !== '' && lower !== 'yaml' && lower !== 'yml') {
		return { kind: 'error', reason: refusal(language), body: text.slice(close) };
	}

	// The YAML runs from the opening line's end (after a language name) to the first
	// `\n---`, which may come before the closing line found above (`\n----`).
	const from = language === '' ? 3 : eol;
	const closeAt = text.indexOf('\n---', from);
	let bodyAt = closeAt + 4;
	if (text.charCodeAt(bodyAt) === 13) bodyAt++;
	if (text.charCodeAt(bodyAt) === 10) bodyAt++;
	const body = text.slice(bodyAt);
	const yaml = text.slice(from, closeAt);
	if (blankBlock(yaml)) return { kind: 'ok', data: {}, body };
	try {
		const data: unknown = loadSimpleYaml(yaml, IMPLICIT_TYPES) ?? parseYaml(yaml);
		if (data === null || data === undefined) return { kind: 'ok', data: {}, body };
		if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
			return { kind: 'error', reason: 'is not a set of "key: value" lines', body };
		}
		return { kind: 'ok', data: data as Record<string, unknown>, body };
	} catch (err) {
		const reason = err instanceof YAMLException ? yamlReason(err) : err instanceof Error ? err.message : String(err);
		return { kind: 'error', reason, body: text.slice(close) };
	}
}
