// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, migrateSettings, SETTINGS_VERSION } from '../../src/core/settings';

describe('defaultSettings', () => {
	it('is a fresh, mutable copy that never touches DEFAULT_SETTINGS', () => {
		const a = defaultSettings();
		a.peopleFolders.push('Contacts');
		a.keys.cadence = 'frequency';
		a.cadenceByTrust['5'] = 'weekly';
		a.channels.length = 0;
		const b = defaultSettings();
		expect(b.peopleFolders).toEqual(['People']);
		expect(b.keys.cadence).toBe('cadence');
		expect(b.cadenceByTrust['5']).toBe('every 2 weeks');
		expect(b.channels.length).toBeGreaterThan(0);
		expect(DEFAULT_SETTINGS.keys.cadence).toBe('cadence');
	});

	it('DEFAULT_SETTINGS is frozen', () => {
		expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
		expect(Object.isFrozen(DEFAULT_SETTINGS.keys)).toBe(true);
		expect(Object.isFrozen(DEFAULT_SETTINGS.cadenceByTrust)).toBe(true);
	});
});

describe('migrateSettings', () => {
	it.each<[string, unknown]>([
		['undefined', undefined],
		['null', null],
		['an empty object', {}],
	])('gives the defaults for %s, without warnings', (_label, raw) => {
		expect(migrateSettings(raw)).toEqual({ settings: defaultSettings(), warnings: [] });
	});

	it.each<[string, unknown]>([
		['a string', 'hello'],
		['a number', 3],
		['a list', ['People']],
	])('warns and gives the defaults for %s', (_label, raw) => {
		const { settings, warnings } = migrateSettings(raw);
		expect(settings).toEqual(defaultSettings());
		expect(warnings).toEqual(['Settings were not an object; using the defaults.']);
	});

	it('keeps valid current settings as they are', () => {
		const current = {
			...defaultSettings(),
			peopleFolders: ['Contacts', 'CRM/People'],
			personTag: 'contact',
			soonWindowDays: 3,
			newestFirst: false,
			linkDates: true,
			keys: { ...defaultSettings().keys, cadence: 'frequency', lastContact: 'prm-last-contacted' },
			cadenceByTrust: { ...defaultSettings().cadenceByTrust, '4': '6w' },
			targetLimit: 0,
		};
		expect(migrateSettings(current)).toEqual({ settings: current, warnings: [] });
	});

	it('upgrades version 0 (peopleFolder, dateLinks)', () => {
		const { settings, warnings } = migrateSettings({ peopleFolder: 'Contacts/', dateLinks: true });
		expect(settings.peopleFolders).toEqual(['Contacts']);
		expect(settings.linkDates).toBe(true);
		expect(settings.schemaVersion).toBe(SETTINGS_VERSION);
		expect(warnings).toEqual([]);
	});

	it('prefers the new names when both are present in version 0', () => {
		const { settings } = migrateSettings({ peopleFolder: 'Old', peopleFolders: ['New'], dateLinks: true, linkDates: false });
		expect(settings.peopleFolders).toEqual(['New']);
		expect(settings.linkDates).toBe(false);
	});

	it('warns about a newer schema and still reads what it knows', () => {
		const { settings, warnings } = migrateSettings({ schemaVersion: SETTINGS_VERSION + 1, soonWindowDays: 3, hologram: true });
		expect(settings.soonWindowDays).toBe(3);
		expect(settings.schemaVersion).toBe(SETTINGS_VERSION);
		expect(warnings[0]).toContain('newer Kindred');
		expect(settings).not.toHaveProperty('hologram');
	});

	it('normalises folders, the tag and text', () => {
		const { settings } = migrateSettings({
			peopleFolders: '/People/, Contacts ,, /',
			personTag: '#person',
			logHeading: '  ### Log  ',
			channels: ['call', ' coffee ', ''],
		});
		expect(settings.peopleFolders).toEqual(['People', 'Contacts']);
		expect(settings.personTag).toBe('person');
		expect(settings.logHeading).toBe('### Log');
		expect(settings.channels).toEqual(['call', 'coffee']);
	});

	it.each<[string, Record<string, unknown>, string, unknown]>([
		['a number as text', { soonWindowDays: '3' }, 'soonWindowDays', 3],
		['empty text', { personTag: '' }, 'personTag', ''],
		['empty marker key', { markerKey: '' }, 'markerKey', ''],
	])('accepts %s', (_label, raw, key, want) => {
		const { settings, warnings } = migrateSettings(raw);
		expect((settings as unknown as Record<string, unknown>)[key]).toBe(want);
		expect(warnings).toEqual([]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a negative window', { soonWindowDays: -1 }, 'Setting "soonWindowDays" must be a whole number from 0 to 365; using the default.'],
		['a fractional window', { soonWindowDays: 2.5 }, 'Setting "soonWindowDays" must be a whole number from 0 to 365; using the default.'],
		['a window as words', { soonWindowDays: 'a week' }, 'Setting "soonWindowDays" must be a whole number from 0 to 365; using the default.'],
		['a window in hex', { soonWindowDays: '0x16' }, 'Setting "soonWindowDays" must be a whole number from 0 to 365; using the default.'],
		['a window with an exponent', { soonWindowDays: '2.2e1' }, 'Setting "soonWindowDays" must be a whole number from 0 to 365; using the default.'],
		['blank text for a number', { targetLimit: '' }, 'Setting "targetLimit" must be a whole number from 0 to 1000; using the default.'],
		['an inner circle of zero', { innerCircleTarget: 0 }, 'Setting "innerCircleTarget" must be a whole number from 1 to 1000; using the default.'],
		['a boolean as text', { newestFirst: 'yes' }, 'Setting "newestFirst" must be true or false; using the default.'],
		['a folder list of numbers', { peopleFolders: [1, 2] }, 'Setting "peopleFolders" must be a list of text; using the default.'],
		['a heading without hashes', { logHeading: 'Interactions' }, 'Setting "logHeading" must be a markdown heading like "## Interactions"; using the default.'],
		['an empty heading', { logHeading: '' }, 'Setting "logHeading" must be text; using the default.'],
		['an empty calendar path', { icsPath: ' ' }, 'Setting "icsPath" must be text; using the default.'],
		['keys as a list', { keys: ['cadence'] }, 'Setting "keys" must be an object; using the default key names.'],
		['an empty key name', { keys: { cadence: ' ' } }, 'Setting "keys.cadence" must be a key name; using "cadence".'],
		['a key name YAML reads otherwise', { keys: { lastContact: 'a: b' } }, 'Setting "keys.lastContact" must be a key name; using "last_contact".'],
		// A log would write the date over the trust: every key name goes back to its default.
		['two settings naming one key', { keys: { lastContact: 'trust', cadence: 'frequency' } }, 'Settings "keys.trust" and "keys.lastContact" both name "trust": logging would write one over the other, so the default key names are used.'],
		['a custom name that is another default', { keys: { snoozeUntil: 'status' } }, 'Settings "keys.status" and "keys.snoozeUntil" both name "status": logging would write one over the other, so the default key names are used.'],
		// Archiving would write over `type: person`: the key names go back to their defaults.
		['a key setting naming the marker', { keys: { status: 'type' } }, 'Settings "markerKey" and "keys.status" both name "type": Kindred would write over the marker, so the default key names are used.'],
		['cadences as text', { cadenceByTrust: 'weekly' }, 'Setting "cadenceByTrust" must be an object; using the defaults.'],
		['an unreadable default cadence', { cadenceByTrust: { '3': 'sometimes' } }, 'Setting "cadenceByTrust.3" must be a cadence ("sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)); using "every 3 months".'],
		['a default cadence of the wrong type', { cadenceByTrust: { '3': true } }, 'Setting "cadenceByTrust.3" must be a cadence; using "every 3 months".'],
	])('falls back to the default with a warning for %s', (_label, raw, warning) => {
		const { settings, warnings } = migrateSettings(raw);
		expect(warnings).toEqual([warning]);
		expect(settings).toEqual(defaultSettings());
	});

	it('turns the marker off when it names a property Kindred reads and writes by default, and says so', () => {
		const { settings, warnings } = migrateSettings({ markerKey: 'status', markerValue: 'person' });
		expect(settings.markerKey).toBe('');
		expect(settings.keys).toEqual(defaultSettings().keys);
		expect(warnings).toEqual(['Setting "markerKey" names "status", a property Kindred reads and writes itself; the marker is not used (people are found by folder and tag).']);
	});

	it('forgets a remembered channel no log line could hold, in silence (it was never typed as a setting)', () => {
		expect(migrateSettings({ lastChannel: 'call (work)' })).toMatchObject({ settings: { lastChannel: '' }, warnings: [] });
		expect(migrateSettings({ lastChannel: 'video' }).settings.lastChannel).toBe('video');
	});

	it('says so when a people folder is the whole vault, and leaves it out', () => {
		for (const peopleFolders of ['/', ['People', '/']]) {
			const { settings, warnings } = migrateSettings({ peopleFolders });
			expect(settings.peopleFolders).toEqual(peopleFolders === '/' ? [] : ['People']);
			expect(warnings).toEqual(['Setting "peopleFolders" cannot name the whole vault ("/"); it is left out, and people there are found by tag and marker.']);
		}
		// None named on purpose (tags and the marker only): nothing to say.
		expect(migrateSettings({ peopleFolders: [] }).warnings).toEqual([]);
	});

	it('names a setting it does not know (a typo would otherwise change nothing in silence)', () => {
		expect(migrateSettings({ soonWindow: 3, schemaVersion: 1 }).warnings).toEqual([`Setting "soonWindow" is not one of Kindred's; it is ignored.`]);
		expect(migrateSettings({ soonWindow: 3, peopleFolder: 'People', icsPth: 'x.ics' }).warnings).toEqual([
			`Settings "soonWindow", "icsPth" are not Kindred's; they are ignored.`,
		]);
		// Names every object has are no settings either (data.json read with JSON.parse).
		expect(migrateSettings(JSON.parse('{ "constructor": 1, "__proto__": { "x": 1 }, "toString": "y" }')).warnings).toEqual([
			`Settings "constructor", "__proto__", "toString" are not Kindred's; they are ignored.`,
		]);
		// A newer Kindred's settings: said once, as a whole.
		expect(migrateSettings({ schemaVersion: 9, newThing: true }).warnings).toEqual([
			'Settings were written by a newer Kindred (schema 9); unknown options are ignored.',
		]);
	});

	it('keeps one of each channel and leaves out one that could never be logged, saying so', () => {
		const { settings, warnings } = migrateSettings({ channels: ['call', 'coffee', 'call', 'lunch (work)'] });
		expect(settings.channels).toEqual(['call', 'coffee']);
		expect(warnings).toEqual(['Setting "channels" cannot hold parentheses; left out: lunch (work).']);
	});

	it('reads custom key names and default cadences', () => {
		const { settings, warnings } = migrateSettings({
			keys: { cadence: ' frequency ', lastContact: 'prm-last-contacted', unknown: 'x' },
			cadenceByTrust: { '5': 'weekly', '1': 365, '9': 'daily' },
		});
		expect(warnings).toEqual([]);
		expect(settings.keys).toMatchObject({ cadence: 'frequency', lastContact: 'prm-last-contacted', trust: 'trust' });
		expect(settings.keys).not.toHaveProperty('unknown');
		expect(settings.cadenceByTrust).toEqual({ '5': 'weekly', '4': 'every month', '3': 'every 3 months', '2': 'every 6 months', '1': '365' });
	});

	it('does not modify its input', () => {
		const raw = { peopleFolder: 'Contacts', keys: { cadence: 'frequency' } };
		const copy = structuredClone(raw);
		migrateSettings(raw);
		expect(raw).toEqual(copy);
	});

	it('is idempotent', () => {
		const once = migrateSettings({ peopleFolder: '/Contacts/', personTag: '#p', soonWindowDays: '5' }).settings;
		expect(migrateSettings(once)).toEqual({ settings: once, warnings: [] });
	});
});
