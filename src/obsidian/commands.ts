/**
 * The command palette entries. Sentence case, no default hotkeys; commands that act on
 * "this person" are offered only while the active note is a person in the index.
 */
import type { Command } from 'obsidian';

export interface CommandHost {
	addCommand(command: Command): Command;
}

export interface CommandActions {
	activePersonPath(): string | null;
	openDueView(): Promise<void>;
	logWith(path: string): void;
	pickAndLog(): void;
	contactedToday(path: string): Promise<unknown>;
	snoozeWith(path: string): void;
	newPerson(): void;
	openReviewView(): Promise<void>;
	/** A picker of everyone whose note has a problem. */
	showProblems(): Promise<void>;
	/** The active note's path when it is a person not archived yet. */
	activeArchivablePath(): string | null;
	archive(path: string): Promise<unknown>;
}

export interface CalendarCommands {
	/** Write the reconnect calendar now and say where. */
	exportNow(): Promise<unknown>;
}

/** A command that needs the active note to be a person (by default any person). */
function forActivePerson(
	actions: CommandActions,
	run: (path: string) => void,
	activePath: () => string | null = () => actions.activePersonPath(),
): Command['checkCallback'] {
	return (checking: boolean) => {
		const path = activePath();
		if (path === null) return false;
		if (!checking) run(path);
		return true;
	};
}

export function registerCommands(host: CommandHost, actions: CommandActions, calendar: CalendarCommands): void {
	host.addCommand({
		id: 'open-due-view',
		name: 'Open people due to reconnect',
		callback: () => {
			void actions.openDueView();
		},
	});
	host.addCommand({
		id: 'log-touchpoint-active',
		name: 'Log a touchpoint with this person',
		checkCallback: forActivePerson(actions, (path) => actions.logWith(path)),
	});
	host.addCommand({
		id: 'log-touchpoint',
		name: 'Log a touchpoint with someone',
		callback: () => actions.pickAndLog(),
	});
	host.addCommand({
		id: 'mark-contacted-today',
		name: 'Mark this person contacted today',
		checkCallback: forActivePerson(actions, (path) => {
			void actions.contactedToday(path);
		}),
	});
	host.addCommand({
		id: 'snooze-active',
		name: 'Snooze this person',
		checkCallback: forActivePerson(actions, (path) => actions.snoozeWith(path)),
	});
	host.addCommand({
		id: 'new-person',
		name: 'New person',
		callback: () => actions.newPerson(),
	});
	host.addCommand({
		id: 'open-network-review',
		name: 'Open network review',
		callback: () => {
			void actions.openReviewView();
		},
	});
	host.addCommand({
		id: 'archive-active',
		name: 'Archive this person',
		checkCallback: forActivePerson(
			actions,
			(path) => {
				void actions.archive(path);
			},
			() => actions.activeArchivablePath(),
		),
	});
	host.addCommand({
		id: 'show-problems',
		name: 'Show people whose notes have problems',
		callback: () => {
			void actions.showProblems();
		},
	});
	host.addCommand({
		id: 'export-calendar',
		name: 'Export reconnect calendar',
		callback: () => {
			void calendar.exportNow();
		},
	});
}
