/**
 * `kindred review`: core's network review of the vault, as text or JSON, fed by the
 * same disk reader as `due`.
 */
import { formatReviewText, reviewNetwork } from '../core/review';
import type { ReviewArgs } from './args';
import { warn, type Io } from './io';
import { resolveToday } from './today';
import { loadVault } from './vault';

export function runReview(args: ReviewArgs, io: Io): number {
	const today = resolveToday(args.today, io.now());
	const notes: string[] = [];
	const vault = loadVault(args.vault ?? io.defaultVault, { notes });
	warn(io, vault.warnings);
	// As `due` and the plugin's view say it; JSON keeps its shape (all counts zero).
	if (!args.json && vault.people.length === 0) {
		io.out(`No people found in ${vault.root}.\n`);
		return 0;
	}
	const review = reviewNetwork(vault.people, today, vault.settings, notes);
	io.out(args.json ? `${JSON.stringify(review, null, 2)}\n` : `${formatReviewText(review).replace(/\n*$/, '')}\n`);
	return 0;
}
