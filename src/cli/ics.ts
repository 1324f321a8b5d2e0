/**
 * `kindred ics`: core's reconnect calendar for the vault, on stdout or into a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCalendar } from '../core/ics';
import type { IcsArgs } from './args';
import { errorCode, UserError } from './errors';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { loadVault } from './vault';

export function runIcs(args: IcsArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = loadVault(args.vault ?? io.defaultVault, { scheduleFor: today });
	warn(io, vault.warnings);
	const calendar = buildCalendar(vault.people, today, vault.settings);
	if (args.output === null) {
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
