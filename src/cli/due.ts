/**
 * `kindred due`: the due list of a vault for a day, as a table or as JSON.
 */
import type { DueArgs } from './args';
import { toDueJsonDocument } from './due-json';
import { formatDueTable } from './format';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { loadVault } from './vault';
import { dueList } from '../core/schedule';

export function runDue(args: DueArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = loadVault(args.vault ?? io.defaultVault, { scheduleFor: today });
	warn(io, vault.warnings);
	const list = dueList(vault.people, today, vault.settings, { all: args.all });

	if (args.json) {
		io.out(`${JSON.stringify(toDueJsonDocument(today, list), null, 2)}\n`);
		return 0;
	}
	const total = vault.people.length;
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
