/**
 * `kindred review` and `kindred ics`: thin wrappers over core's network review and
 * calendar export, fed by the same disk reader as `due`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCalendar } from '../core/ics';
import { formatReviewText, reviewNetwork } from '../core/review';
import type { IcsArgs, ReviewArgs } from './args';
import { errorCode, UserError } from './errors';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { loadVault } from './vault';

export function runReview(args: ReviewArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = loadVault(args.vault ?? io.defaultVault);
	warn(io, vault.warnings);
	const review = reviewNetwork(vault.people, today, vault.settings);
	io.out(args.json ? `${JSON.stringify(review, null, 2)}\n` : `${formatReviewText(review).replace(/\n*$/, '')}\n`);
	return 0;
}

export function runIcs(args: IcsArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const vault = loadVault(args.vault ?? io.defaultVault);
	warn(io, vault.warnings);
	const calendar = buildCalendar(vault.people, today, vault.settings);
	if (args.output === null) {
		io.out(calendar);
		return 0;
	}
	const file = path.resolve(args.output);
	try {
		fs.writeFileSync(file, calendar);
	} catch (err) {
		throw new UserError(`cannot write ${args.output} (${errorCode(err)})`);
	}
	io.out(`Wrote the reconnect calendar to ${args.output}\n`);
	return 0;
}
