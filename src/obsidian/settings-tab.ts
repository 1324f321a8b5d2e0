/**
 * The settings tab: where people are, the property names, cadences, the log, new people,
 * cultivating and the calendar. Every change is checked first (an inline message says
 * what is wrong and nothing is saved), then saved; the plugin rebuilds the index.
 *
 * The rows are declared once. Obsidian 1.13+ takes them from getSettingDefinitions()
 * (so they appear in the settings search) and calls each row's `render`; older versions
 * call display(), which draws the same rows itself.
 */
import { PluginSettingTab, Setting } from 'obsidian';
import type { App, Plugin } from 'obsidian';
import { parseCadence } from '../core/cadence';
import { isWritableKey } from '../core/frontmatter-edit';
import { isWritableChannel } from '../core/logline';
import { markerClash, plainNumber, type KeyNames, type KindredSettings } from '../core/settings';
import { calendarPathProblem } from './calendar-export';

export interface SettingsTabDeps {
	getSettings: () => KindredSettings;
	/** Persist and apply (the plugin rebuilds the index). */
	save: () => Promise<void>;
}

/** A check returns null when the value is fine, else the message to show. */
type Check = (value: string) => string | null;

const KEY_LABELS: Record<keyof KeyNames, string> = {
	cadence: 'Cadence',
	trust: 'Trust',
	lastContact: 'Last contact',
	status: 'Status',
	snoozeUntil: 'Snooze until',
	circles: 'Circles',
	knows: 'Knows',
	introducedBy: 'Introduced by',
	energy: 'Energy',
	aliases: 'Aliases',
};

const TRUST_LABELS: Record<'1' | '2' | '3' | '4' | '5', string> = {
	'5': 'Trust 5 (inner circle)',
	'4': 'Trust 4',
	'3': 'Trust 3',
	'2': 'Trust 2',
	'1': 'Trust 1 (acquaintance)',
};

/** "/" would be the whole vault: every note a person. */
export function foldersError(value: string): string | null {
	return commaList(value).some((f) => /^\/+$/.test(f)) ? 'The whole vault cannot be a people folder; name a folder, or leave this empty to find people by tag and marker.' : null;
}

/** A channel goes in parentheses in the log line, so it cannot hold one itself. */
export function channelsError(value: string): string | null {
	return commaList(value).every(isWritableChannel) ? null : 'A channel cannot contain parentheses.';
}

export function commaList(value: string): string[] {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

export function cadenceError(value: string): string | null {
	const r = parseCadence(value);
	// Core's reasons lead with the value ('"0" must be more than zero') or, for an empty
	// field, have none to lead with ('is empty').
	return r.ok ? null : `Not a cadence: ${r.reason.startsWith('"') ? '' : 'the cadence '}${r.reason}.`;
}

export function wholeNumberError(min: number, max: number): Check {
	return (value) => {
		// As the saved settings are read: Number() would take "1e2" or "0x10".
		const n = plainNumber(value);
		return Number.isInteger(n) && n >= min && n <= max ? null : `Enter a whole number from ${min} to ${max}.`;
	};
}

export function headingError(value: string): string | null {
	return /^#{1,6} \S/.test(value.trim()) ? null : 'Use a markdown heading, like "## Interactions".';
}

/** The calendar file: a vault path ending in .ics, so calendar apps and sync treat it as one. */
export function icsPathError(value: string): string | null {
	const problem = calendarPathProblem(value);
	if (problem === 'empty') return 'This cannot be empty.';
	if (problem === 'outside') return 'Use a path inside the vault, like "Kindred/reconnect.ics".';
	return problem === 'not-ics' ? 'Use a path ending in .ics, like "Kindred/reconnect.ics".' : null;
}

/** A property name Kindred can read and write, used by no other of its settings. */
function keyNameError(key: keyof KeyNames, settings: () => KindredSettings): Check {
	return (value) => {
		const v = value.trim();
		if (v === '') return 'This cannot be empty.';
		if (!isWritableKey(v)) return 'Use letters, numbers, spaces, "_", "-", "." or "/", starting with a letter or number.';
		const keys = settings().keys;
		const other = (Object.keys(KEY_LABELS) as (keyof KeyNames)[]).find((k) => k !== key && keys[k] === v);
		if (other !== undefined) return `"${v}" is already the ${KEY_LABELS[other].toLowerCase()} property.`;
		return v === settings().markerKey.trim() ? `"${v}" is the marker property; Kindred would write over it.` : null;
	};
}

/** The marker property: none of the properties Kindred reads and writes itself. */
function markerKeyError(settings: () => KindredSettings): Check {
	return (value) => {
		const k = markerClash(value, settings().keys);
		return k === null ? null : `"${value.trim()}" is already the ${KEY_LABELS[k].toLowerCase()} property; Kindred would write over the marker.`;
	};
}

/** The subset of Obsidian 1.13's declarative settings shapes used here (the 1.12 types lack them). */
export interface SettingRowDefinition {
	name: string;
	desc?: string;
	render: (setting: Setting) => void;
}

export interface SettingGroupDefinition {
	type: 'group';
	heading: string;
	desc?: string;
	items: SettingRowDefinition[];
}

/** Marks a settings tab drawn by display() (Obsidian before 1.13), not natively from its definitions. */
export const DRAWN_HERE = 'kindred-settings-drawn-here';

export class KindredSettingTab extends PluginSettingTab {
	private readonly deps: SettingsTabDeps;

	constructor(app: App, plugin: Plugin, deps: SettingsTabDeps) {
		super(app, plugin);
		this.deps = deps;
	}

	/** Before 1.13: draw the declared rows. */
	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		// Drawn here, not by Obsidian from the definitions: redrawing it after sync is ours to do.
		containerEl.addClass(DRAWN_HERE);
		for (const group of this.getSettingDefinitions()) {
			const heading = new Setting(containerEl).setName(group.heading).setHeading();
			if (group.desc) heading.setDesc(group.desc);
			for (const row of group.items) {
				const setting = new Setting(containerEl).setName(row.name);
				if (row.desc) setting.setDesc(row.desc);
				row.render(setting);
			}
		}
	}

	getSettingDefinitions(): SettingGroupDefinition[] {
		const s = (): KindredSettings => this.deps.getSettings();
		const text = this.text.bind(this);
		const toggle = this.toggle.bind(this);
		return [
			{
				type: 'group',
				heading: 'Where people are',
				items: [
					text('People folders', 'Notes in these folders, subfolders included, are people. Separate with commas.',
						() => s().peopleFolders.join(', '), (v) => { s().peopleFolders = commaList(v); }, foldersError),
					text('Person tag', 'Notes with this tag (nested tags such as person/work too) are people. Leave empty to turn off.',
						() => s().personTag, (v) => { s().personTag = v.trim().replace(/^#/, ''); }),
					text('Marker property', 'Notes with this property are people, e.g. "type". Leave empty to turn off.',
						() => s().markerKey, (v) => { s().markerKey = v.trim(); }, markerKeyError(s)),
					text('Marker value', 'The value the marker property must have, e.g. "person". Empty means any value.',
						() => s().markerValue, (v) => { s().markerValue = v.trim(); }),
				],
			},
			{
				type: 'group',
				heading: 'Property names',
				desc: 'Match the names your notes already use, e.g. "frequency" for the cadence.',
				items: (Object.keys(KEY_LABELS) as (keyof KeyNames)[]).map((key) =>
					text(`${KEY_LABELS[key]} property`, '', () => s().keys[key], (v) => { s().keys[key] = v.trim(); }, keyNameError(key, s))),
			},
			{
				type: 'group',
				heading: 'Cadence',
				desc: 'How often to reconnect with someone whose note has no cadence, by trust. E.g. "every 3 weeks", "monthly", "90d".',
				items: [
					...(['5', '4', '3', '2', '1'] as const).map((t) =>
						text(TRUST_LABELS[t], '', () => s().cadenceByTrust[t], (v) => { s().cadenceByTrust[t] = v.trim(); }, cadenceError)),
					text('Due soon window', 'Days ahead that count as due soon.',
						() => String(s().soonWindowDays), (v) => { s().soonWindowDays = Number(v.trim()); }, wholeNumberError(0, 365)),
				],
			},
			{
				type: 'group',
				heading: 'Interaction log',
				items: [
					text('Log heading', 'The heading the log lives under; created at the end of a note when missing.',
						() => s().logHeading, (v) => { s().logHeading = v.trim(); }, headingError),
					toggle('Newest first', 'New entries go at the top of the log. Turn off to add them at the bottom.',
						() => s().newestFirst, (v) => { s().newestFirst = v; }),
					toggle('Dates as links', 'Write dates as [[yyyy-mm-dd]] links to daily notes rather than plain text.',
						() => s().linkDates, (v) => { s().linkDates = v; }),
					text('Channels', 'The choices for how you connected. Separate with commas.',
						() => s().channels.join(', '), (v) => { s().channels = [...new Set(commaList(v))]; }, channelsError),
				],
			},
			{
				type: 'group',
				heading: 'New people',
				items: [
					text('Template', 'A note to copy for new people ({{title}} and {{date}} are filled in). Empty for a minimal note.',
						() => s().templatePath, (v) => { s().templatePath = v.trim(); }),
				],
			},
			{
				type: 'group',
				heading: 'Cultivating',
				items: [
					text('Inner circle target', 'How many people with trust 4 or 5 to aim for.',
						() => String(s().innerCircleTarget), (v) => { s().innerCircleTarget = Number(v.trim()); }, wholeNumberError(1, 1000)),
					text('Target limit', 'How many people marked as targets to cultivate at once.',
						() => String(s().targetLimit), (v) => { s().targetLimit = Number(v.trim()); }, wholeNumberError(0, 1000)),
				],
			},
			{
				type: 'group',
				heading: 'Calendar',
				items: [
					text('Calendar file', 'Where the reconnect calendar (.ics) is written in the vault. A calendar app can subscribe to it through sync.',
						() => s().icsPath, (v) => { s().icsPath = v.trim(); }, icsPathError),
					toggle('Update the calendar automatically', 'Rewrite the calendar file whenever a person changes.',
						() => s().icsAutoUpdate, (v) => { s().icsAutoUpdate = v; }),
				],
			},
		];
	}

	/** A text row: checked on every change, saved only when the check passes. */
	private text(name: string, desc: string, get: () => string, set: (v: string) => void, check?: Check): SettingRowDefinition {
		return {
			name,
			desc,
			render: (setting) => {
				const errorEl = setting.infoEl.createDiv({ cls: 'kindred-setting-error', attr: { role: 'alert', 'aria-live': 'polite' } });
				setting.addText((t) => {
					t.setValue(get());
					t.inputEl.setAttribute('aria-label', name);
					t.onChange(async (value) => {
						const error = check ? check(value) : null;
						errorEl.setText(error ?? '');
						t.inputEl.toggleClass('kindred-invalid', error !== null);
						if (error !== null) return;
						set(value);
						await this.deps.save();
					});
				});
			},
		};
	}

	private toggle(name: string, desc: string, get: () => boolean, set: (v: boolean) => void): SettingRowDefinition {
		return {
			name,
			desc,
			render: (setting) => {
				setting.addToggle((t) => {
					t.setValue(get());
					t.onChange(async (value) => {
						set(value);
						await this.deps.save();
					});
				});
			},
		};
	}
}
