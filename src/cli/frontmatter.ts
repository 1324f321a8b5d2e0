/**
 * Frontmatter for the disk reader, through gray-matter, made safe:
 * - always called with an options object, so gray-matter's module-level cache (keyed by
 *   content, shared between calls) is never consulted;
 * - YAML through js-yaml 4's `load` with its default schema (unquoted dates become
 *   UTC-midnight Dates, which core reads from their UTC parts), except that only a real
 *   `yyyy-MM-dd` date becomes a Date: js-yaml alone turns `2026-02-30` into 2 March and
 *   `2026-11-02T01:00+05:00` into 1 November. Those stay text, as in Obsidian, and core
 *   reports the first and keeps the written date of the second;
 * - `---js` / `---javascript` engines throw instead of evaluating the block, and any
 *   other language after the opening `---` is refused the same way;
 * - a note that opens with `---` but never closes it has no frontmatter, as in Obsidian
 *   (gray-matter would otherwise read the whole note as YAML).
 */
import matter from 'gray-matter';
import { DEFAULT_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { isLocalDate } from '../core/dates';
import type { ParseYaml } from '../core/types';

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

/** The YAML port core's edits take: the same schema as the reader, never code execution. */
export const parseYaml: ParseYaml = (yaml: string) => load(yaml, { schema: YAML_SCHEMA });

function refuse(language: string): never {
	throw new Error(`starts with '---${language}'; only YAML frontmatter is read, and code in it is never run`);
}

const yamlEngine = (s: string): object => parseYaml(s) as object;

const OPTIONS = {
	excerpt: false,
	engines: {
		yaml: yamlEngine,
		javascript: (): object => refuse('js'),
		js: (): object => refuse('js'),
		json: (): object => refuse('json'),
		coffee: (): object => refuse('coffee'),
	},
};

const OPENING = /^---[^\r\n]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(?:\r?\n|$)/;

function yamlReason(err: YAMLException): string {
	// js-yaml's message is several lines with a code snippet; keep the reason and the
	// line, counted in the note (the YAML string starts on the `---` line's end).
	const line = typeof err.mark?.line === 'number' ? err.mark.line + 1 : null;
	const reason = err.reason || err.message.split('\n')[0];
	return `is not valid YAML (${line !== null ? `line ${line}: ` : ''}${reason})`;
}

/** Read the frontmatter of a note's text (BOM already removed). Never throws. */
export function readFrontmatter(text: string): FrontmatterResult {
	const opening = OPENING.exec(text);
	if (!opening || text.charAt(3) === '-') return { kind: 'none', body: text };
	if (!CLOSING.test(text.slice(opening[0].length - 1))) return { kind: 'none', body: text };
	const language = opening[0].slice(3).trim();
	try {
		if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
			refuse(language);
		}
		const file = matter(text, OPTIONS);
		const data: unknown = file.data;
		if (data === null || data === undefined) return { kind: 'ok', data: {}, body: file.content };
		if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
			return { kind: 'error', reason: 'is not a set of "key: value" lines', body: file.content };
		}
		return { kind: 'ok', data: data as Record<string, unknown>, body: file.content };
	} catch (err) {
		const reason = err instanceof YAMLException ? yamlReason(err) : err instanceof Error ? err.message : String(err);
		const close = CLOSING.exec(text.slice(opening[0].length - 1));
		const body = close ? text.slice(opening[0].length - 1 + close.index + close[0].length) : '';
		return { kind: 'error', reason, body };
	}
}
