// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addCadence, parseCadence } from '../../src/core/cadence';
import { diffDays } from '../../src/core/dates';
import { schedulePerson } from '../../src/core/schedule';
import {
	buildCalendar,
	calendarEntries,
	escapeText,
	firstOccurrence,
	foldLine,
	personUid,
	recurValue,
	recurrenceFor,
} from '../../src/core/ics';
import type { Cadence, LocalDate, Person } from '../../src/core/types';
import { freezeClockAtLocalNoon, PersonBuilder, settingsWith } from '../builders';

const TODAY = '2026-11-23';
const settings = settingsWith();

freezeClockAtLocalNoon(TODAY);

function cadence(s: string): Cadence {
	const c = parseCadence(s);
	if (!c.ok) throw new Error(c.reason);
	return c.cadence;
}

function who(name: string, configure: (b: PersonBuilder) => PersonBuilder = (b) => b): Person {
	return configure(new PersonBuilder(`People/${name}.md`)).build();
}

/** The calendar read back by ical.js: its VEVENTs by SUMMARY. */
function readBack(ics: string): Map<string, ICAL.Component> {
	const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	expect(cal.name).toBe('vcalendar');
	const out = new Map<string, ICAL.Component>();
	for (const ev of cal.getAllSubcomponents('vevent')) out.set(String(ev.getFirstPropertyValue('summary')), ev);
	return out;
}

/** The first `n` occurrences of an event, expanded by ical.js. */
function occurrences(vevent: ICAL.Component, n: number): LocalDate[] {
	const event = new ICAL.Event(vevent);
	expect(event.startDate.isDate).toBe(true);
	const expansion = new ICAL.RecurExpansion({ component: vevent, dtstart: event.startDate });
	const out: LocalDate[] = [];
	for (let i = 0; i < n; i++) {
		const t = expansion.next();
		if (!t) break;
		out.push(t.toString());
	}
	return out;
}

function onlyEvent(person: Person, today = TODAY): ICAL.Component {
	const events = readBack(buildCalendar([person], today, settings));
	expect(events.size).toBe(1);
	return [...events.values()][0];
}

describe('first occurrence and interval, read back with ical.js', () => {
	it.each([
		{
			name: 'weekly',
			b: (p: PersonBuilder) => p.cadence('weekly').lastContact('2026-11-20'),
			rule: 'FREQ=WEEKLY',
			want: ['2026-11-27', '2026-12-04', '2026-12-11', '2026-12-18'],
		},
		{
			name: 'every 3 weeks',
			b: (p: PersonBuilder) => p.cadence('every 3 weeks').lastContact('2026-11-10'),
			rule: 'FREQ=WEEKLY;INTERVAL=3',
			want: ['2026-12-01', '2026-12-22', '2027-01-12', '2027-02-02'],
		},
		{
			name: 'every 10 days',
			b: (p: PersonBuilder) => p.cadence('every 10 days').lastContact('2026-11-20'),
			rule: 'FREQ=DAILY;INTERVAL=10',
			want: ['2026-11-30', '2026-12-10', '2026-12-20', '2026-12-30'],
		},
		{
			name: 'monthly',
			b: (p: PersonBuilder) => p.cadence('monthly').lastContact('2026-11-15'),
			rule: 'FREQ=MONTHLY',
			want: ['2026-12-15', '2027-01-15', '2027-02-15', '2027-03-15'],
		},
		{
			name: 'monthly from trust 4',
			b: (p: PersonBuilder) => p.trust(4).lastContact('2026-11-15'),
			rule: 'FREQ=MONTHLY',
			want: ['2026-12-15', '2027-01-15', '2027-02-15', '2027-03-15'],
		},
		{
			name: 'every 2 months from 31 December',
			b: (p: PersonBuilder) => p.cadence('every 2 months').lastContact('2026-10-31'),
			rule: 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1',
			want: ['2026-12-31', '2027-02-28', '2027-04-30', '2027-06-30', '2027-08-31'],
		},
		{
			name: 'monthly from 31 January',
			b: (p: PersonBuilder) => p.cadence('monthly').lastContact('2026-12-31'),
			today: '2027-01-10',
			rule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
			want: ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30'],
		},
		{
			name: 'quarterly',
			b: (p: PersonBuilder) => p.cadence('quarterly').lastContact('2026-10-05'),
			rule: 'FREQ=MONTHLY;INTERVAL=3',
			want: ['2027-01-05', '2027-04-05', '2027-07-05', '2027-10-05'],
		},
		{
			name: 'yearly',
			b: (p: PersonBuilder) => p.cadence('yearly').lastContact('2026-03-01'),
			rule: 'FREQ=YEARLY',
			want: ['2027-03-01', '2028-03-01', '2029-03-01'],
		},
	] as { name: string; b: (p: PersonBuilder) => PersonBuilder; today?: LocalDate; rule: string; want: LocalDate[] }[])(
		'$name',
		({ b, today, rule, want }) => {
			const ev = onlyEvent(b(new PersonBuilder('People/Ana.md')).build(), today);
			expect(ev.getFirstPropertyValue('rrule')?.toString()).toBe(rule);
			expect(occurrences(ev, want.length)).toEqual(want);
		},
	);

	it('yearly from 29 February: 28 February in common years, 29 in leap years', () => {
		// Overdue on a leap day, so the series starts today, 2028-02-29.
		const ev = onlyEvent(who('Ana', (b) => b.cadence('yearly').lastContact('2027-02-27')), '2028-02-29');
		expect(ev.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
		expect(occurrences(ev, 5)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
	});
});

describe('recurrenceFor', () => {
	it.each([
		// start, cadence, DTSTART, FREQ, INTERVAL, BYMONTH, BYMONTHDAY
		['2026-12-28', 'monthly', '2026-12-28', 'MONTHLY', 1, null, null],
		['2026-12-31', 'every 2 months', '2026-12-31', 'MONTHLY', 2, null, -1],
		['2026-04-30', 'monthly', '2026-04-30', 'MONTHLY', 1, null, -1],
		// the 30th of a 31-day month: the series follows the month end from the 31st
		['2027-01-30', 'monthly', '2027-01-31', 'MONTHLY', 1, null, -1],
		['2027-03-29', 'monthly', '2027-03-31', 'MONTHLY', 1, null, -1],
		// never reaches a shorter month: plain
		['2027-01-30', 'every 12 months', '2027-01-30', 'MONTHLY', 12, null, null],
		['2027-01-31', 'every 12 months', '2027-01-31', 'MONTHLY', 12, null, null],
		['2027-01-31', 'every 6 months', '2027-01-31', 'MONTHLY', 6, null, null], // Jan, Jul
		['2027-03-31', 'every 2 months', '2027-03-31', 'MONTHLY', 2, null, -1], // reaches September
		['2027-03-30', 'every 2 months', '2027-03-30', 'MONTHLY', 2, null, null], // Mar, May, …, Jan: no February
		['2027-03-30', 'every 3 months', '2027-03-30', 'MONTHLY', 3, null, null], // Mar, Jun, Sep, Dec
		['2027-05-30', 'every 3 months', '2027-05-31', 'MONTHLY', 3, null, -1], // May, Aug, Nov, Feb
		['2028-02-29', 'yearly', '2028-02-29', 'YEARLY', 1, 2, -1],
		['2028-02-29', 'every 4 years', '2028-02-29', 'YEARLY', 4, 2, -1],
		['2027-12-31', 'yearly', '2027-12-31', 'YEARLY', 1, null, null],
		['2027-02-28', 'monthly', '2027-02-28', 'MONTHLY', 1, null, null],
		['2027-01-31', 'weekly', '2027-01-31', 'WEEKLY', 1, null, null],
	])('%s %s → %s %s', (start, c, dtstart, freq, interval, byMonth, byMonthDay) => {
		expect(recurrenceFor(start, cadence(c))).toEqual({ start: dtstart, freq, interval, byMonth, byMonthDay });
	});
});

describe('month ends, for any start (property)', () => {
	const months = fc.record({
		start: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
		unit: fc.constantFrom('month' as const, 'year' as const),
		count: fc.integer({ min: 1, max: 14 }),
	});

	it('never skips a month: occurrence k falls in the month of start + k cadences, on that day or at most 2 days later', () => {
		fc.assert(
			fc.property(months, ({ start: d, unit, count }) => {
				const start = d.toISOString().slice(0, 10);
				const c = cadence(`every ${count} ${unit}s`);
				const r = recurrenceFor(start, c);
				const ev = new ICAL.Component('vevent');
				ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(r.start));
				ev.addPropertyWithValue('rrule', ICAL.Recur.fromString(recurValue(r)));
				const got = occurrences(ev, 14);
				expect(got).toHaveLength(14);
				got.forEach((occ, k) => {
					const nominal = addCadence(start, c, k);
					expect(occ.slice(0, 7)).toBe(nominal.slice(0, 7));
					const late = diffDays(occ, nominal);
					expect(late).toBeGreaterThanOrEqual(0);
					expect(late).toBeLessThanOrEqual(2);
					// Exactly Kindred's own arithmetic for a plain rule, a start on the 31st, and yearly
					// from 29 February; a month-end series from the 29th or 30th may land up to 2 days later.
					const day = Number(start.slice(8));
					if (r.byMonthDay === null || day === 31 || unit === 'year') expect(occ).toBe(nominal);
				});
			}),
			{ numRuns: 300 },
		);
	});
});

describe('who gets an event', () => {
	const people = [
		who('Ok', (b) => b.cadence('monthly').lastContact('2026-11-10')),
		who('Soon', (b) => b.cadence('monthly').lastContact('2026-10-25')),
		who('Due', (b) => b.cadence('monthly').lastContact('2026-10-23')),
		who('Overdue', (b) => b.cadence('monthly').lastContact('2026-06-01')),
		who('Never', (b) => b.trust(2)),
		who('Snoozed', (b) => b.cadence('monthly').lastContact('2026-06-01').snoozeUntil('2026-12-05')),
		who('Snoozed later due', (b) => b.cadence('monthly').lastContact('2026-11-20').snoozeUntil('2026-12-05')),
		who('Target with cadence', (b) => b.status('target').cadence('quarterly')),
		who('Target without cadence', (b) => b.status('target')),
		who('Archived', (b) => b.status('archived').cadence('monthly')),
		who('Paused', (b) => b.status('paused').cadence('monthly')),
		who('Untracked'),
		who('Invalid', (b) => b.cadence('sometimes')),
	];

	it('gives one event to each tracked person, and none to the others', () => {
		const names = [...readBack(buildCalendar(people, TODAY, settings)).keys()].sort();
		expect(names).toEqual(
			['Due', 'Never', 'Ok', 'Overdue', 'Snoozed', 'Snoozed later due', 'Soon', 'Target with cadence']
				.map((n) => `Reconnect with ${n}`)
				.sort(),
		);
	});

	it.each([
		['Ok', '2026-12-10'],
		['Soon', '2026-11-25'],
		['Due', TODAY],
		['Overdue', TODAY],
		['Never', TODAY],
		['Snoozed', '2026-12-05'],
		['Snoozed later due', '2026-12-20'],
		['Target with cadence', TODAY],
	])('%s starts on %s', (name, start) => {
		const p = people.find((x) => x.name === name);
		if (!p) throw new Error(name);
		expect(calendarEntries([p], TODAY, settings)[0].recurrence.start).toBe(start);
		const ev = readBack(buildCalendar([p], TODAY, settings)).get(`Reconnect with ${name}`);
		expect(ev && occurrences(ev, 1)).toEqual([start]);
	});

	it('firstOccurrence is null for statuses without an event', () => {
		for (const name of ['Target without cadence', 'Archived', 'Paused', 'Untracked', 'Invalid']) {
			const p = people.find((x) => x.name === name);
			if (!p) throw new Error(name);
			expect(firstOccurrence(schedulePerson(p, TODAY, settings), TODAY)).toBeNull();
		}
	});
});


describe('the file', () => {
	const ana = who('Ana Ruiz', (b) =>
		b
			.cadence('every 3 weeks')
			.trust(4)
			.lastContact('2026-11-02')
			.entry('2026-11-20', { channel: 'call', exchange: 'gave', text: 'Intro to Ben; she starts Monday, in Lisbon.' })
			.entry('2026-10-02', { text: 'older' }),
	);
	const ben = who('Ben Ode', (b) => b.trust(4).lastContact('2026-11-01'));

	it('is byte for byte the same on two exports, with one stable UID per note path', () => {
		const a = buildCalendar([ana, ben], TODAY, settings);
		const b = buildCalendar([ben, ana], TODAY, settings);
		expect(b).toBe(a);
		const uids = [...readBack(a).values()].map((e) => e.getFirstPropertyValue('uid'));
		expect(uids).toEqual([personUid('People/Ana Ruiz.md'), personUid('People/Ben Ode.md')]);
		expect(new Set(uids).size).toBe(2);
		// Another day, another last contact: the same UIDs.
		const later = buildCalendar([ana, who('Ben Ode', (x) => x.trust(4).lastContact('2026-12-01'))], '2026-12-10', settings);
		expect([...readBack(later).values()].map((e) => e.getFirstPropertyValue('uid'))).toEqual(uids);
	});

	it('derives UIDs from the path alone', () => {
		expect(personUid('People/Ana Ruiz.md')).toMatch(/^[0-9a-f]{16}@kindred$/);
		expect(personUid('People/Ana Ruiz.md')).toBe(personUid('People/Ana Ruiz.md'));
		expect(personUid('People/Ana Ruiz.md')).not.toBe(personUid('People/Ana Ruiz 2.md'));
		expect(personUid('')).toBe('cbf29ce484222325@kindred'); // the FNV-1a offset basis
	});

	it('stamps DTSTAMP with today at midnight UTC, and DTEND the day after the start', () => {
		const ics = buildCalendar([ana], TODAY, settings);
		expect(ics).toContain('\r\nDTSTAMP:20261123T000000Z\r\n');
		expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261211\r\n');
		expect(ics).toContain('\r\nDTEND;VALUE=DATE:20261212\r\n');
		expect(ics).toContain('\r\nTRANSP:TRANSPARENT\r\n');
	});

	it('has the calendar header, and takes a PRODID', () => {
		const ics = buildCalendar([], TODAY, settings, { prodId: '-//Test//Kindred 9//EN' });
		expect(ics).toBe(
			[
				'BEGIN:VCALENDAR',
				'PRODID:-//Test//Kindred 9//EN',
				'VERSION:2.0',
				'CALSCALE:GREGORIAN',
				'X-WR-CALNAME:Kindred: reconnect',
				'END:VCALENDAR',
				'',
			].join('\r\n'),
		);
		expect(buildCalendar([], TODAY, settings)).toContain('PRODID:-//Kindred//Reconnect calendar//EN\r\n');
	});

	it('says "Reconnect with NAME" and describes the last logged note, cadence and trust', () => {
		const ev = readBack(buildCalendar([ana, ben], TODAY, settings));
		expect(ev.get('Reconnect with Ana Ruiz')?.getFirstPropertyValue('description')).toBe(
			[
				'Last logged: 2026-11-20 (call) Gave: Intro to Ben; she starts Monday, in Lisbon.',
				'Cadence: every 3 weeks',
				'Trust: 4',
				'Note: People/Ana Ruiz.md',
			].join('\n'),
		);
		expect(ev.get('Reconnect with Ben Ode')?.getFirstPropertyValue('description')).toBe(
			['Last contact: 2026-11-01', 'Cadence: monthly (the default for trust 4)', 'Note: People/Ben Ode.md'].join('\n'),
		);
		const never = readBack(buildCalendar([who('Cy', (b) => b.cadence('weekly'))], TODAY, settings));
		expect(never.get('Reconnect with Cy')?.getFirstPropertyValue('description')).toBe(
			['Never contacted yet.', 'Cadence: weekly', 'Note: People/Cy.md'].join('\n'),
		);
	});

	it('escapes commas, semicolons, backslashes and newlines (RFC 5545 text) and reads them back intact', () => {
		const odd = new PersonBuilder('People/Ruiz, Ana; the \\ one.md')
			.cadence('weekly')
			.entry('2026-11-20', { text: 'a, b; c \\ d' })
			.build();
		const ics = buildCalendar([odd], TODAY, settings);
		expect(ics).toContain('SUMMARY:Reconnect with Ruiz\\, Ana\\; the \\\\ one\r\n');
		const unfolded = ics.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toContain('DESCRIPTION:Last logged: 2026-11-20 a\\, b\\; c \\\\ d\\nCadence: weekly\\nNote: ');
		const ev = readBack(ics).get('Reconnect with Ruiz, Ana; the \\ one');
		expect(ev?.getFirstPropertyValue('description')).toBe(
			'Last logged: 2026-11-20 a, b; c \\ d\nCadence: weekly\nNote: People/Ruiz, Ana; the \\ one.md',
		);
	});

	it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
		const text = 'Café com a Inês em São Paulo — 会いましょう 🧗‍♀️🎉 '.repeat(12).trim();
		const p = who('Zoë Ångström 🌍', (b) => b.cadence('weekly').entry('2026-11-20', { channel: 'coffee', text }));
		const ics = buildCalendar([p], TODAY, settings);
		const bytes = new TextEncoder().encode(ics);
		const lines: Uint8Array[] = [];
		let from = 0;
		for (let i = 0; i < bytes.length - 1; i++) {
			if (bytes[i] === 13 && bytes[i + 1] === 10) {
				lines.push(bytes.subarray(from, i));
				from = i + 2;
			}
		}
		expect(from).toBe(bytes.length);
		expect(lines.filter((l) => l[0] === 32).length).toBeGreaterThan(5);
		const strict = new TextDecoder('utf-8', { fatal: true });
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(75);
			// Every physical line is valid UTF-8 by itself: no multi-byte character was split.
			expect(() => strict.decode(line)).not.toThrow();
			expect(strict.decode(line)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
		}
		const ev = readBack(ics).get('Reconnect with Zoë Ångström 🌍');
		expect(ev?.getFirstPropertyValue('description')).toContain(`Last logged: 2026-11-20 (coffee) ${text}\n`);
	});

	it('is byte-identical on two runs with the same input', () => {
		const people = [ana, ben, who('Zoë, the; one', (b) => b.cadence('every 2 months').lastContact('2026-10-31'))];
		const first = buildCalendar(people, TODAY, settings);
		const second = buildCalendar(people, TODAY, settings);
		expect(second).toBe(first);
		expect(new TextEncoder().encode(second)).toEqual(new TextEncoder().encode(first));
	});

	it('drops control characters RFC 5545 text does not allow, keeping tabs', () => {
		const p = who('Ana', (b) => b.cadence('weekly').entry('2026-11-20', { text: 'bell\u0007 tab\there\u001b[0m' }));
		const ics = buildCalendar([p], TODAY, settings);
		// eslint-disable-next-line no-control-regex -- looking for control characters
		expect(ics.replace(/\r\n/g, '').replace(/\t/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
		expect(readBack(ics).get('Reconnect with Ana')?.getFirstPropertyValue('description')).toContain('bell tab\there[0m');
	});

	it('ends every line with CRLF', () => {
		const ics = buildCalendar([ana, ben], TODAY, settings);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics).not.toMatch(/[^\r]\n/);
		expect(ics).not.toMatch(/\r(?!\n)/);
	});

	it('keeps a line break in a file name from breaking the file', () => {
		const p = new PersonBuilder('People/Two\r\nlines\rhere.md').cadence('weekly').build();
		const ics = buildCalendar([p], TODAY, settings);
		expect(ics).not.toMatch(/\r(?!\n)/);
		expect(ics).not.toMatch(/[^\r]\n/);
		expect(readBack(ics).has('Reconnect with Two\nlines\nhere')).toBe(true);
	});

	it('lists events by name', () => {
		const names = calendarEntries([ben, ana, who('adam', (b) => b.cadence('weekly'))], TODAY, settings).map((e) => e.name);
		expect(names).toEqual(['adam', 'Ana Ruiz', 'Ben Ode']);
	});
});

describe('the hand-written writer', () => {
	it.each([
		['plain', 'plain'],
		['a, b', 'a\\, b'],
		['a; b', 'a\\; b'],
		['back\\slash', 'back\\\\slash'],
		['two\nlines', 'two\\nlines'],
		['crlf\r\nline', 'crlf\\nline'],
		['lone\rcr', 'lone\\ncr'],
		['\\n is not a newline', '\\\\n is not a newline'],
		['colon: and "quotes" stay', 'colon: and "quotes" stay'],
	])('escapes %j as %j', (raw, escaped) => {
		expect(escapeText(raw)).toBe(escaped);
	});

	it.each([
		// line, expected physical lines
		['A'.repeat(75), ['A'.repeat(75)]],
		['A'.repeat(76), ['A'.repeat(75), ' A']],
		['A'.repeat(75 + 74), ['A'.repeat(75), ` ${'A'.repeat(74)}`]],
		['A'.repeat(75 + 75), ['A'.repeat(75), ` ${'A'.repeat(74)}`, ' A']],
		// 'é' is 2 octets: 37 of them are 74 octets, the 38th would make 76
		['é'.repeat(38), ['é'.repeat(37), ' é']],
		// '🌿' is 4 octets (two UTF-16 units): 18 make 72, the 19th would make 76
		['🌿'.repeat(19), ['🌿'.repeat(18), ' 🌿']],
		['A' + '会'.repeat(25), ['A' + '会'.repeat(24), ' 会']],
		['', ['']],
	])('folds %j', (line, want) => {
		expect(foldLine(line).split('\r\n ')).toEqual(want.map((l, i) => (i === 0 ? l : l.slice(1))));
		expect(foldLine(line)).toBe(want.join('\r\n'));
	});

	it('folds any text into lines of at most 75 octets that unfold to it, never splitting a character (property)', () => {
		const strict = new TextDecoder('utf-8', { fatal: true });
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 20 }), (text, prefix) => {
				const line = `${prefix.replace(/[\r\n]/g, '')}:${text.replace(/[\r\n]/g, '')}`;
				const folded = foldLine(line);
				expect(folded.replace(/\r\n /g, '')).toBe(line);
				for (const physical of folded.split('\r\n')) {
					const bytes = encoder.encode(physical);
					expect(bytes.length).toBeLessThanOrEqual(75);
					expect(() => strict.decode(bytes)).not.toThrow();
				}
			}),
			{ numRuns: 300 },
		);
	});

	it.each([
		[{ freq: 'WEEKLY', interval: 1, byMonth: null, byMonthDay: null }, 'FREQ=WEEKLY'],
		[{ freq: 'DAILY', interval: 10, byMonth: null, byMonthDay: null }, 'FREQ=DAILY;INTERVAL=10'],
		[{ freq: 'MONTHLY', interval: 2, byMonth: null, byMonthDay: -1 }, 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1'],
		[{ freq: 'YEARLY', interval: 4, byMonth: 2, byMonthDay: -1 }, 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=-1'],
	] as const)('writes the rule %j as %s, as ical.js reads and writes it', (r, want) => {
		const rule = recurValue({ start: TODAY, ...r });
		expect(rule).toBe(want);
		expect(ICAL.Recur.fromString(rule).toString()).toBe(want);
	});

	it('keeps ical.js out of the bundle: nothing src/core/ics.ts pulls in comes from it', async () => {
		const { build } = await import('esbuild');
		const result = await build({
			entryPoints: ['src/core/ics.ts'],
			bundle: true,
			write: false,
			metafile: true,
			platform: 'browser',
			format: 'esm',
			logLevel: 'silent',
		});
		const inputs = Object.keys(result.metafile.inputs);
		expect(inputs).toContain('src/core/ics.ts');
		expect(inputs.filter((i) => i.includes('node_modules/ical.js'))).toEqual([]);
	});
});
