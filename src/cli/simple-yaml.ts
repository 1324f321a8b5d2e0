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
import { ownString } from './text';

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
 * per text: resolving is a pure function of the text, and runs a few regular expressions.
 */
const resolved = new Map<string, ImplicitType | null>();
const RESOLVED_MAX = 50_000;

function resolveType(s: string): ImplicitType | null {
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
	return type;
}

/**
 * Plain scalars already read, by their text: the same few values (`trust: 3`, `monthly`,
 * `[person]`, the keys themselves, dates) fill thousands of notes. A direct-mapped table
 * (a slot per hash of the characters, the last scalar hashed there wins) is looked up
 * from the block's characters, so a scalar seen before costs no slice, no Map lookup and
 * no construction. What it gives back:
 * - text, numbers, booleans and null: the value itself, shared (they are immutable), so
 *   equal strings across notes are one string;
 * - a Date: a new Date of the same time, so no two notes share one;
 * - anything else: constructed again from the text, as js-yaml would.
 * Stored texts are copies (ownString), never slices of a block, so a person's values do
 * not keep the note they were read from alive.
 */
const SLOTS = 4096;
const slotText: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
const slotValue: unknown[] = new Array<unknown>(SLOTS).fill(null);
/** For a plain scalar that is neither a primitive nor a Date: its type, to construct again. */
const slotType: (ImplicitType | null)[] = new Array<ImplicitType | null>(SLOTS).fill(null);
/** For a Date: its time. */
const slotTime = new Float64Array(SLOTS);
const PRIMITIVE = 1;
const DATE = 2;
const CONSTRUCT = 3;
const slotKind = new Uint8Array(SLOTS);
let cachedFor: readonly ImplicitType[] | null = null;

/** Forget every scalar: the implicit types changed. */
function resetCache(): void {
	resolved.clear();
	slotText.fill(null);
	slotValue.fill(null);
	slotType.fill(null);
	cachedFor = types;
}

/** The plain scalar `src[from, to)`, through the implicit types. */
function plainScalar(from: number, to: number): unknown {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
	const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
	const text = slotText[slot];
	if (text !== null && text.length === to - from && sameText(text, from)) {
		const kind = slotKind[slot];
		if (kind === PRIMITIVE) return slotValue[slot];
		if (kind === DATE) return new Date(slotTime[slot]);
		return (slotType[slot] as ImplicitType).construct(text);
	}
	const s = ownString(src.slice(from, to));
	const type = resolveType(s);
	const value = type === null ? s : type.construct(s);
	slotText[slot] = s;
	if (value instanceof Date) {
		slotKind[slot] = DATE;
		slotTime[slot] = value.getTime();
		slotValue[slot] = null;
	} else if (value === null || typeof value !== 'object') {
		slotKind[slot] = PRIMITIVE;
		slotValue[slot] = value;
	} else {
		slotKind[slot] = CONSTRUCT;
		slotType[slot] = type;
		slotValue[slot] = null;
	}
	return value;
}

/** `text` equals `src[from, from + text.length)`. */
function sameText(text: string, from: number): boolean {
	for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== src.charCodeAt(from + k)) return false;
	return true;
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
		if ((c === BACKSLASH && q === QUOTE) || !isPlainChar(c)) return NOT_SIMPLE;
		j++;
	}
	if (j >= end || (q === APOS && src.charCodeAt(j + 1) === APOS)) return NOT_SIMPLE;
	pos = j + 1;
	// Quoted text needs no resolving, and is mostly one of a kind (links, names): kept out
	// of the table, where it would only push out the plain values that repeat.
	return ownString(src.slice(from, j));
}

/** A plain scalar in block context, to the end of the line. */
function blockPlain(): unknown {
	const from = pos;
	let last = -1;
	for (let j = from; j < end; j++) {
		const c = src.charCodeAt(j);
		if (c === SPACE) continue;
		if (!isPlainChar(c)) return NOT_SIMPLE;
		if (c === COLON) {
			if (j + 1 >= end || src.charCodeAt(j + 1) === SPACE) return NOT_SIMPLE;
		} else if (c === HASH && src.charCodeAt(j - 1) === SPACE) return NOT_SIMPLE;
		last = j;
	}
	pos = end;
	return plainScalar(from, Math.max(from, last + 1));
}

/** A plain scalar inside `[...]`, up to `,` or `]`. */
function flowPlain(): unknown {
	const from = pos;
	let last = -1;
	let j = from;
	for (; j < end; j++) {
		const c = src.charCodeAt(j);
		if (c === COMMA || c === CLOSE_BRACKET) break;
		if (c === COLON || c === HASH || c === OPEN_BRACKET || c === 123 || c === 125 || !isPlainChar(c)) return NOT_SIMPLE;
		if (c !== SPACE) last = j;
	}
	pos = j;
	return plainScalar(from, Math.max(from, last + 1));
}

/**
 * The items of the list being read (at most one is open at a time: a flow list fills one
 * line, a block list is closed before the next key). Lists are copied out of it at their
 * exact size: an array grown by push keeps room for 16 more items, and a person keeps
 * their `circles` and `aliases` lists for the whole run.
 */
const items: unknown[] = [];
let itemCount = 0;

function addItem(item: unknown): void {
	items[itemCount++] = item;
}

/** The open list at its exact size. The scratch keeps its room (emptying it would free it). */
function takeItems(): unknown[] {
	const out = items.slice(0, itemCount);
	clearItems();
	return out;
}

/** Drop the values held (so the scratch keeps no note's values alive), keep the room. */
function clearItems(): void {
	for (let i = 0; i < itemCount; i++) items[i] = null;
	itemCount = 0;
}

/** `[a, "b", 3]` on one line. */
function flowList(): unknown {
	clearItems();
	pos++; // [
	skipSpaces();
	if (src.charCodeAt(pos) === CLOSE_BRACKET) {
		pos++;
		return [];
	}
	for (;;) {
		skipSpaces();
		if (pos >= end) return NOT_SIMPLE;
		const c = src.charCodeAt(pos);
		const item = c === QUOTE || c === APOS ? quoted() : isIndicator(c) ? NOT_SIMPLE : flowPlain();
		if (item === NOT_SIMPLE) return NOT_SIMPLE;
		addItem(item);
		skipSpaces();
		if (pos >= end) return NOT_SIMPLE;
		const sep = src.charCodeAt(pos++);
		if (sep === CLOSE_BRACKET) return takeItems();
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
 * The object js-yaml would load from `yaml` (or from `yaml[from, to)`, so a caller need
 * not cut the block out of the note), when it is of the simple shape described in the
 * header; `undefined` otherwise (then nothing is known: use js-yaml). Nothing in the
 * object is a slice of `yaml`.
 */
export function loadSimpleYaml(
	yaml: string,
	implicit: readonly ImplicitType[] | null,
	from = 0,
	to = yaml.length,
): Record<string, unknown> | undefined {
	if (implicit === null) return undefined;
	src = yaml;
	types = implicit;
	if (cachedFor !== implicit) resetCache();
	try {
		return parseBlock(from, to);
	} finally {
		src = '';
		clearItems();
	}
}

function parseBlock(from: number, n: number): Record<string, unknown> | undefined {
	const out: Record<string, unknown> = {};
	const seen: string[] = [];
	// A key whose value is on the following lines (a block list in `items`, or null when
	// none follows).
	let pending: string | null = null;
	let listOpen = false;
	let listIndent = -1;
	let next = from;
	while (next <= n) {
		// One line: [start, end), without its line ending. Every character of it is checked
		// by the part that reads it (spaces, key characters, isPlainChar in the values).
		const start = next;
		let j = src.indexOf('\n', start);
		if (j === -1 || j > n) j = n;
		next = j + 1;
		end = j > start && src.charCodeAt(j - 1) === 13 ? j - 1 : j;
		let indent = start;
		while (indent < end && src.charCodeAt(indent) === SPACE) indent++;
		if (indent >= end) continue; // a blank line
		const width = indent - start;

		if (src.charCodeAt(indent) === DASH && src.charCodeAt(indent + 1) === SPACE) {
			// A list item: only under a key with no value on its line, all at one indent.
			if (pending === null) return undefined;
			if (!listOpen) {
				listOpen = true;
				listIndent = width;
				clearItems();
			} else if (width !== listIndent) return undefined;
			pos = indent + 2;
			skipSpaces();
			if (pos >= end) return undefined;
			const item = lineValue(false);
			if (item === NOT_SIMPLE) return undefined;
			addItem(item);
			continue;
		}
		if (width !== 0) return undefined;

		if (pending !== null) {
			out[pending] = listOpen ? takeItems() : null;
			pending = null;
			listOpen = false;
		}
		// key: [A-Za-z_] then [A-Za-z0-9_ -], not ending in a space, then ':' and a space or the end.
		if (!isKeyStart(src.charCodeAt(start))) return undefined;
		let k = start + 1;
		while (k < end && isKeyChar(src.charCodeAt(k))) k++;
		if (k >= end || src.charCodeAt(k) !== COLON || src.charCodeAt(k - 1) === SPACE) return undefined;
		if (k + 1 < end && src.charCodeAt(k + 1) !== SPACE) return undefined;
		const key = plainScalar(start, k);
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
	if (pending !== null) out[pending] = listOpen ? takeItems() : null;
	return seen.length > 0 ? out : undefined;
}
