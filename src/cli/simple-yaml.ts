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
 * js-yaml costs about 40 µs for a five-line block; a vault of 15,000 notes spent most of
 * `kindred due` there. test/cli/simple-yaml.test.ts checks this against js-yaml.
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

/** Thrown inside the parser when the block is not of the simple shape. */
const NOT_SIMPLE = Symbol('not simple');

function resolvePlain(types: readonly ImplicitType[], s: string): unknown {
	for (const t of types) if (t.resolve(s)) return t.construct(s);
	return s;
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

class Parser {
	private i = 0;
	private end = 0;

	constructor(
		private readonly src: string,
		private readonly types: readonly ImplicitType[],
	) {}

	fail(): never {
		throw NOT_SIMPLE;
	}

	/** Set the current line [start, end). */
	line(start: number, end: number): void {
		this.i = start;
		this.end = end;
	}

	skipSpaces(): void {
		while (this.i < this.end && this.src.charCodeAt(this.i) === SPACE) this.i++;
	}

	atEnd(): boolean {
		return this.i >= this.end;
	}

	/** Only spaces until the end of the line. */
	expectLineEnd(): void {
		this.skipSpaces();
		if (this.i < this.end) this.fail();
	}

	/** `"text"` without escapes, or `'text'` without a doubled quote. */
	quoted(): string {
		const src = this.src;
		const q = src.charCodeAt(this.i);
		const from = this.i + 1;
		let j = from;
		while (j < this.end) {
			const c = src.charCodeAt(j);
			if (c === q) break;
			if (c === BACKSLASH && q === QUOTE) this.fail();
			j++;
		}
		if (j >= this.end) this.fail();
		if (q === APOS && src.charCodeAt(j + 1) === APOS) this.fail();
		this.i = j + 1;
		return src.slice(from, j);
	}

	/** A plain scalar in block context, to the end of the line. */
	blockPlain(): unknown {
		const src = this.src;
		const from = this.i;
		let last = -1;
		for (let j = from; j < this.end; j++) {
			const c = src.charCodeAt(j);
			if (c === COLON) {
				if (j + 1 >= this.end || src.charCodeAt(j + 1) === SPACE) this.fail();
			} else if (c === HASH) {
				if (src.charCodeAt(j - 1) === SPACE) this.fail();
			}
			if (c !== SPACE) last = j;
		}
		this.i = this.end;
		return resolvePlain(this.types, src.slice(from, last + 1));
	}

	/** A plain scalar inside `[...]`, up to `,` or `]`. */
	flowPlain(): unknown {
		const src = this.src;
		const from = this.i;
		let last = -1;
		let j = from;
		for (; j < this.end; j++) {
			const c = src.charCodeAt(j);
			if (c === COMMA || c === CLOSE_BRACKET) break;
			if (c === COLON || c === HASH || c === OPEN_BRACKET || c === 123 || c === 125) this.fail();
			if (c !== SPACE) last = j;
		}
		this.i = j;
		return resolvePlain(this.types, src.slice(from, last + 1));
	}

	/** `[a, "b", 3]` on one line. */
	flowList(): unknown[] {
		const src = this.src;
		const out: unknown[] = [];
		this.i++; // [
		this.skipSpaces();
		if (src.charCodeAt(this.i) === CLOSE_BRACKET) {
			this.i++;
			return out;
		}
		for (;;) {
			this.skipSpaces();
			if (this.atEnd()) this.fail();
			const c = src.charCodeAt(this.i);
			if (c === QUOTE || c === APOS) out.push(this.quoted());
			else if (isIndicator(c)) this.fail();
			else out.push(this.flowPlain());
			this.skipSpaces();
			const sep = src.charCodeAt(this.i);
			if (this.atEnd()) this.fail();
			this.i++;
			if (sep === CLOSE_BRACKET) return out;
			if (sep !== COMMA) this.fail();
			this.skipSpaces();
			if (this.atEnd() || src.charCodeAt(this.i) === CLOSE_BRACKET) this.fail(); // a trailing comma
		}
	}

	/** A value on the rest of this line (a list item's or a key's), which must be non-empty. */
	value(allowFlow: boolean): unknown {
		const c = this.src.charCodeAt(this.i);
		let v: unknown;
		if (c === QUOTE || c === APOS) v = this.quoted();
		else if (c === OPEN_BRACKET && allowFlow) v = this.flowList();
		else if (isIndicator(c)) this.fail();
		else v = this.blockPlain();
		this.expectLineEnd();
		return v;
	}
}

/**
 * The object js-yaml would load from `src`, when `src` is of the simple shape described
 * in the header; `undefined` otherwise (then nothing is known: use js-yaml).
 */
export function loadSimpleYaml(src: string, types: readonly ImplicitType[] | null): Record<string, unknown> | undefined {
	if (types === null) return undefined;
	const p = new Parser(src, types);
	const out: Record<string, unknown> = {};
	let keys = 0;
	// A key whose value is on the following lines (a block list), or null when it is empty.
	let pending: string | null = null;
	let list: unknown[] | null = null;
	let listIndent = -1;
	const finishPending = (): void => {
		if (pending === null) return;
		out[pending] = list;
		pending = null;
		list = null;
	};
	try {
		let pos = 0;
		const n = src.length;
		while (pos <= n) {
			let nl = src.indexOf('\n', pos);
			if (nl === -1) nl = n;
			let end = nl;
			if (end > pos && src.charCodeAt(end - 1) === 13) end--;
			const start = pos;
			pos = nl + 1;

			let indent = start;
			while (indent < end && src.charCodeAt(indent) === SPACE) indent++;
			if (indent === end) continue; // a blank line
			for (let k = indent; k < end; k++) if (!isPlainChar(src.charCodeAt(k))) return undefined;
			p.line(indent, end);
			const width = indent - start;

			if (src.charCodeAt(indent) === DASH && src.charCodeAt(indent + 1) === SPACE) {
				// A list item: only under a key with no value on its line, all at one indent.
				if (pending === null) return undefined;
				if (list === null) {
					list = [];
					listIndent = width;
				} else if (width !== listIndent) return undefined;
				p.line(indent + 2, end);
				p.skipSpaces();
				if (p.atEnd()) return undefined;
				(list as unknown[]).push(p.value(false));
				continue;
			}
			if (width !== 0) return undefined;

			finishPending();
			// key: [A-Za-z_] then [A-Za-z0-9_ -], not ending in a space, then ':' and a space or the end.
			let k = start;
			const first = src.charCodeAt(k);
			if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return undefined;
			for (k++; k < end; k++) {
				const c = src.charCodeAt(k);
				const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === SPACE;
				if (!ok) break;
			}
			if (k >= end || src.charCodeAt(k) !== COLON || src.charCodeAt(k - 1) === SPACE) return undefined;
			if (k + 1 < end && src.charCodeAt(k + 1) !== SPACE) return undefined;
			const key = resolvePlain(types, src.slice(start, k));
			if (typeof key !== 'string' || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
			keys++;
			p.line(k + 1, end);
			p.skipSpaces();
			if (p.atEnd()) {
				pending = key;
				continue;
			}
			out[key] = p.value(true);
		}
		finishPending();
	} catch (err) {
		if (err === NOT_SIMPLE) return undefined;
		throw err;
	}
	return keys > 0 ? out : undefined;
}
