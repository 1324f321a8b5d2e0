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

export function runDue(args: DueArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = openVault(args.vault ?? io.defaultVault);
	const due = new DueListBuilder(today, vault.settings, { all: args.all });
	let total = 0;
	forEachPerson(vault, { scheduleFor: today }, (person) => {
		total++;
		due.add(person);
	});
	warn(io, vault.warnings);
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
