/** The terminal table and the JSON mapping, from ScheduledPerson values built in the test. */
import { describe, expect, it } from 'vitest';
import { toDueJson } from '../../src/cli/due-json';
import { displayWidth, entrySummary, formatDueTable, plainLinks, table, truncate } from '../../src/cli/format';
import { readPerson } from '../../src/core/person';
import { schedulePerson } from '../../src/core/schedule';
import { defaultSettings } from '../../src/core/settings';
import type { LogEntry, ScheduledPerson } from '../../src/core/types';

const settings = defaultSettings();
function sp(path: string, fm: Record<string, unknown>, log: LogEntry[] = []): ScheduledPerson {
	return schedulePerson(readPerson(path, fm, settings, log), '2026-11-23', settings);
}

describe('text helpers', () => {
	it.each([
		['abc', 3],
		['Zoë', 3],
		['Zoe\u0308', 3],
		// A terminal gives wide characters and emoji two columns, a ZWJ sequence one glyph.
		['🌿', 2],
		['王小明', 6],
		['Zoë 👩‍🔬', 6],
	])('displayWidth(%j) = %i', (s, n) => expect(displayWidth(s)).toBe(n));

	it.each([
		['short', 10, 'short'],
		['exactly ten', 11, 'exactly ten'],
		['a longer sentence', 10, 'a longer…'],
		['anything', 0, ''],
		['王小明和朋友们', 7, '王小明…'],
		['ab 👩‍🔬👩‍🔬', 6, 'ab 👩‍🔬…'],
	])('truncate(%j, %i)', (s, n, out) => expect(truncate(s, n)).toBe(out));

	it('lines up columns after wide names', () => {
		const out = table([{ title: 'Name' }, { title: 'When' }], [['王小明', 'today'], ['Ana', 'today']], { color: false, columns: 40 });
		// 王小明 takes six columns: two spaces after it reach the column, as five do after Ana.
		expect(out.split('\n')).toEqual(['Name    When', '王小明  today', 'Ana     today']);
	});

	it('turns links into names and adds the gave/received marker', () => {
		expect(plainLinks('intro to [[Ben Ode]] and [[Ana Ruiz|Ana]]')).toBe('intro to Ben Ode and Ana');
		expect(entrySummary({ date: '2026-11-01', linked: false, channel: 'call', exchange: 'gave', text: 'intro to [[Ben]]' })).toBe(
			'Gave: intro to Ben',
		);
		expect(entrySummary(null)).toBe('');
	});
});

describe('table', () => {
	it('aligns columns and cuts only the flexible one', () => {
		const out = table([{ title: 'A' }, { title: 'B', flexible: true }], [['long name', 'x'.repeat(30)], ['b', 'y']], { color: false, columns: 40 });
		expect(out.split('\n')).toEqual(['A          B', `long name  ${'x'.repeat(27)}…`, 'b          y']);
	});

	it('colours only when asked, after padding', () => {
		const list = [sp('People/A.md', { cadence: 'weekly', last_contact: '2026-11-01' })];
		const plain = formatDueTable(list, { color: false, columns: null });
		const coloured = formatDueTable(list, { color: true, columns: null });
		expect(plain).not.toContain('\u001b[');
		expect(coloured).toContain('\u001b[31moverdue');
		const ESC = String.fromCharCode(27);
		expect(coloured.split(new RegExp(`${ESC}\\[[\\d;]*m`)).join('')).toBe(plain);
	});

	it('shows problems in place of the last note for invalid people', () => {
		const out = formatDueTable([sp('People/B.md', { cadence: 'sometimes' })], { color: false, columns: null });
		expect(out.split('\n')[1]).toMatch(/^B +invalid +needs attention +– +– +cadence: "sometimes" is not a cadence \(try monthly, .*$/);
		// A terminal wide enough shows the whole hint.
		const wide = formatDueTable([sp('People/B.md', { cadence: 'sometimes' })], { color: false, columns: 200 });
		expect(wide.split('\n')[1]).toMatch(/cadence: "sometimes" is not a cadence \(try monthly, every 3 weeks, 6w or 90d\)$/);
	});
});

describe('toDueJson', () => {
	it('maps every documented field', () => {
		const entry: LogEntry = { date: '2026-11-20', linked: false, channel: 'call', exchange: 'received', text: 'a book' };
		expect(toDueJson(sp('People/C.md', { cadence: 'P2W', trust: 4, circles: ['work'] }, [entry]))).toEqual({
			path: 'People/C.md',
			name: 'C',
			status: 'ok',
			lastContact: '2026-11-20',
			due: '2026-12-04',
			daysOverdue: -11,
			cadenceDays: 14,
			trust: 4,
			cadence: 'every 2 weeks',
			circles: ['work'],
			lastNote: 'a book',
			lastExchange: 'received',
			problems: [],
		});
	});
});
