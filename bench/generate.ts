/**
 * The benchmark's synthetic vault: N person notes (about 2 KB each, frontmatter in the
 * varied shapes real vaults use, 20 log lines under `## Interactions`) plus N/2 other notes
 * (daily notes and projects). Deterministic: every note is drawn from its own seeded stream
 * (seed, kind, index), so note i is the same whatever N is and can be regenerated alone.
 *
 * Each note comes with the frontmatter object and body tags as Obsidian's metadata cache
 * holds them (dates stay strings, lists are arrays), so the index benchmarks need no YAML
 * parser of their own. `writeVault` puts the same notes on disk for the command line, and
 * reuses a folder whose stamp says it was written by this generator version and seed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dayNumber, fromDayNumber } from '../src/core/dates';
import { mixSeed, Prng } from './prng';

/** Bump whenever the output of the generator changes, so stale vaults on disk are rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261123;
/** The benchmark's "today"; every generated date is on or before it (bar a few invalid ones). */
export const BENCH_TODAY = '2026-11-23';
export const STAMP_FILE = '.kindred-bench-stamp.json';

export type NoteKind = 'person' | 'daily' | 'project';

export interface GeneratedNote {
	/** Vault-relative path with extension. */
	path: string;
	kind: NoteKind;
	/** The file's text, LF line endings. */
	content: string;
	/** The frontmatter as the metadata cache would hold it; null when the note has none. */
	frontmatter: Record<string, unknown> | null;
	/** Body tags with '#', in order, as `CachedMetadata.tags` would list them. */
	tags: string[];
}

// ---------------------------------------------------------------- calendar (day numbers)
// Day numbers since 1970-01-01 from core's calendar arithmetic, so generation never depends on TZ.

const isoCache = new Map<number, string>();

export function isoDay(day: number): string {
	// A few thousand distinct days cover the whole vault; formatting each once keeps
	// generating 50,000 people (a million log lines) to a couple of seconds.
	let s = isoCache.get(day);
	if (s === undefined) {
		s = fromDayNumber(day);
		isoCache.set(day, s);
	}
	return s;
}

const TODAY = dayNumber(BENCH_TODAY);

// ---------------------------------------------------------------- word lists
const FIRST = [
	'Ana', 'Ben', 'Chloe', 'Dario', 'Elif', 'Farah', 'Gustav', 'Hana', 'Ines', 'Jonas', 'Keiko', 'Liam',
	'Maya', 'Nikolai', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Ximena',
	'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Carmen', 'Dmitri', 'Esme', 'Felix', 'Greta', 'Hugo', 'Ingrid', 'Jae',
	'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Paloma', 'Rafael', 'Sofia', 'Tariq', 'Ursula', 'Vera', 'Will',
];
const LAST = [
	'Ruiz', 'Ode', 'Lam', 'Novak', 'Okafor', 'Haddad', 'Lindqvist', 'Sato', 'Moreau', 'Becker', 'Tanaka',
	'Byrne', 'Costa', 'Ivanova', 'Adeyemi', 'Sharma', 'Walsh', 'Delgado', 'Nasser', 'Horvat', 'Iyer', 'Petrov',
	'Zhang', 'Flores', 'Demir', 'Keller', 'Mensah', 'Rossi', 'Kowalski', 'Nguyen', 'Silva', 'Brennan', 'Aziz',
	'Larsen', 'Park', 'Quispe', 'Reyes', 'Schmidt', 'Tran', 'Vance', 'Weber', 'Yilmaz', 'Abbott', 'Fischer',
];
const SUBFOLDERS = ['People', 'People/Work', 'People/Friends', 'People/Family', 'People/Climbing'];
const CIRCLES = ['work', 'climbing', 'design', 'family', 'school', 'music', 'open-source', 'finance', 'health', 'neighbours'];
const CHANNELS = ['call', 'coffee', 'message', 'email', 'video', 'meal', 'event'];
const VERBS = ['Talked about', 'Caught up on', 'Swapped notes on', 'Planned', 'Asked about', 'Laughed about', 'Compared'];
const TOPICS = [
	'her move to Lisbon', 'his new job at the lab', 'the climbing trip', 'their startup idea', 'a book on habits',
	'the conference talk', 'kids and schools', 'the marathon training', 'a product design role', 'the housing market',
	'the open-source release', 'a sabbatical plan', 'the band reunion', 'a hiring problem', 'the garden project',
];
const FOLLOWUPS = [
	'Wants an intro to a designer.', 'Send the article.', 'Follow up in spring.', 'Offered to review the deck.',
	'Owes me a recipe.', 'Invite to the next dinner.', 'Lent me a book.', 'Check in after the interview.',
	'', '', '',
];
const PLACES = ['a climbing gym', 'a design meetup', 'university', 'a wedding', 'the old office', 'a conference in Porto', 'a hackathon'];
const HOBBIES = ['bouldering', 'jazz piano', 'sourdough', 'chess', 'trail running', 'birding', 'film photography', 'woodwork'];

/** Cadence values in every written form DESIGN.md accepts, as [yaml text, cache value]. */
const CADENCES: readonly (readonly [string, unknown])[] = [
	['weekly', 'weekly'], ['fortnightly', 'fortnightly'], ['monthly', 'monthly'], ['quarterly', 'quarterly'],
	['yearly', 'yearly'], ['every 3 weeks', 'every 3 weeks'], ['every 10 days', 'every 10 days'],
	['every 2 months', 'every 2 months'], ['every 1 year', 'every 1 year'], ['45 days', '45 days'], ['6w', '6w'],
	['90d', '90d'], ['3m', '3m'], ['1y', '1y'], ['P3M', 'P3M'], ['P6W', 'P6W'], ['P90D', 'P90D'], ['21', 21],
];

// ---------------------------------------------------------------- names
/** The unique display name of person i (also the basename of the note). */
export function personName(i: number): string {
	const f = FIRST[i % FIRST.length];
	const l = LAST[Math.floor(i / FIRST.length) % LAST.length];
	const round = Math.floor(i / (FIRST.length * LAST.length));
	return round === 0 ? `${f} ${l}` : `${f} ${l} ${round + 1}`;
}

// ---------------------------------------------------------------- yaml helpers
/** A flow list of plain scalars, e.g. `[work, climbing]`. */
function flowList(items: string[]): string {
	return `[${items.join(', ')}]`;
}

function quoted(s: string): string {
	return `"${s}"`;
}

// ---------------------------------------------------------------- person notes
interface PersonPlacement {
	path: string;
	/** How the note is recognised as a person. */
	via: 'folder' | 'frontmatter-tag' | 'body-tag' | 'marker';
}

function placePerson(rng: Prng, name: string): PersonPlacement {
	const via = rng.weighted([
		['folder', 80],
		['frontmatter-tag', 10],
		['body-tag', 5],
		['marker', 5],
	] as const);
	if (via === 'folder') return { path: `${rng.pick(SUBFOLDERS)}/${name}.md`, via };
	if (via === 'frontmatter-tag') return { path: `Contacts/${name}.md`, via };
	return { path: `Notes/${name}.md`, via };
}

function logLine(rng: Prng, day: number, people: number, self: number): string {
	const date = rng.chance(0.1) ? `[[${isoDay(day)}]]` : isoDay(day);
	const channel = rng.chance(0.8) ? ` (${rng.pick(CHANNELS)})` : '';
	const exchange = rng.weighted([['', 60], ['Gave: ', 25], ['Received: ', 15]] as const);
	let text = `${rng.pick(VERBS)} ${rng.pick(TOPICS)}`;
	if (rng.chance(0.15) && people > 1) {
		let other = rng.int(0, people - 1);
		if (other === self) other = (other + 1) % people;
		text += ` with [[${personName(other)}]]`;
	}
	const follow = rng.pick(FOLLOWUPS);
	text += follow ? `. ${follow}` : '.';
	return `- ${date}${channel} ${exchange}${text}`;
}

function generatePerson(i: number, people: number, seed: number): GeneratedNote {
	const rng = new Prng(mixSeed(seed, 'person', i));
	const name = personName(i);
	const place = placePerson(rng, name);
	const fm: Record<string, unknown> = {};
	const yaml: string[] = [];
	const tags: string[] = [];

	if (rng.chance(0.3)) {
		const alias = name.split(' ')[0] + (rng.chance(0.5) ? '' : ` ${name.split(' ')[1][0]}.`);
		yaml.push(`aliases: ${flowList([alias])}`);
		fm.aliases = [alias];
	}
	const cadenceRoll = rng.next();
	if (cadenceRoll < 0.01) {
		yaml.push('cadence: sometimes');
		fm.cadence = 'sometimes';
	} else if (cadenceRoll < 0.76) {
		const [text, value] = rng.pick(CADENCES);
		yaml.push(`cadence: ${text}`);
		fm.cadence = value;
	}
	const trustRoll = rng.next();
	if (trustRoll < 0.01) {
		yaml.push('trust: high');
		fm.trust = 'high';
	} else if (trustRoll < 0.92) {
		const trust = rng.weighted([[1, 20], [2, 30], [3, 25], [4, 15], [5, 10]] as const);
		yaml.push(`trust: ${trust}`);
		fm.trust = trust;
	}

	// Never contacted: no last contact and an empty log (about 4%).
	const never = rng.chance(0.04);
	const newestLog = TODAY - rng.int(0, 400);
	let lastContact: number | null = null;
	if (!never && rng.chance(0.88)) {
		// Usually the log commands wrote both; sometimes a hand-typed line is newer.
		lastContact = rng.chance(0.85) ? newestLog : newestLog - rng.int(1, 60);
		const iso = isoDay(lastContact);
		const form = rng.weighted([['plain', 70], ['quoted', 15], ['link', 10], ['time', 4], ['invalid', 1]] as const);
		const text =
			form === 'plain' ? iso
			: form === 'quoted' ? quoted(iso)
			: form === 'link' ? quoted(`[[${iso}]]`)
			: form === 'time' ? `${iso}T09:30`
			: `${iso.slice(0, 4)}-02-30`;
		const value =
			form === 'link' ? `[[${iso}]]`
			: form === 'time' ? `${iso}T09:30`
			: form === 'invalid' ? `${iso.slice(0, 4)}-02-30`
			: iso;
		yaml.push(`last_contact: ${text}`);
		fm.last_contact = value;
	}
	const status = rng.weighted([['', 70], ['active', 10], ['target', 8], ['paused', 6], ['archived', 6]] as const);
	if (status) {
		yaml.push(`status: ${status}`);
		fm.status = status;
	}
	if (rng.chance(0.05)) {
		const until = isoDay(TODAY + rng.int(1, 60));
		yaml.push(`snooze_until: ${until}`);
		fm.snooze_until = until;
	}
	if (rng.chance(0.7)) {
		const circles = rng.sample(CIRCLES, rng.int(1, 3));
		yaml.push(`circles: ${flowList(circles)}`);
		fm.circles = circles;
	}
	if (rng.chance(0.6) && people > 1) {
		const knows: string[] = [];
		const count = rng.int(1, 4);
		for (let k = 0; k < count; k++) {
			const other = rng.int(0, people - 1);
			if (other !== i) knows.push(`[[${personName(other)}]]`);
		}
		if (knows.length > 0) {
			yaml.push(`knows: ${flowList(knows.map(quoted))}`);
			fm.knows = knows;
		}
	}
	if (rng.chance(0.2) && people > 1) {
		const by = `[[${personName((i + rng.int(1, people - 1)) % people)}]]`;
		yaml.push(`introduced_by: ${quoted(by)}`);
		fm.introduced_by = by;
	}
	if (rng.chance(0.3)) {
		const energy = rng.weighted([['gives', 50], ['neutral', 35], ['drains', 15]] as const);
		yaml.push(`energy: ${energy}`);
		fm.energy = energy;
	}
	if (place.via === 'frontmatter-tag') {
		yaml.push('tags: [person]');
		fm.tags = ['person'];
	}
	if (place.via === 'marker') {
		yaml.push('type: person');
		fm.type = 'person';
	}

	const body: string[] = [`# ${name}`, ''];
	const hobbies = rng.sample(HOBBIES, 2);
	let bio = `Met at ${rng.pick(PLACES)} in ${rng.int(2005, 2025)}. Into ${hobbies[0]} and ${hobbies[1]}.`;
	if (place.via === 'body-tag') {
		bio += ' #person/work';
		tags.push('#person/work');
	}
	body.push(bio);
	// Pad to about 2 KB whatever the log holds, so "never contacted" notes weigh the same.
	body.push('', `Notes: ${rng.pick(TOPICS)}; ${rng.pick(TOPICS)}; ${rng.pick(TOPICS)}.`);
	body.push(
		`Prefers a ${rng.pick(CHANNELS)}, best reached ${rng.pick(['in the morning', 'after work', 'at weekends'])}. ` +
			`Recently: ${rng.pick(TOPICS)}. Ask about ${rng.pick(HOBBIES)} and ${rng.pick(TOPICS)}.`,
	);
	body.push(`Open questions: ${rng.pick(TOPICS)}? ${rng.pick(TOPICS)}? ${rng.pick(FOLLOWUPS) || 'Nothing pending.'}`);
	if (never) body.push('', ...Array.from({ length: 16 }, () => `Idea: ${rng.pick(VERBS).toLowerCase()} ${rng.pick(TOPICS)}.`));
	body.push('', '## Interactions');
	if (!never) {
		let day = newestLog;
		for (let k = 0; k < 20; k++) {
			body.push(logLine(rng, day, people, i));
			day -= rng.int(3, 45);
		}
	}
	body.push('');
	const content = `---\n${yaml.join('\n')}\n---\n${body.join('\n')}`;
	return { path: place.path, kind: 'person', content, frontmatter: yaml.length > 0 ? fm : {}, tags };
}

// ---------------------------------------------------------------- other notes
function generateDaily(j: number, people: number, seed: number): GeneratedNote {
	const rng = new Prng(mixSeed(seed, 'daily', j));
	const iso = isoDay(TODAY - j);
	const lines = [`# ${iso}`, ''];
	for (let k = rng.int(3, 8); k > 0; k--) {
		const who = people > 0 && rng.chance(0.3) ? ` with [[${personName(rng.int(0, people - 1))}]]` : '';
		lines.push(`- [${rng.chance(0.5) ? 'x' : ' '}] ${rng.pick(VERBS)} ${rng.pick(TOPICS)}${who}`);
	}
	lines.push('', `Mood: ${rng.pick(['calm', 'busy', 'tired', 'great'])}. #journal`, '');
	const hasFm = rng.chance(0.3);
	const fm = hasFm ? { date: iso } : null;
	const content = (hasFm ? `---\ndate: ${iso}\n---\n` : '') + lines.join('\n');
	return { path: `Daily/${iso.slice(0, 4)}/${iso}.md`, kind: 'daily', content, frontmatter: fm, tags: ['#journal'] };
}

function generateProject(j: number, seed: number): GeneratedNote {
	const rng = new Prng(mixSeed(seed, 'project', j));
	// `status` on a non-person note: the index must not take it for a person.
	const status = rng.pick(['active', 'paused', 'done']);
	const lines = [`# Project ${j + 1}`, '', `Goal: ${rng.pick(VERBS).toLowerCase()} ${rng.pick(TOPICS)}.`, ''];
	for (let k = rng.int(4, 10); k > 0; k--) lines.push(`- ${rng.pick(VERBS)} ${rng.pick(TOPICS)}`);
	lines.push('');
	const content = `---\nstatus: ${status}\ntags: [project]\n---\n${lines.join('\n')}`;
	return {
		path: `Projects/Project ${j + 1}.md`,
		kind: 'project',
		content,
		frontmatter: { status, tags: ['project'] },
		tags: [],
	};
}

/** Regenerate person i alone (same text as inside the whole vault of that size). */
export function generatePersonNote(i: number, people: number, seed = DEFAULT_SEED): GeneratedNote {
	return generatePerson(i, people, seed);
}

/** Every note of a vault with `people` person notes and people/2 other notes. */
export function* generateVault(people: number, seed = DEFAULT_SEED): Generator<GeneratedNote> {
	for (let i = 0; i < people; i++) yield generatePerson(i, people, seed);
	const others = Math.floor(people / 2);
	const dailies = Math.round(others * 0.7);
	for (let j = 0; j < dailies; j++) yield generateDaily(j, people, seed);
	for (let j = 0; j < others - dailies; j++) yield generateProject(j, seed);
}

// ---------------------------------------------------------------- edited and oversized notes
/**
 * The note after a touchpoint was logged on `date`, as a `changed` event would hand it
 * over: `last_contact` set (or added) and a new line on top of the log.
 */
export function touchedNote(note: GeneratedNote, date: string): GeneratedNote {
	let content = note.content;
	const close = content.indexOf('\n---\n', 3);
	const head = content.slice(0, close + 1);
	const key = /^last_contact: .*$/m;
	const newHead = key.test(head) ? head.replace(key, `last_contact: ${date}`) : `---\nlast_contact: ${date}\n${head.slice(4)}`;
	content = newHead + content.slice(close + 1);
	content = content.replace('## Interactions\n', `## Interactions\n- ${date} (call) Bench touchpoint.\n`);
	return { ...note, content, frontmatter: { ...(note.frontmatter ?? {}), last_contact: date } };
}

/** A well-formed person note of at least `minBytes`, nearly all of it log lines (newest first). */
export function bigPersonNote(minBytes: number): GeneratedNote {
	const fm = {
		aliases: ['Big'],
		cadence: 'monthly',
		trust: 4,
		last_contact: '2026-10-01',
		circles: ['work', 'climbing'],
		knows: ['[[Ana Ruiz]]', '[[Ben Ode]]'],
	};
	const head = [
		'---',
		'aliases: [Big]',
		'cadence: monthly',
		'trust: 4',
		'last_contact: 2026-10-01',
		'circles: [work, climbing]',
		'knows: ["[[Ana Ruiz]]", "[[Ben Ode]]"]',
		'---',
		'# Big Note',
		'',
		'Someone with years of history in the log.',
		'',
		'## Interactions',
	].join('\n');
	const lines: string[] = [];
	let size = head.length + 1;
	let day = dayNumber('2026-10-01');
	for (let k = 0; size < minBytes; k++) {
		const line = `- ${isoDay(day)} (${CHANNELS[k % CHANNELS.length]}) ${VERBS[k % VERBS.length]} ${TOPICS[k % TOPICS.length]}; ${FOLLOWUPS[k % 8]}`;
		lines.push(line);
		size += line.length + 1;
		day -= 1 + (k % 3);
	}
	return { path: 'People/Big Note.md', kind: 'person', content: `${head}\n${lines.join('\n')}\n`, frontmatter: fm, tags: [] };
}

// ---------------------------------------------------------------- on disk
export interface VaultStamp {
	generatorVersion: number;
	seed: number;
	people: number;
	files: number;
}

/** Writes the vault under `dir` unless a matching stamp says it is already there. */
export function writeVault(dir: string, people: number, seed = DEFAULT_SEED): { reused: boolean; files: number } {
	const stampPath = join(dir, STAMP_FILE);
	if (existsSync(stampPath)) {
		try {
			const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as VaultStamp;
			if (stamp.generatorVersion === GENERATOR_VERSION && stamp.seed === seed && stamp.people === people) {
				return { reused: true, files: stamp.files };
			}
		} catch {
			// A torn stamp: regenerate below.
		}
	}
	rmSync(dir, { recursive: true, force: true });
	const made = new Set<string>();
	let files = 0;
	for (const note of generateVault(people, seed)) {
		const folder = dirname(join(dir, note.path));
		if (!made.has(folder)) {
			mkdirSync(folder, { recursive: true });
			made.add(folder);
		}
		writeFileSync(join(dir, note.path), note.content);
		files++;
	}
	// The stamp goes last: an interrupted run leaves no stamp and is redone.
	const stamp: VaultStamp = { generatorVersion: GENERATOR_VERSION, seed, people, files };
	writeFileSync(stampPath, JSON.stringify(stamp) + '\n');
	return { reused: false, files };
}
