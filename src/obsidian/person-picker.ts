/**
 * A fuzzy picker over people's names and aliases, most urgent first: the order of the
 * due list, then everyone else by name. Choosing hands the person's path to the caller.
 */
import { FuzzySuggestModal } from 'obsidian';
import type { App } from 'obsidian';
import { byName } from '../core/by-name';
import type { Person, ScheduledPerson } from '../core/types';
import { problemDisplay } from './due-rows';

export interface PickItem {
	path: string;
	name: string;
	/** What the fuzzy search matches and shows: the name, or "alias (name)". */
	label: string;
}

/** One item per name and per alias, in due-list order, then the rest by name. */
export function pickerItems(due: readonly ScheduledPerson[], everyone: readonly Person[]): PickItem[] {
	const ordered: Person[] = [];
	const seen = new Set<string>();
	for (const sp of due) {
		if (!seen.has(sp.person.path)) {
			seen.add(sp.person.path);
			ordered.push(sp.person);
		}
	}
	// The review's name order (numbers by value, case and accents aside), from core.
	const rest = everyone.filter((p) => !seen.has(p.path)).sort(byName);
	const items: PickItem[] = [];
	for (const p of [...ordered, ...rest]) {
		items.push({ path: p.path, name: p.name, label: p.name });
		for (const alias of p.aliases) {
			if (alias !== p.name) items.push({ path: p.path, name: p.name, label: `${alias} (${p.name})` });
		}
	}
	return items;
}

/**
 * One item per person whose note has a problem (listed in the due pane or not), by name:
 * "Ana Ruiz — 2 problems: circles must be a word or a list of words", as the pane words it.
 */
export function problemItems(everyone: readonly ScheduledPerson[]): PickItem[] {
	const items: { sp: ScheduledPerson; text: string }[] = [];
	for (const sp of everyone) {
		const problem = problemDisplay(sp);
		if (problem) items.push({ sp, text: problem.text });
	}
	items.sort((a, b) => byName(a.sp.person, b.sp.person));
	return items.map(({ sp, text }) => ({ path: sp.person.path, name: sp.person.name, label: `${sp.person.name} — ${text}` }));
}

export class PersonPicker extends FuzzySuggestModal<PickItem> {
	private readonly items: PickItem[];
	private readonly onPick: (path: string) => void;

	constructor(app: App, items: PickItem[], onPick: (path: string) => void, placeholder = 'Who did you connect with?') {
		super(app);
		this.items = items;
		this.onPick = onPick;
		this.setPlaceholder(placeholder);
		this.emptyStateText = 'No person matches.';
	}

	getItems(): PickItem[] {
		return this.items;
	}

	getItemText(item: PickItem): string {
		return item.label;
	}

	onChooseItem(item: PickItem): void {
		this.onPick(item.path);
	}
}
