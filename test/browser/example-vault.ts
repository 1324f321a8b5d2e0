/**
 * The example vault, read in Node for the browser tests: every note's text for the page
 * (which builds the real index from them, as Obsidian's metadata cache would), and what
 * the command line's own disk reader and core say is due on the same day, as the
 * expectation. The pane must agree with `kindred due` without a number written down here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listNotes, loadVault } from '../../src/cli/vault';
import { DUE_NOW, dueList } from '../../src/core/schedule';
import type { KindredSettings } from '../../src/core/settings';
import type { DueStatus, LocalDate, ScheduledPerson } from '../../src/core/types';
import { REPO } from './harness-server';

export const EXAMPLE_VAULT = join(REPO, 'example-vault');
/** The example vault is written for this day. */
export const TODAY: LocalDate = '2026-11-23';

export interface VaultForPage {
	notes: Record<string, string>;
	templatesFolder: string | null;
	settings: KindredSettings;
}

export interface Expected {
	/** The CLI's due list (people needing action), most urgent first. */
	due: ScheduledPerson[];
	/** Names per status, in the CLI's order. */
	byStatus: Map<DueStatus, string[]>;
	/** How many are due now (overdue, due today, never contacted): the status bar's and the summary's count. */
	dueNow: number;
}

export function readExampleVault(): { page: VaultForPage; expected: Expected } {
	const loaded = loadVault(EXAMPLE_VAULT);
	const notes: Record<string, string> = {};
	for (const path of listNotes(EXAMPLE_VAULT)) notes[path] = readFileSync(join(EXAMPLE_VAULT, ...path.split('/')), 'utf8');
	const due = dueList(loaded.people, TODAY, loaded.settings);
	const byStatus = new Map<DueStatus, string[]>();
	for (const sp of due) byStatus.set(sp.status, [...(byStatus.get(sp.status) ?? []), sp.person.name]);
	return {
		page: { notes, templatesFolder: loaded.templatesFolder, settings: loaded.settings },
		expected: { due, byStatus, dueNow: due.filter((sp) => DUE_NOW.has(sp.status)).length },
	};
}
