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
	const file = path.resolve(args.output);
	refuseToReplace(args.output, file);
	try {
		fs.writeFileSync(file, calendar);
	} catch (err) {
		throw new UserError(`cannot write ${args.output} (${errorCode(err)})`);
	}
	io.out(`Wrote the reconnect calendar to ${args.output}\n`);
	return 0;
}

/**
 * `-o` writes over a calendar, never over anything else: a note (`.md`), or a file that
 * holds something other than a calendar (a mistyped path), is refused before the read
 * ends in a write over it. An empty file or none at all is written.
 */
function refuseToReplace(shown: string, file: string): void {
	if (/\.md$/i.test(file)) throw new UserError(`${shown} is a note, not a calendar file; nothing written (use a path ending in .ics)`);
	let head: string;
	try {
		const fd = fs.openSync(file, 'r');
		try {
			const buf = Buffer.alloc(64);
			head = buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0));
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		return; // none there (or not readable: the write says why)
	}
	const start = head.replace(/^\uFEFF/, '').trimStart();
	if (start !== '' && !start.toUpperCase().startsWith('BEGIN:VCALENDAR')) {
		throw new UserError(`${shown} is not a calendar file; nothing written (it would be replaced)`);
	}
}
