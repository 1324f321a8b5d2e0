/**
 * A fast path for the frontmatter most notes have: top-level `key: value` lines whose
 * values are plain or quoted scalars on one line, one-line flow lists (`[a, "b"]`) or
 * block lists of such scalars (`tags:` then `  - person`). For those it builds exactly the
 * object js-yaml's `load` builds with the same schema: plain scalars go through the
 * schema's own implicit types, in the schema's order, as js-yaml resolves them (so
 * `2026-02-30` stays text and `3` is a number, as in the reader). Anything else (comments,
 * tabs, escapes, nested maps, multi-line scalars, anchors, tags, duplicate keys, unusual
 * characters, ...) answers `undefined`, and the caller parses the block with js-yaml,
 * which also produces every error message. The block is never evaluated.
 *
 * On the 15,000-note benchmark vault this reads the frontmatter about twice as fast as
 * js-yaml and answers for every note but a handful, which matters because `kindred due`
 * parses every note's frontmatter. test/cli/simple-yaml.test.ts checks it against js-yaml.
 */
import type { Schema } from 'js-yaml';

interface ImplicitType {
	resolve(data: string): boolean;
	construct(data: string): unknown;
}

/** The schema's implicit scalar types in resolution order, or null when they cannot be read. */
export function implicitTypesOf(schema: Schema): readonly ImplicitType[] | null {
	// js-yaml keeps the compiled list on the schema (the loader reads it from there);
	// without it the fast path is off and every block goes to js-yaml.
	const list = (schema as unknown as { compiledImplicit?: unknown }).compiledImplicit;
	if (!Array.isArray(list)) return null;
	for (const t of list as unknown[]) {
		const type = t as Partial<ImplicitType> | null;
		if (!type || typeof type.resolve !== 'function' || typeof type.construct !== 'function') return null;
	}
	return list as ImplicitType[];
}

/** Returned inside the parser when the block is not of the simple shape. */
const NOT_SIMPLE: unique symbol = Symbol('not simple');

/**
 * Which implicit type a plain scalar resolves to (null: none, it stays text), remembered
 * per text: the same few values (`monthly`, `3`, dates) fill thousands of notes, and
 * resolving is a pure function of the text. The value is still constructed every time,
 * so no two notes share a Date.
 */
const resolved = new Map<string, ImplicitType | null>();
const RESOLVED_MAX = 50_000;
let resolvedFor: readonly ImplicitType[] | null = null;

function resolvePlain(types: readonly ImplicitType[], s: string): unknown {
	if (resolvedFor !== types) {
		resolved.clear();
		resolvedFor = types;
	}
	let type = resolved.get(s);
	if (type === undefined) {
		type = null;
		for (const t of types) {
			if (t.resolve(s)) {
				type = t;
				break;
			}
		}
		if (resolved.size < RESOLVED_MAX) resolved.set(s, type);
	}
	return type === null ? s : type.construct(s);
}

const SPACE = 32;
const QUOTE = 34; // "
const APOS = 39; // '
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DASH = 45;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BACKSLASH = 92;

/** Characters a plain scalar may not start with (YAML indicators), `-` `?` `:` included. */
function isIndicator(c: number): boolean {
	switch (c) {
		case 45: case 63: case 58: case 44: case 91: case 93: case 123: case 125: case 35: case 38: case 42:
		case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
			return true;
		default:
			return false;
	}
}

/** Only printable characters js-yaml accepts anywhere: no tabs, controls, C1, lone surrogates. */
function isPlainChar(c: number): boolean {
	if (c < 0x20) return false;
	if (c < 0x7f) return true;
	if (c <= 0x9f) return false;
	return c < 0xd800 || (c > 0xdfff && c !== 0xfffe && c !== 0xffff);
}

// The parser's cursor: one line of one block at a time. Module state rather than an object
// per call, since this runs for every note; nothing here is re-entrant or asynchronous.
let src = '';
let pos = 0;
let end = 0;
let types: readonly ImplicitType[] = [];

function skipSpaces(): void {
	while (pos < end && src.charCodeAt(pos) === SPACE) pos++;
}

/** Only spaces until the end of the line. */
function atLineEnd(): boolean {
	skipSpaces();
	return pos >= end;
}

/** `"text"` without escapes, or `'text'` without a doubled quote; NOT_SIMPLE otherwise. */
function quoted(): string | typeof NOT_SIMPLE {
	const q = src.charCodeAt(pos);
	const from = pos + 1;
	let j = from;
	while (j < end) {
		const c = src.charCodeAt(j);
		if (c === q) break;
		if (c === BACKSLASH && q === QUOTE) return NOT_SIMPLE;
		j++;
	}
	if (j >= end || (q === APOS && src.charCodeAt(j + 1) === APOS)) return NOT_SIMPLE;
	pos = j + 1;
	return src.slice(from, j);
}

/** A plain scalar in block context, to the end of the line. */
function blockPlain(): unknown {
	const from = pos;
	let last = -1;
	for (let j = from; j < end; j++) {
		const c = src.charCodeAt(j);
		if (c === SPACE) continue;
		if (c === COLON) {
			if (j + 1 >= end || src.charCodeAt(j + 1) === SPACE) return NOT_SIMPLE;
		} else if (c === HASH && src.charCodeAt(j - 1) === SPACE) return NOT_SIMPLE;
		last = j;
	}
	pos = end;
	return resolvePlain(types, src.slice(from, last + 1));
}

/** A plain scalar inside `[...]`, up to `,` or `]`. */
function flowPlain(): unknown {
	const from = pos;
	let last = -1;
	let j = from;
	for (; j < end; j++) {
		const c = src.charCodeAt(j);
		if (c === COMMA || c === CLOSE_BRACKET) break;
		if (c === COLON || c === HASH || c === OPEN_BRACKET || c === 123 || c === 125) return NOT_SIMPLE;
		if (c !== SPACE) last = j;
	}
	pos = j;
	return resolvePlain(types, src.slice(from, last + 1));
}

/** `[a, "b", 3]` on one line. */
function flowList(): unknown {
	const out: unknown[] = [];
	pos++; // [
	skipSpaces();
	if (src.charCodeAt(pos) === CLOSE_BRACKET) {
		pos++;
		return out;
	}
	for (;;) {
		skipSpaces();
		if (pos >= end) return NOT_SIMPLE;
		const c = src.charCodeAt(pos);
		const item = c === QUOTE || c === APOS ? quoted() : isIndicator(c) ? NOT_SIMPLE : flowPlain();
		if (item === NOT_SIMPLE) return NOT_SIMPLE;
		out.push(item);
		skipSpaces();
		if (pos >= end) return NOT_SIMPLE;
		const sep = src.charCodeAt(pos++);
		if (sep === CLOSE_BRACKET) return out;
		if (sep !== COMMA) return NOT_SIMPLE;
		skipSpaces();
		if (pos >= end || src.charCodeAt(pos) === CLOSE_BRACKET) return NOT_SIMPLE; // a trailing comma
	}
}

/** A value filling the rest of this line (a list item's or a key's); NOT_SIMPLE otherwise. */
function lineValue(allowFlow: boolean): unknown {
	const c = src.charCodeAt(pos);
	const v = c === QUOTE || c === APOS ? quoted()
		: c === OPEN_BRACKET && allowFlow ? flowList()
		: isIndicator(c) ? NOT_SIMPLE
		: blockPlain();
	return v === NOT_SIMPLE || !atLineEnd() ? NOT_SIMPLE : v;
}

function isKeyStart(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === SPACE;
}

/**
 * The object js-yaml would load from `yaml`, when `yaml` is of the simple shape described
 * in the header; `undefined` otherwise (then nothing is known: use js-yaml).
 */
export function loadSimpleYaml(yaml: string, implicit: readonly ImplicitType[] | null): Record<string, unknown> | undefined {
	if (implicit === null) return undefined;
	src = yaml;
	types = implicit;
	try {
		return parseBlock();
	} finally {
		src = '';
	}
}

function parseBlock(): Record<string, unknown> | undefined {
	const out: Record<string, unknown> = {};
	const seen: string[] = [];
	// A key whose value is on the following lines (a block list, or null when none follows).
	let pending: string | null = null;
	let list: unknown[] | null = null;
	let listIndent = -1;
	const n = src.length;
	let next = 0;
	while (next <= n) {
		// One line: [start, end), without its line ending; reject what js-yaml treats specially.
		const start = next;
		let lead = true;
		let indent = start;
		let j = start;
		for (; j < n; j++) {
			const c = src.charCodeAt(j);
			if (c === 10) break;
			if (lead) {
				if (c === SPACE) continue;
				lead = false;
				indent = j;
			}
			if (!isPlainChar(c) && !(c === 13 && (j + 1 === n || src.charCodeAt(j + 1) === 10))) return undefined;
		}
		next = j + 1;
		end = j > start && src.charCodeAt(j - 1) === 13 ? j - 1 : j;
		if (lead || indent >= end) continue; // a blank line
		const width = indent - start;

		if (src.charCodeAt(indent) === DASH && src.charCodeAt(indent + 1) === SPACE) {
			// A list item: only under a key with no value on its line, all at one indent.
			if (pending === null) return undefined;
			if (list === null) {
				list = [];
				listIndent = width;
			} else if (width !== listIndent) return undefined;
			pos = indent + 2;
			skipSpaces();
			if (pos >= end) return undefined;
			const item = lineValue(false);
			if (item === NOT_SIMPLE) return undefined;
			list.push(item);
			continue;
		}
		if (width !== 0) return undefined;

		if (pending !== null) {
			out[pending] = list;
			pending = null;
			list = null;
		}
		// key: [A-Za-z_] then [A-Za-z0-9_ -], not ending in a space, then ':' and a space or the end.
		if (!isKeyStart(src.charCodeAt(start))) return undefined;
		let k = start + 1;
		while (k < end && isKeyChar(src.charCodeAt(k))) k++;
		if (k >= end || src.charCodeAt(k) !== COLON || src.charCodeAt(k - 1) === SPACE) return undefined;
		if (k + 1 < end && src.charCodeAt(k + 1) !== SPACE) return undefined;
		const key = resolvePlain(types, src.slice(start, k));
		if (typeof key !== 'string' || key === '__proto__' || seen.includes(key)) return undefined;
		seen.push(key);
		pos = k + 1;
		skipSpaces();
		if (pos >= end) {
			pending = key;
			continue;
		}
		const value = lineValue(true);
		if (value === NOT_SIMPLE) return undefined;
		out[key] = value;
	}
	if (pending !== null) out[pending] = list;
	return seen.length > 0 ? out : undefined;
}
