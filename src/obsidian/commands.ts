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
}

/** A command that needs the active note to be a person. */
function forActivePerson(actions: CommandActions, run: (path: string) => void): Command['checkCallback'] {
	return (checking: boolean) => {
		const path = actions.activePersonPath();
		if (path === null) return false;
		if (!checking) run(path);
		return true;
	};
}

export function registerCommands(host: CommandHost, actions: CommandActions): void {
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
}
