/**
 * Settings: the schema, the defaults and a pure migration from whatever `data.json`
 * holds (an older version, a hand edit, garbage) to the current shape. Shared by the
 * plugin and the command line so both read the same vault the same way.
 */

import { parseCadence } from './cadence';
import { isWritableKey } from './frontmatter-edit';
import { isWritableChannel } from './logline';

export const SETTINGS_VERSION = 1;

/** Frontmatter key names. Every one is a setting so existing vaults work without edits. */
export interface KeyNames {
	cadence: string;
	trust: string;
	lastContact: string;
	status: string;
	snoozeUntil: string;
	circles: string;
	knows: string;
	introducedBy: string;
	energy: string;
	aliases: string;
}

export interface KindredSettings {
	schemaVersion: number;
	/** Folders whose notes (subfolders included) are people. */
	peopleFolders: string[];
	/** Tag without `#`; nested tags (`person/work`) count too. Empty disables. */
	personTag: string;
	/** Frontmatter marker, e.g. `type: person`. Empty key disables. */
	markerKey: string;
	markerValue: string;
	keys: KeyNames;
	/** Cadence used when a note has none, by trust level 1–5. */
	cadenceByTrust: Record<'1' | '2' | '3' | '4' | '5', string>;
	/** Days ahead that count as "due soon". */
	soonWindowDays: number;
	/** The log heading line, including its hashes. */
	logHeading: string;
	/** Newest entry at the top of the log (default) or at the bottom. */
	newestFirst: boolean;
	/** Write dates as `[[yyyy-MM-dd]]` links rather than plain text. */
	linkDates: boolean;
	channels: string[];
	/** Remembered between touchpoints in the plugin's modal. */
	lastChannel: string;
	/** Vault path of the note used as the template for new people; empty for none. */
	templatePath: string;
	/** The inner circle (trust ≥ 4) target size. */
	innerCircleTarget: number;
	/** How many `target` people to cultivate at once. */
	targetLimit: number;
	/** Where the plugin writes the reconnect calendar. */
	icsPath: string;
	/** Rewrite the calendar file whenever the index changes. */
	icsAutoUpdate: boolean;
}

export const DEFAULT_SETTINGS: Readonly<KindredSettings> = Object.freeze({
	schemaVersion: SETTINGS_VERSION,
	peopleFolders: ['People'],
	personTag: 'person',
	markerKey: 'type',
	markerValue: 'person',
	keys: Object.freeze({
		cadence: 'cadence',
		trust: 'trust',
		lastContact: 'last_contact',
		status: 'status',
		snoozeUntil: 'snooze_until',
		circles: 'circles',
		knows: 'knows',
		introducedBy: 'introduced_by',
		energy: 'energy',
		aliases: 'aliases',
	}),
	cadenceByTrust: Object.freeze({
		'5': 'every 2 weeks',
		'4': 'every month',
		'3': 'every 3 months',
		'2': 'every 6 months',
		'1': 'every year',
	}),
	soonWindowDays: 7,
	logHeading: '## Interactions',
	newestFirst: true,
	linkDates: false,
	channels: ['call', 'coffee', 'message', 'email', 'video', 'meal', 'event'],
	lastChannel: 'call',
	templatePath: '',
	innerCircleTarget: 12,
	targetLimit: 3,
	icsPath: 'Kindred/reconnect.ics',
	icsAutoUpdate: false,
});

/** A fresh, mutable copy of the defaults. Never hand out DEFAULT_SETTINGS itself. */
export function defaultSettings(): KindredSettings {
	return {
		...DEFAULT_SETTINGS,
		peopleFolders: [...DEFAULT_SETTINGS.peopleFolders],
		keys: { ...DEFAULT_SETTINGS.keys },
		cadenceByTrust: { ...DEFAULT_SETTINGS.cadenceByTrust },
		channels: [...DEFAULT_SETTINGS.channels],
	};
}

export interface MigrationResult {
	settings: KindredSettings;
	/** What was ignored or converted, for a notice or a CLI warning. */
	warnings: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | null {
	if (typeof v === 'string') {
		return v
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s.length > 0);
	}
	if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
		return v.map((s) => s.trim()).filter((s) => s.length > 0);
	}
	return null;
}

/**
 * A whole number written in plain digits (spaces around allowed), or NaN: Number() would
 * also read '' as 0, '0x16' as 22 and '2.2e1' as 22. How numbers given as text are read,
 * in data.json and as typed in the settings tab.
 */
export function plainNumber(text: string): number {
	return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

/**
 * The key setting that names the marker property too, or null. Kindred reads that key as
 * its own field and may write it (status, last contact): archiving would write over
 * `type: person` and the note would stop being a person.
 */
export function markerClash(markerKey: string, keys: KeyNames): keyof KeyNames | null {
	const m = markerKey.trim();
	if (m === '') return null;
	return (Object.keys(keys) as (keyof KeyNames)[]).find((k) => keys[k] === m) ?? null;
}

/** Settings of schema 0 that are read into today's names. */
const LEGACY_KEYS: ReadonlySet<string> = new Set(['peopleFolder', 'dateLinks']);

/** Two key settings that name the same property ('"keys.a" and "keys.b" both name "x"'), or null. */
export function keyClash(keys: KeyNames): string | null {
	const seen = new Map<string, keyof KeyNames>();
	for (const k of Object.keys(keys) as (keyof KeyNames)[]) {
		const other = seen.get(keys[k]);
		if (other !== undefined) return `"keys.${other}" and "keys.${k}" both name "${keys[k]}"`;
		seen.set(keys[k], k);
	}
	return null;
}

/**
 * Turn whatever was stored into current settings. Unknown keys are dropped, values of
 * the wrong type fall back to the default with a warning, and version 0 (no
 * `schemaVersion`: the first beta wrote `peopleFolder` as one string and `dateLinks`)
 * is upgraded.
 */
export function migrateSettings(raw: unknown): MigrationResult {
	const settings = defaultSettings();
	const warnings: string[] = [];
	if (raw === undefined || raw === null) return { settings, warnings };
	if (!isRecord(raw)) {
		warnings.push('Settings were not an object; using the defaults.');
		return { settings, warnings };
	}
	const data: Record<string, unknown> = { ...raw };
	const version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
	if (version > SETTINGS_VERSION) {
		warnings.push(
			`Settings were written by a newer Kindred (schema ${version}); unknown options are ignored.`,
		);
	}
	if (version < 1) {
		if (typeof data.peopleFolder === 'string' && data.peopleFolders === undefined) {
			data.peopleFolders = [data.peopleFolder];
		}
		if (typeof data.dateLinks === 'boolean' && data.linkDates === undefined) {
			data.linkDates = data.dateLinks;
		}
	}

	const str = (key: keyof KindredSettings, allowEmpty: boolean): void => {
		const v = data[key];
		if (v === undefined) return;
		if (typeof v === 'string' && (allowEmpty || v.trim() !== '')) {
			(settings as unknown as Record<string, unknown>)[key] = v.trim();
		} else warnings.push(`Setting "${key}" must be text; using the default.`);
	};
	const bool = (key: keyof KindredSettings): void => {
		const v = data[key];
		if (v === undefined) return;
		if (typeof v === 'boolean') (settings as unknown as Record<string, unknown>)[key] = v;
		else warnings.push(`Setting "${key}" must be true or false; using the default.`);
	};
	const int = (key: keyof KindredSettings, min: number, max: number): void => {
		const v = data[key];
		if (v === undefined) return;
		const n = typeof v === 'string' ? plainNumber(v) : v;
		if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) {
			(settings as unknown as Record<string, unknown>)[key] = n;
		} else warnings.push(`Setting "${key}" must be a whole number from ${min} to ${max}; using the default.`);
	};
	const list = (key: 'peopleFolders' | 'channels'): void => {
		const v = data[key];
		if (v === undefined) return;
		const l = stringList(v);
		if (l) settings[key] = l;
		else warnings.push(`Setting "${key}" must be a list of text; using the default.`);
	};

	list('peopleFolders');
	list('channels');
	// One of each; a channel with parentheses could never be logged (the log line puts the channel in them).
	const channels = [...new Set(settings.channels)];
	const logged = channels.filter(isWritableChannel);
	if (logged.length < channels.length) {
		warnings.push(`Setting "channels" cannot hold parentheses; left out: ${channels.filter((c) => !isWritableChannel(c)).join(', ')}.`);
	}
	settings.channels = logged;
	const named = settings.peopleFolders.length;
	settings.peopleFolders = settings.peopleFolders.map((f) => f.replace(/^\/+|\/+$/g, '')).filter((f) => f !== '');
	// "/" (the whole vault) would make every note a person: said rather than dropped in silence.
	if (settings.peopleFolders.length < named) {
		warnings.push('Setting "peopleFolders" cannot name the whole vault ("/"); it is left out, and people there are found by tag and marker.');
	}
	str('personTag', true);
	settings.personTag = settings.personTag.replace(/^#/, '');
	str('markerKey', true);
	str('markerValue', true);
	int('soonWindowDays', 0, 365);
	str('logHeading', false);
	if (!/^#{1,6} \S/.test(settings.logHeading)) {
		warnings.push(`Setting "logHeading" must be a markdown heading like "## Interactions"; using the default.`);
		settings.logHeading = DEFAULT_SETTINGS.logHeading;
	}
	bool('newestFirst');
	bool('linkDates');
	str('lastChannel', true);
	str('templatePath', true);
	int('innerCircleTarget', 1, 1000);
	int('targetLimit', 0, 1000);
	str('icsPath', false);
	bool('icsAutoUpdate');

	if (data.keys !== undefined) {
		if (isRecord(data.keys)) {
			for (const k of Object.keys(settings.keys) as (keyof KeyNames)[]) {
				const v = data.keys[k];
				if (v === undefined) continue;
				if (typeof v === 'string' && isWritableKey(v.trim())) settings.keys[k] = v.trim();
				else warnings.push(`Setting "keys.${k}" must be a key name; using "${settings.keys[k]}".`);
			}
		} else warnings.push('Setting "keys" must be an object; using the default key names.');
	}
	const clash = keyClash(settings.keys);
	if (clash !== null) {
		settings.keys = { ...DEFAULT_SETTINGS.keys };
		warnings.push(`Settings ${clash}: logging would write one over the other, so the default key names are used.`);
	}
	const markedBy = markerClash(settings.markerKey, settings.keys);
	if (markedBy !== null) {
		const marker = settings.markerKey;
		// The default key names keep the marker, unless the marker is one of them.
		if (markerClash(marker, DEFAULT_SETTINGS.keys) === null) {
			settings.keys = { ...DEFAULT_SETTINGS.keys };
			warnings.push(`Settings "markerKey" and "keys.${markedBy}" both name "${marker}": Kindred would write over the marker, so the default key names are used.`);
		} else {
			settings.markerKey = '';
			warnings.push(`Setting "markerKey" names "${marker}", a property Kindred reads and writes itself; the marker is not used (people are found by folder and tag).`);
		}
	}
	// Remembered from the last log, not typed here: a channel no log line can hold is forgotten.
	if (!isWritableChannel(settings.lastChannel)) settings.lastChannel = '';
	if (data.cadenceByTrust !== undefined) {
		if (isRecord(data.cadenceByTrust)) {
			for (const t of ['1', '2', '3', '4', '5'] as const) {
				const v = data.cadenceByTrust[t];
				if (v === undefined) continue;
				const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;
				const parsed = text === null ? null : parseCadence(text);
				if (text !== null && parsed?.ok) settings.cadenceByTrust[t] = text;
				else {
					const why = parsed && !parsed.ok ? ` (${parsed.reason})` : '';
					warnings.push(`Setting "cadenceByTrust.${t}" must be a cadence${why}; using "${settings.cadenceByTrust[t]}".`);
				}
			}
		} else warnings.push('Setting "cadenceByTrust" must be an object; using the defaults.');
	}
	// A misspelt setting would otherwise be dropped in silence (a newer schema's are said above).
	if (version <= SETTINGS_VERSION) {
		// Own keys only: `constructor` or `__proto__` is no setting either.
		const unknown = Object.keys(raw).filter((k) => !Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, k) && !LEGACY_KEYS.has(k));
		const names = unknown.map((k) => `"${k}"`).join(', ');
		if (unknown.length === 1) warnings.push(`Setting ${names} is not one of Kindred's; it is ignored.`);
		else if (unknown.length > 1) warnings.push(`Settings ${names} are not Kindred's; they are ignored.`);
	}
	settings.schemaVersion = SETTINGS_VERSION;
	return { settings, warnings };
}
