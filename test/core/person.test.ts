// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCadence } from '../../src/core/cadence';
import { circlesOf } from '../../src/core/circles';
import { cadenceOf, linkTarget, noteName, readPerson } from '../../src/core/person';
import { defaultSettings } from '../../src/core/settings';
import type { Person } from '../../src/core/types';
import { frontmatterFromYaml, logEntry, PersonBuilder, propertyRuns, settingsWith } from '../builders';

const settings = defaultSettings();

function read(yaml: string, path = 'People/Ana Ruiz.md'): Person {
	return readPerson(path, frontmatterFromYaml(yaml), settings);
}

describe('readPerson: the documented example note', () => {
	it('reads every key', () => {
		const p = read(`
cadence: every 3 weeks
trust: 4
last_contact: 2026-11-02
status: active
snooze_until: 2026-12-01
circles: [work, climbing]
knows: ["[[Ana Ruiz]]"]
introduced_by: "[[Ben Ode]]"
energy: drains
aliases: [Annie]
`);
		expect(p).toEqual<Person>({
			path: 'People/Ana Ruiz.md',
			name: 'Ana Ruiz',
			aliases: ['Annie'],
			cadence: { unit: 'week', count: 3, days: 21, label: 'every 3 weeks' },
			cadenceSource: 'note',
			trust: 4,
			lastContactField: '2026-11-02',
			status: 'active',
			snoozeUntil: '2026-12-01',
			circles: ['work', 'climbing'],
			knows: ['Ana Ruiz'],
			introducedBy: 'Ben Ode',
			energy: 'drains',
			log: [],
			problems: [],
			invalid: false,
		});
	});

	it('gives a note without frontmatter defaults and no problems (listed, not tracked)', () => {
		const p = readPerson('People/Sub/Cy.md', null, settings);
		expect(p).toMatchObject({ name: 'Cy', cadence: null, cadenceSource: null, trust: null, status: 'active', problems: [], invalid: false });
	});

	it('treats empty keys as absent', () => {
		const p = read('cadence:\ntrust: ""\nlast_contact:\nstatus:\n');
		expect(p).toMatchObject({ cadence: null, trust: null, lastContactField: null, status: 'active', problems: [], invalid: false });
	});
});

describe('noteName and linkTarget', () => {
	it.each([
		['People/Ana Ruiz.md', 'Ana Ruiz'],
		['Ana.md', 'Ana'],
		['People/Work/Dr. Ben.MD', 'Dr. Ben'],
		['People/v1.2.md', 'v1.2'],
	])('noteName(%j) = %j', (path, name) => {
		expect(noteName(path)).toBe(name);
	});

	it.each<[string, string | null]>([
		['[[Ana Ruiz]]', 'Ana Ruiz'],
		['[[Ana Ruiz|Ana]]', 'Ana Ruiz'],
		['[[Ana Ruiz#Family]]', 'Ana Ruiz'],
		['[[People/Ana Ruiz#Family|Ana]]', 'People/Ana Ruiz'],
		[' [[ Ana ]] ', 'Ana'],
		['Ana Ruiz', null],
		['[Ana](Ana.md)', null],
		['[[]]', null],
		['[[Ana]] and [[Ben]]', null],
	])('linkTarget(%j) = %j', (value, want) => {
		expect(linkTarget(value)).toBe(want);
	});
});

describe('readPerson: trust', () => {
	it.each<[unknown, number]>([
		[1, 1],
		[5, 5],
		['4', 4],
		[' 3 ', 3],
	])('reads %j as %d', (value, want) => {
		expect(new PersonBuilder().trust(value).build().trust).toBe(want);
	});

	it.each<[unknown, string]>([
		[0, '0'],
		[6, '6'],
		[3.5, '3.5'],
		['high', 'high'],
		[-1, '-1'],
		[true, 'true'],
		[[4], '[4]'],
	])('rejects %j; without a cadence that blocks the schedule', (value, shown) => {
		const p = new PersonBuilder().trust(value).build();
		expect(p.trust).toBeNull();
		expect(p.problems).toEqual([{ field: 'trust', value: shown, reason: 'must be a whole number from 1 to 5' }]);
		expect(p.invalid).toBe(true);
		expect(p.cadence).toBeNull();
	});

	it('a bad trust beside an explicit cadence is a problem but not invalid', () => {
		const p = new PersonBuilder().trust('high').cadence('monthly').build();
		expect(p.problems.map((x) => x.field)).toEqual(['trust']);
		expect(p.invalid).toBe(false);
		expect(p.cadence?.label).toBe('monthly');
	});
});

describe('readPerson: cadence', () => {
	it.each<[number, string, number]>([
		[5, 'every 2 weeks', 14],
		[4, 'monthly', 30],
		[3, 'every 3 months', 90],
		[2, 'every 6 months', 180],
		[1, 'yearly', 365],
	])('without a cadence, trust %d gives %s', (trust, label, days) => {
		const p = new PersonBuilder().trust(trust).build();
		expect(p.cadence).toMatchObject({ label, days });
		expect(p.cadenceSource).toBe('trust');
	});

	it('follows the settings for the trust defaults', () => {
		const s = settingsWith({ cadenceByTrust: { '4': '6w' } });
		const p = new PersonBuilder('People/A.md', s).trust(4).build();
		expect(p.cadence?.label).toBe('every 6 weeks');
	});

	it('reports an unusable default from settings as invalid', () => {
		const s = settingsWith({ cadenceByTrust: { '2': 'now and then' } });
		const p = new PersonBuilder('People/A.md', s).trust(2).build();
		expect(p.invalid).toBe(true);
		expect(p.problems[0]).toMatchObject({ field: 'cadence', value: 'now and then' });
		expect(p.problems[0].reason).toContain('the default for trust 2 in settings');
	});

	it('an explicit cadence wins over trust', () => {
		const p = new PersonBuilder().trust(5).cadence('yearly').build();
		expect(p.cadence?.label).toBe('yearly');
		expect(p.cadenceSource).toBe('note');
	});

	it('no cadence and no trust: not tracked, not invalid', () => {
		const p = new PersonBuilder().build();
		expect(p).toMatchObject({ cadence: null, cadenceSource: null, invalid: false, problems: [] });
	});

	it('a bad cadence is invalid and names the value, and does not fall back to trust', () => {
		const p = new PersonBuilder().trust(4).cadence('sometimes').build();
		expect(p.cadence).toBeNull();
		expect(p.invalid).toBe(true);
		expect(p.problems).toEqual([{ field: 'cadence', value: 'sometimes', reason: '"sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)' }]);
	});

	it('reads a YAML number as days', () => {
		expect(read('cadence: 30').cadence).toMatchObject({ unit: 'day', count: 30 });
	});
});

describe('readPerson: dates', () => {
	it('reads unquoted, quoted and linked dates alike', () => {
		expect(read('last_contact: 2026-11-02').lastContactField).toBe('2026-11-02');
		expect(read('last_contact: "2026-11-02"').lastContactField).toBe('2026-11-02');
		expect(read('last_contact: "[[2026-11-02]]"').lastContactField).toBe('2026-11-02');
		expect(read('last_contact: 2026-11-02 09:30').lastContactField).toBe('2026-11-02');
		expect(read('snooze_until: 2026-12-01').snoozeUntil).toBe('2026-12-01');
	});

	it('reads a date written as an unquoted link, which YAML makes a list in a list', () => {
		for (const dates of ['Date', 'text'] as const) {
			const fm = frontmatterFromYaml('last_contact: [[2026-11-16]]\nsnooze_until: [[2026-12-01|Tue]]', { dates });
			const p = readPerson('People/A.md', fm, settings);
			expect([p.lastContactField, p.snoozeUntil, p.problems]).toEqual(['2026-11-16', '2026-12-01', []]);
		}
		// A list in a list that is not a date is a problem naming what was written.
		const bad = read('trust: 3\nlast_contact: [[someday]]');
		expect(bad.invalid).toBe(true);
		expect(bad.problems[0]).toMatchObject({ field: 'last_contact', reason: '"[[someday]]" is not a date (expected yyyy-MM-dd)' });
	});

	it.each<[string, string, string]>([
		['last_contact: "2026-02-30"', 'last_contact', '"2026-02-30" is not a real date'],
		['last_contact: yesterday', 'last_contact', '"yesterday" is not a date (expected yyyy-MM-dd)'],
		['snooze_until: "2025-02-29"', 'snooze_until', '"2025-02-29" is not a real date'],
		['snooze_until: next year', 'snooze_until', '"next year" is not a date (expected yyyy-MM-dd)'],
	])('%s is invalid', (yaml, field, reason) => {
		const p = read(`trust: 3\n${yaml}`);
		expect(p.invalid).toBe(true);
		expect(p.problems).toHaveLength(1);
		expect(p.problems[0]).toMatchObject({ field, reason });
	});

	it('catches impossible dates when YAML keeps them as text (the core schema)', () => {
		const fm = frontmatterFromYaml('last_contact: 2026-02-30', { dates: 'text' });
		const p = readPerson('People/A.md', fm, settings);
		expect(p.problems[0]).toMatchObject({ field: 'last_contact', value: '2026-02-30' });
	});
});

describe('readPerson: status', () => {
	it.each([
		['target', 'target'],
		['active', 'active'],
		['Paused', 'paused'],
		[' ARCHIVED ', 'archived'],
	])('%j → %s', (value, want) => {
		expect(new PersonBuilder().status(value).build()).toMatchObject({ status: want, invalid: false });
	});

	it.each([['retired'], [3], [true]])('%j is invalid', (value) => {
		const p = new PersonBuilder().status(value).build();
		expect(p.status).toBe('active');
		expect(p.invalid).toBe(true);
		expect(p.problems[0]).toMatchObject({ field: 'status', reason: 'must be one of target, active, paused, archived' });
	});
});

describe('readPerson: lists and links', () => {
	it.each<[unknown, string[]]>([
		[['work', 'climbing'], ['work', 'climbing']],
		['work, climbing', ['work', 'climbing']],
		['work', ['work']],
		[[' work ', 'work', 2026], ['work', '2026']],
		// Unquoted `circles: [[Climbing]]` and a block list item `- [[Climbing]]`: YAML lists in lists.
		[[['Climbing']], ['[[Climbing]]']],
		[[[['Climbing']], 'work'], ['[[Climbing]]', 'work']],
	])('circles %j', (value, want) => {
		expect(new PersonBuilder().circles(value).build().circles).toEqual(want);
	});

	it('reads a circle written as an unquoted link as that circle, and the review counts it', () => {
		for (const yaml of ['circles: [[Climbing]]', 'circles:\n  - [[Climbing]]\n  - work', 'circles: ["[[Climbing|climb]]", work]']) {
			const p = read(yaml);
			expect(p.problems).toEqual([]);
			expect(circlesOf(p)[0]).toBe('climbing');
		}
		// Two names in one pair of brackets are not a link: said, not guessed.
		expect(read('circles: [[work, climbing]]').problems[0]).toMatchObject({ field: 'circles' });
	});

	it('a circles mapping is a problem but not invalid', () => {
		const p = new PersonBuilder().circles({ a: 1 }).build();
		expect(p).toMatchObject({ circles: [], invalid: false });
		expect(p.problems[0].field).toBe('circles');
	});

	it.each<[unknown, string[]]>([
		['Annie', ['Annie']],
		[['Annie', 'A. Ruiz'], ['Annie', 'A. Ruiz']],
	])('aliases %j', (value, want) => {
		expect(new PersonBuilder().aliases(value).build().aliases).toEqual(want);
	});

	it('reads knows links with aliases and headings', () => {
		const p = read('knows: ["[[Ana Ruiz]]", "[[Ben Ode|Ben]]", "[[Cy#Work]]", "[[Ana Ruiz]]"]');
		expect(p.knows).toEqual(['Ana Ruiz', 'Ben Ode', 'Cy']);
		expect(p.problems).toEqual([]);
	});

	it('reads unquoted [[links]], which YAML turns into nested lists', () => {
		expect(read('knows: [[Ana Ruiz]]').knows).toEqual(['Ana Ruiz']);
		expect(read('knows:\n  - [[Ana Ruiz]]\n  - [[Ben Ode]]').knows).toEqual(['Ana Ruiz', 'Ben Ode']);
		expect(read('introduced_by: [[Ben Ode]]').introducedBy).toBe('Ben Ode');
	});

	it('a knows entry that is not a link is a problem but the person stays valid', () => {
		const p = read('trust: 4\nknows: ["[[Ana Ruiz]]", "Ben Ode"]');
		expect(p.knows).toEqual(['Ana Ruiz']);
		expect(p.invalid).toBe(false);
		expect(p.problems).toEqual([{ field: 'knows', value: 'Ben Ode', reason: 'is not a link; write it as "[[Name]]"' }]);
	});

	it('reads a single knows link written as text', () => {
		expect(read('knows: "[[Ana Ruiz]]"').knows).toEqual(['Ana Ruiz']);
	});

	it('introduced_by takes a link or plain text', () => {
		expect(read('introduced_by: "[[Ben Ode|Ben]]"').introducedBy).toBe('Ben Ode');
		expect(read('introduced_by: a conference').introducedBy).toBe('a conference');
		expect(read('introduced_by: 3').problems[0].field).toBe('introduced_by');
		// A list property of one link, as Obsidian writes one typed as a list.
		expect(read('introduced_by:\n  - "[[Ben Ode]]"')).toMatchObject({ introducedBy: 'Ben Ode', problems: [] });
		expect(read('introduced_by:\n  - [[Ben Ode]]')).toMatchObject({ introducedBy: 'Ben Ode', problems: [] });
		expect(read('introduced_by: []')).toMatchObject({ introducedBy: null, problems: [] });
		expect(read('introduced_by: ["[[Ben Ode]]", "[[Cy]]"]').problems[0].field).toBe('introduced_by');
	});

	it.each([
		['gives', 'gives'],
		['Neutral', 'neutral'],
		['DRAINS', 'drains'],
	])('energy %j', (value, want) => {
		expect(new PersonBuilder().energy(value).build().energy).toBe(want);
	});

	it('an unknown energy is a problem but not invalid', () => {
		const p = new PersonBuilder().trust(3).energy('exhausting').build();
		expect(p).toMatchObject({ energy: null, invalid: false });
		expect(p.problems[0]).toMatchObject({ field: 'energy', value: 'exhausting' });
	});
});

describe('readPerson: custom key names', () => {
	it('reads the keys the settings name and reports problems under them', () => {
		const s = settingsWith({
			keys: { cadence: 'frequency', lastContact: 'prm-last-contacted', trust: 'closeness', status: 'state' },
		});
		const p = readPerson(
			'People/Ana.md',
			frontmatterFromYaml('frequency: 6w\ncloseness: 5\nprm-last-contacted: 2026-11-02\nstate: paused\ncadence: nonsense'),
			s,
		);
		expect(p).toMatchObject({ trust: 5, lastContactField: '2026-11-02', status: 'paused', problems: [], invalid: false });
		expect(p.cadence?.label).toBe('every 6 weeks');

		const bad = readPerson('People/Ana.md', frontmatterFromYaml('prm-last-contacted: soon'), s);
		expect(bad.problems[0].field).toBe('prm-last-contacted');
	});
});

describe('readPerson: problems', () => {
	it('collects several problems without throwing, values shortened', () => {
		const long = 'x'.repeat(200);
		const p = new PersonBuilder().cadence(long).lastContact('soon').status('gone').build();
		expect(p.problems.map((x) => x.field)).toEqual(['cadence', 'last_contact', 'status']);
		expect(p.problems[0].value.length).toBeLessThanOrEqual(60);
		expect(p.problems[0].value.endsWith('…')).toBe(true);
		expect(p.invalid).toBe(true);
	});
});

describe('readPerson: log', () => {
	it('keeps the log newest first', () => {
		const p = new PersonBuilder().entry('2026-10-02').entry('2026-11-23', { text: 'Lisbon' }).entry('2026-11-01').build();
		expect(p.log.map((e) => e.date)).toEqual(['2026-11-23', '2026-11-01', '2026-10-02']);
	});

	it('takes null as no log', () => {
		expect(readPerson('People/A.md', {}, settings, null).log).toEqual([]);
		expect(readPerson('People/A.md', {}, settings, [logEntry('2026-01-01')]).log).toHaveLength(1);
	});
});

describe('readPerson at scale: what is computed once and shared', () => {
	/** What linkTarget and noteName did with regexes before their fast paths. */
	const WIKILINK = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/;
	function linkTargetByRegex(value: string): string | null {
		const m = WIKILINK.exec(value.trim());
		if (!m) return null;
		const target = m[1].trim();
		return target === '' ? null : target;
	}

	it('linkTarget gives the wikilink pattern\'s answer for any text', () => {
		const linkish = fc.string({ unit: fc.constantFrom('[', ']', '|', '#', 'a', 'B', ' ', '\t', '\n', '\u00a0', 'é'), maxLength: 14 });
		fc.assert(
			fc.property(fc.oneof(linkish, linkish.map((s) => `[[${s}]]`), fc.string()), (value) => {
				expect(linkTarget(value)).toBe(linkTargetByRegex(value));
			}),
			{ numRuns: propertyRuns(3000) },
		);
	});

	it('noteName strips .md in any case and nothing else', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', '/', '.', 'm', 'M', 'd', 'D', ' '), maxLength: 12 }), (path) => {
				expect(noteName(path)).toBe(path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, ''));
			}),
			{ numRuns: propertyRuns(2000) },
		);
	});

	it('parses each distinct cadence once and shares the result', () => {
		const a = read('cadence: every 3 weeks');
		const b = read('cadence: every 3 weeks', 'People/Ben.md');
		expect(a.cadence).toBe(b.cadence);
		expect(cadenceOf('every 3 weeks')).toEqual(parseCadence('every 3 weeks'));
		expect(cadenceOf(30)).toEqual(parseCadence(30));
		expect(cadenceOf('sometimes')).toEqual(parseCadence('sometimes'));
		expect(cadenceOf(['x'])).toEqual(parseCadence(['x']));
		// Trust defaults too, and a changed default is seen at once (values, not settings objects).
		const t4 = settingsWith({ cadenceByTrust: { '4': 'every 5 weeks' } });
		expect(readPerson('People/A.md', { trust: 4 }, t4).cadence?.label).toBe('every 5 weeks');
		t4.cadenceByTrust['4'] = 'quarterly';
		expect(readPerson('People/A.md', { trust: 4 }, t4).cadence?.label).toBe('every 3 months');
	});

	it('shares frozen empty lists, so nothing can edit everyone\'s at once', () => {
		const a = read('trust: 3');
		const b = read('trust: 2', 'People/Ben.md');
		expect(a.aliases).toBe(b.aliases);
		expect(a.problems).toBe(b.problems);
		expect(a.log).toEqual([]);
		expect(() => a.knows.push('Ben')).toThrow(TypeError);
		// A list with something in it is the person's own.
		const c = read('circles: [work, climbing]\nknows: ["[[Ben]]", "[[Cleo|C]]"]\naliases: [Annie]');
		expect(c.circles).toEqual(['work', 'climbing']);
		expect(c.knows).toEqual(['Ben', 'Cleo']);
		c.circles.push('music');
		expect(read('circles: [work, climbing]').circles).toEqual(['work', 'climbing']);
	});

	it('reads clean and untidy lists alike (the clean ones take a shortcut)', () => {
		expect(read('circles: [work, " work ", climbing, "", 3]').circles).toEqual(['work', 'climbing', '3']);
		expect(read('knows: ["[[Ben]]", "[[Ben|B]]", "Cleo", "[[Dee#x]]"]').knows).toEqual(['Ben', 'Dee']);
		expect(read('knows: ["[[Ben]]", "Cleo"]').problems.map((p) => p.field)).toEqual(['knows']);
	});

	it('reads the fields whatever the order of the keys, problems in field order', () => {
		const p = read('energy: wild\nstatus: gone\ntrust: 9\naliases: {a: 1}');
		expect(p.problems.map((x) => x.field)).toEqual(['aliases', 'trust', 'status', 'energy']);
	});

	it('feeds one frontmatter key to every setting that names it, and follows renamed keys', () => {
		const s = settingsWith({ keys: { lastContact: 'when', snoozeUntil: 'when' } });
		const p = readPerson('People/A.md', { when: '2026-11-02', trust: 3 }, s);
		expect(p).toMatchObject({ lastContactField: '2026-11-02', snoozeUntil: '2026-11-02' });
		// Key names edited in place on the same settings object are seen on the next read.
		s.keys.lastContact = 'met';
		s.keys.snoozeUntil = 'snooze_until';
		expect(readPerson('People/A.md', { when: '2026-11-02', met: '2026-10-01' }, s)).toMatchObject({
			lastContactField: '2026-10-01',
			snoozeUntil: null,
		});
	});

	it('ignores inherited keys, as it always did', () => {
		const fm = Object.create({ trust: 5 }) as Record<string, unknown>;
		fm.cadence = 'weekly';
		expect(readPerson('People/A.md', fm, settings).trust).toBeNull();
		// The schedule-only read (the index's start-up build) too.
		expect(readPerson('People/A.md', fm, settings, null, false).trust).toBeNull();
		expect(readPerson('People/A.md', fm, settings, null, false).cadence?.label).toBe('weekly');
	});
});

describe('readPerson for the schedule only (what the index reads before note bodies)', () => {
	const value = fc.oneof(
		fc.constantFrom('[[Ben]]', '[[Ben|B]]', 'Ben', '[[2026-11-02]]', '2026-02-30', 'monthly', 'drains', 'paused', '', '  '),
		fc.constantFrom(null, 3, 4.5, true),
		fc.array(fc.constantFrom('[[Ben]]', '[[Cleo#Work]]', 'Dan', 'work', 7), { maxLength: 4 }),
		fc.constant([['Ben']]),
		fc.string({ maxLength: 8 }),
	);
	const keys = ['aliases', 'cadence', 'trust', 'last_contact', 'status', 'snooze_until', 'circles', 'knows', 'introduced_by', 'energy'];

	it('reads what the schedule needs exactly as the full read does, and nothing else (no links, aliases, circles or energy, nor their problems)', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...keys), value), (fm) => {
				const full = readPerson('People/Ana.md', fm, settings);
				const light = readPerson('People/Ana.md', fm, settings, null, false);
				const later = new Set(['knows', 'introduced_by', 'aliases', 'circles', 'energy']);
				expect(light).toEqual({
					...full,
					knows: [],
					introducedBy: null,
					aliases: [],
					circles: [],
					energy: null,
					problems: full.problems.filter((p) => !later.has(p.field)),
				});
			}),
			{ numRuns: propertyRuns(3000) },
		);
	});
});
