/**
 * `kindred due`: the due list of a vault for a day, as a table or as JSON.
 *
 * Each person goes into the list as their note is read (DueListBuilder), so only those
 * listed are kept: without --all, up-to-date people are read, counted and let go.
 */
import type { DueArgs } from './args';
import { toDueJsonDocument } from './due-json';
import { formatDueTable } from './format';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { forEachPerson, openVault } from './vault';
import { DueListBuilder } from '../core/schedule';
import { describeProblem } from '../core/words';

/** Past this many, the rest of the problems are counted, not listed. */
const NOTED_LIMIT = 20;

export function runDue(args: DueArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = openVault(args.vault ?? io.defaultVault);
	const due = new DueListBuilder(today, vault.settings, { all: args.all });
	let total = 0;
	// Problems that do not stop anyone's schedule (a log line that could not be read):
	// the table shows only an invalid person's, and an up-to-date person is not listed at
	// all, so they are told on stderr rather than dropped silently; past NOTED_LIMIT, counted.
	const noted: string[] = [];
	let unlisted = 0;
	forEachPerson(vault, { scheduleFor: today }, (person) => {
		total++;
		const sp = due.add(person);
		if (sp.status === 'invalid') return;
		for (const p of sp.problems) {
			if (noted.length < NOTED_LIMIT) noted.push(`${person.path}: ${describeProblem(p)}`);
			else unlisted++;
		}
	});
	warn(io, vault.warnings);
	if (unlisted > 0) {
		noted.push(`and ${unlisted} more ${unlisted === 1 ? 'problem' : 'problems'}: \`kindred due --all --json\` lists every one`);
	}
	warn(io, noted);
	const list = due.list();

	if (args.json) {
		io.out(`${JSON.stringify(toDueJsonDocument(today, list), null, 2)}\n`);
		return 0;
	}
	const who = `${total} ${total === 1 ? 'person' : 'people'}`;
	if (list.length === 0) {
		io.out(
			total === 0
				? `No people found in ${vault.root}.\n`
				: `Nobody needs you on ${today}: ${who}, all up to date. Run with --all to see everyone.\n`,
		);
		return 0;
	}
	const heading = args.all
		? `Everyone on ${today} (${who})`
		: `Due to reconnect on ${today}: ${list.length} of ${who}`;
	io.out(`${heading}\n\n${formatDueTable(list, io.style)}\n`);
	return 0;
}
