/**
 * `kindred ics`: core's reconnect calendar for the vault, on stdout or into a file.
 *
 * People are handed to core as their notes are read (readPeople, the reader `due` uses),
 * so only each one's event is kept, never the whole vault's people at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCalendar } from '../core/ics';
import type { IcsArgs } from './args';
import { errorCode, UserError } from './errors';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { openVault, readPeople } from './vault';

export function runIcs(args: IcsArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = openVault(args.vault ?? io.defaultVault);
	const calendar = buildCalendar(readPeople(vault, { scheduleFor: today }), today, vault.settings);
	// After the read: the reader adds a warning for each note it could not read.
	warn(io, vault.warnings);
	// `-o -` is standard output, as for most tools that take an output file.
	if (args.output === null || args.output === '-') {
		io.out(calendar);
		return 0;
	}
	try {
		fs.writeFileSync(path.resolve(args.output), calendar);
	} catch (err) {
		throw new UserError(`cannot write ${args.output} (${errorCode(err)})`);
	}
	io.out(`Wrote the reconnect calendar to ${args.output}\n`);
	return 0;
}
