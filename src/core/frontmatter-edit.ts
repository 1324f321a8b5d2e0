/**
 * The safe frontmatter edit: set one top-level key to one scalar value by rewriting
 * only that value's characters on the key's own line (or adding one `key: value` line,
 * or a new frontmatter block), so the key's spacing, quoting and trailing comment and
 * every other byte of the note stay as they were.
 *
 * Why the result is re-parsed: a text edit of YAML can change other values in ways no
 * line scan foresees (a multi-line scalar, an indented mapping, a flow block). Rather
 * than trusting the scan, the new frontmatter is parsed with the caller's YAML parser
 * and every other key must be deep-equal to before and the key must read back as the
 * new value; otherwise the edit is refused. Keys whose shape cannot be edited on one
 * line (a list, a block scalar, a flow collection, an anchor, alias or tag, a duplicate
 * key) are refused up front with a reason a user understands.
 *
 * Frontmatter in another language (`---js`, `---javascript`, `--- coffee`) is refused
 * and never parsed or evaluated: gray-matter would run `---js` as code.
 */
import { fenceLanguageReason, UNCLOSED_REASON } from './frontmatter-fence';
import { readDate } from './dates';
import { detectEol, endsLinesWithLoneCr, findFrontmatter, isBlank, LONE_CR, lineAt, type Line } from './log-section';
import type { ParseYaml } from './types';

export type FieldResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

export interface FieldEditOptions {
	parseYaml: ParseYaml;
	/**
	 * Given the key's current value (parsed), whether to overwrite it. Defaults to
	 * "when it differs from the new value".
	 */
	shouldReplace?: (current: unknown) => boolean;
}

type ValueStyle = 'plain' | 'single' | 'double';

const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^[-+]?\.(?:inf|nan)$|^0[xob]/i;
const PLAIN_SAFE = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./+-]*$/u;

/** True when `value` written bare reads back as the same string (or as a date). */
function plainIsSafe(value: string): boolean {
	if (value !== value.trim() || !PLAIN_SAFE.test(value)) return false;
	if (RESERVED_PLAIN.test(value)) return false;
	return !NUMBER_LIKE.test(value);
}

function quoteDouble(value: string): string {
	return JSON.stringify(value);
}

function quoteSingle(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** A key name that can be written bare at the start of a line. */
export function isWritableKey(key: string): boolean {
	return /^[\p{L}\p{N}_][\p{L}\p{N}_ ./-]*$/u.test(key) && key === key.trim();
}

/** Compare a frontmatter value with a date or text as written: Date and 'yyyy-MM-dd' by value. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
	if (a instanceof Date || b instanceof Date) {
		// js-yaml reads a bare 2026-11-02 as UTC midnight; Obsidian's parser may keep the text.
		const d = (a instanceof Date ? a : b) as Date;
		const s = a instanceof Date ? b : a;
		if (typeof s !== 'string' || d.getTime() % 86_400_000 !== 0) return false;
		const r = readDate(d);
		return r.ok && r.date === s;
	}
	if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((x, i) => sameValue(x, b[i]));
	}
	if (isPlainObject(a) && isPlainObject(b)) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		if (ka.length !== kb.length) return false;
		return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
	}
	return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** The key written at the very start of a line (`key:`, `'key':`, `"key":`), if any. */
function keyOfLine(line: string): { key: string; colon: number } | null {
	const c = line[0];
	if (c === undefined || c === ' ' || c === '\t' || c === '#' || c === '-' || c === '?' || c === '[' || c === '{') {
		return null;
	}
	let key: string;
	let i: number;
	if (c === '"' || c === "'") {
		const close = line.indexOf(c, 1);
		if (close < 0) return null;
		key = line.slice(1, close);
		i = close + 1;
		while (line[i] === ' ' || line[i] === '\t') i++;
		if (line[i] !== ':') return null;
	} else {
		i = 0;
		for (;;) {
			i = line.indexOf(':', i);
			if (i < 0) return null;
			if (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t') break;
			i++;
		}
		key = line.slice(0, i).trim();
	}
	const after = line[i + 1];
	if (after !== undefined && after !== ' ' && after !== '\t') return null;
	return { key, colon: i + 1 };
}

/** Where the value sits on the key's line, or why it cannot be edited there. */
type ValueSlot = { ok: true; start: number; end: number; style: ValueStyle | 'empty'; link: boolean } | { ok: false; reason: string };

function valueSlot(line: string, colon: number, key: string): ValueSlot {
	let i = colon;
	while (line[i] === ' ' || line[i] === '\t') i++;
	const c = line[i];
	if (c === undefined || c === '#') return { ok: true, start: i, end: i, style: 'empty', link: false };
	if (c === '|' || c === '>') return { ok: false, reason: `${key} is a block of text, not a single value` };
	if (c === '[') {
		// An unquoted link, `[[2026-11-16]]`: YAML reads a list in a list, Obsidian and
		// Kindred the link it was meant to be. Written back as the quoted link.
		const rest = line.slice(i);
		const link = /^\[\[[^[\]]*\]\]/.exec(rest);
		if (link && /^(?:[ \t]+#.*)?[ \t]*$/.test(rest.slice(link[0].length))) {
			return { ok: true, start: i, end: i + link[0].length, style: 'double', link: true };
		}
	}
	if (c === '[' || c === '{') return { ok: false, reason: `${key} is a list or map, not a single value` };
	if (c === '&' || c === '*') return { ok: false, reason: `${key} uses a YAML anchor or alias` };
	if (c === '!') return { ok: false, reason: `${key} has a YAML tag` };
	let end: number;
	let style: ValueStyle;
	if (c === '"' || c === "'") {
		style = c === '"' ? 'double' : 'single';
		let j = i + 1;
		for (; j < line.length; j++) {
			if (c === '"' && line[j] === '\\') j++;
			else if (c === "'" && line[j] === "'" && line[j + 1] === "'") j++;
			else if (line[j] === c) break;
		}
		if (j >= line.length) return { ok: false, reason: `${key} is a quoted value spanning several lines` };
		end = j + 1;
		const rest = line.slice(end);
		if (!/^(?:[ \t]+#.*)?[ \t]*$/.test(rest)) return { ok: false, reason: `${key} has text after its quoted value` };
	} else {
		style = 'plain';
		const comment = /[ \t]#/.exec(line.slice(i));
		end = comment ? i + comment.index : line.length;
		while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
	}
	const inner = style === 'plain' ? line.slice(i, end) : line.slice(i + 1, end - 1);
	return { ok: true, start: i, end, style, link: inner.startsWith('[[') };
}

/** `value` as a YAML scalar: plain when YAML reads it back as that text, else double-quoted. */
export function yamlScalar(value: string): string {
	return formatValue(value, 'plain');
}

function formatValue(value: string, style: ValueStyle | 'empty'): string {
	if (style === 'single') return quoteSingle(value);
	if (style === 'double') return quoteDouble(value);
	return plainIsSafe(value) ? value : quoteDouble(value);
}

interface YamlRead {
	ok: boolean;
	value?: Record<string, unknown>;
	reason?: string;
}

/**
 * A YAML parser's error as `line N: reason`, N counted in the note (`firstLine` is the
 * note's line number of the YAML's first line). Two parsers' errors are known: js-yaml's
 * (the command line's; `reason`, and `mark.line` from 0) and the \`yaml\` package's
 * (`linePos` from 1, and a message ending "at line L, column C:" counted in the YAML,
 * not the note, so that part is dropped). Anything else: the message's first line.
 */
export function describeYamlError(err: unknown, firstLine: number): string {
	if (typeof err === 'object' && err !== null) {
		const e = err as { reason?: unknown; mark?: { line?: unknown }; linePos?: unknown; message?: unknown };
		if (typeof e.reason === 'string' && e.mark && typeof e.mark.line === 'number') {
			return `line ${e.mark.line + firstLine}: ${e.reason}`;
		}
		const first = typeof e.message === 'string' ? e.message.split('\n')[0].trim() : null;
		const at: unknown = Array.isArray(e.linePos) ? (e.linePos[0] as { line?: unknown } | undefined)?.line : undefined;
		if (first !== null && typeof at === 'number') {
			return `line ${at - 1 + firstLine}: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
		}
		if (first !== null) return first;
	}
	return String(err).split('\n')[0];
}

/** Parse frontmatter YAML into a key–value map; never throws. */
function readYaml(yaml: string, parseYaml: ParseYaml, firstLine: number): YamlRead {
	let parsed: unknown;
	try {
		parsed = parseYaml(yaml);
	} catch (err) {
		return { ok: false, reason: `the frontmatter is not valid YAML (${describeYamlError(err, firstLine)})` };
	}
	if (parsed === null || parsed === undefined) return { ok: true, value: {} };
	if (!isPlainObject(parsed)) return { ok: false, reason: 'the frontmatter is not a set of key: value pairs' };
	return { ok: true, value: parsed };
}

/** 1-based line number of `offset` in `text`. */
function lineNumber(text: string, offset: number): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** The reason another key differs, or null when all other keys are the same. */
function compareOthers(before: Record<string, unknown>, after: Record<string, unknown>, key: string): string | null {
	for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (k === key) continue;
		if (!Object.prototype.hasOwnProperty.call(after, k)) return `"${k}" would be lost`;
		if (!Object.prototype.hasOwnProperty.call(before, k)) return `"${k}" would appear`;
		if (!sameValue(before[k], after[k])) return `"${k}" would change`;
	}
	return null;
}

/** Does the key's new value read back as what was written (a link counts as its date)? */
function readsBackAs(actual: unknown, value: string): boolean {
	if (sameValue(actual, value)) return true;
	if (typeof actual === 'string' && actual === `[[${value}]]`) return true;
	return false;
}

/**
 * Set a top-level frontmatter key to `value`. Pure: returns the new text or a reason;
 * the caller prefixes the note's path.
 */
export function setFrontmatterKey(text: string, key: string, value: string, opts: FieldEditOptions): FieldResult {
	if (!isWritableKey(key)) return { ok: false, reason: `the key name "${key}" cannot be written safely` };
	if (/[\r\n]/.test(value)) return { ok: false, reason: `the value for ${key} contains a line break` };
	if (endsLinesWithLoneCr(text)) return { ok: false, reason: LONE_CR };
	const eol = detectEol(text);
	const fm = findFrontmatter(text);

	if (!fm) {
		const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
		const block = `---${eol}${key}: ${formatValue(value, 'plain')}${eol}---${eol}`;
		const next = text.slice(0, bom) + block + text.slice(bom);
		const check = readYaml(`${key}: ${formatValue(value, 'plain')}${eol}`, opts.parseYaml, 2);
		if (!check.ok || !check.value || !readsBackAs(check.value[key], value)) {
			return { ok: false, reason: `the new ${key} value would not read back as "${value}"` };
		}
		return { ok: true, text: next, changed: true };
	}
	if (fm.language !== '') return { ok: false, reason: `the note ${fenceLanguageReason(text.slice(fm.bom, fm.contentStart))}` };
	if (!fm.close) return { ok: false, reason: `the note ${UNCLOSED_REASON}` };

	// Lines of the YAML that start with the key, found before parsing so a duplicate gets
	// its own message rather than the parser's.
	const keyLines: Line[] = [];
	for (let pos = fm.contentStart; pos < fm.contentEnd; ) {
		const line = lineAt(text, pos);
		const k = keyOfLine(text.slice(line.start, line.end));
		if (k && k.key === key) keyLines.push(line);
		pos = line.next;
	}
	if (keyLines.length > 1) {
		const times = keyLines.length === 2 ? 'twice' : `${keyLines.length} times`;
		return { ok: false, reason: `${key} appears ${times} in the frontmatter` };
	}

	const firstLine = lineNumber(text, fm.contentStart);
	const before = readYaml(text.slice(fm.contentStart, fm.contentEnd), opts.parseYaml, firstLine);
	if (!before.ok || !before.value) return { ok: false, reason: before.reason ?? 'the frontmatter cannot be read' };
	const current = before.value[key];
	const present = Object.prototype.hasOwnProperty.call(before.value, key);

	let next: string;
	if (keyLines.length === 0) {
		if (present) return { ok: false, reason: `${key} is not written as "${key}: value" on a line of its own` };
		const insert = `${key}: ${formatValue(value, 'plain')}${eol}`;
		next = text.slice(0, fm.close.start) + insert + text.slice(fm.close.start);
	} else {
		const line = keyLines[0];
		const content = text.slice(line.start, line.end);
		const k = keyOfLine(content);
		if (!k) return { ok: false, reason: `${key} cannot be read` };
		const slot = valueSlot(content, k.colon, key);
		if (!slot.ok) return { ok: false, reason: slot.reason };
		// What follows the key line: an indented line continues its value (a block or a
		// multi-line scalar), and `- item` at the same indentation is a list.
		for (let pos = line.next; pos < fm.contentEnd; ) {
			const l = lineAt(text, pos);
			pos = l.next;
			if (isBlank(text, l)) continue;
			const s = text.slice(l.start, l.end);
			if (/^[ \t]*#/.test(s)) continue;
			if (slot.style === 'empty' && /^-(?:[ \t]|$)/.test(s)) {
				return { ok: false, reason: `${key} is a list, not a single value` };
			}
			if (/^[ \t]/.test(s)) {
				return {
					ok: false,
					reason: slot.style === 'empty' ? `${key} is a list or block, not a single value` : `${key} spans several lines`,
				};
			}
			break;
		}
		const shouldReplace = opts.shouldReplace ?? ((v: unknown) => !readsBackAs(v, value));
		if (present && !shouldReplace(current)) return { ok: true, text, changed: false };
		const written = slot.link && slot.style !== 'plain' ? `[[${value}]]` : value;
		const formatted = formatValue(written, slot.style);
		const newLine =
			slot.style === 'empty'
				? `${content.slice(0, k.colon)} ${formatted}${content.slice(k.colon)}`
				: content.slice(0, slot.start) + formatted + content.slice(slot.end);
		next = text.slice(0, line.start) + newLine + text.slice(line.end);
	}

	// Verify: re-parse the edited frontmatter and compare.
	const after = findFrontmatter(next);
	if (!after || !after.close) return { ok: false, reason: 'the edit could not be verified (the frontmatter block moved)' };
	const parsed = readYaml(next.slice(after.contentStart, after.contentEnd), opts.parseYaml, firstLine);
	if (!parsed.ok || !parsed.value) return { ok: false, reason: 'the edit could not be verified (the edited frontmatter does not parse)' };
	const diff = compareOthers(before.value, parsed.value, key);
	if (diff) return { ok: false, reason: `the edit could not be verified (${diff})` };
	if (!readsBackAs(parsed.value[key], value)) {
		return { ok: false, reason: `the edit could not be verified (${key} does not read back as ${value})` };
	}
	return { ok: true, text: next, changed: next !== text };
}
