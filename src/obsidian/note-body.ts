/**
 * What the index learns from a person note's text, beyond the metadata cache: the
 * interaction log, log lines that could not be read, and whether the frontmatter failed
 * to parse or opens in a way Obsidian does not read (`---yaml`, no closing line): the
 * cache then simply has none; the command line reports it, so the plugin does too, rather
 * than showing the person as untracked.
 */
import { getFrontMatterInfo, parseYaml } from 'obsidian';
import type { CachedMetadata } from 'obsidian';
import { describeYamlError } from '../core/frontmatter-edit';
import { unreadFrontmatterReason } from '../core/frontmatter-fence';
import { scanLog } from '../core/logline';
import type { KindredSettings } from '../core/settings';
import type { LogEntry, Person, Problem } from '../core/types';

export interface NoteBody {
	log: LogEntry[];
	/** Log lines that could not be read; shown, not blocking. */
	logProblems: Problem[];
	/** Why the frontmatter could not be read, when it could not. */
	frontmatterError: string | null;
}

function yamlError(text: string, cache: CachedMetadata | null): string | null {
	if (cache?.frontmatter) return null;
	const info = getFrontMatterInfo(text);
	// `---yaml`, `---js` or a `---` never closed: Obsidian reads no properties, and says nothing.
	if (!info.exists) return unreadFrontmatterReason(text);
	if (info.frontmatter.trim() === '') return null;
	try {
		parseYaml(info.frontmatter);
		return null;
	} catch (e) {
		// The YAML starts on the note's second line, after the opening `---`. Worded as the
		// command line words it, the line counted in the note.
		return `is not valid YAML (${describeYamlError(e, 2)})`;
	}
}

export function readBody(text: string, cache: CachedMetadata | null, settings: KindredSettings): NoteBody {
	const scan = scanLog(text, settings);
	return { log: scan.entries, logProblems: scan.problems, frontmatterError: yamlError(text, cache) };
}

/** The person with what the body adds: log problems, and a frontmatter error that blocks scheduling. */
export function withBody(person: Person, body: NoteBody | undefined): Person {
	if (!body || (body.logProblems.length === 0 && body.frontmatterError === null)) return person;
	const problems = [...person.problems, ...body.logProblems];
	if (body.frontmatterError === null) return { ...person, problems };
	return {
		...person,
		problems: [{ field: 'frontmatter', value: '', reason: body.frontmatterError }, ...problems],
		invalid: true,
	};
}
