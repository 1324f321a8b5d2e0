// @vitest-environment happy-dom
/**
 * The checks and orderings behind the modals, as tables; the commands test drives the
 * modals themselves.
 */
import { describe, expect, it } from 'vitest';
import type { Person, ScheduledPerson } from '../../src/core/types';
import { touchpointDateError } from '../../src/obsidian/log-modal';
import { personNameError, personNotePath } from '../../src/obsidian/new-person';
import { pickerItems } from '../../src/obsidian/person-picker';
import { snoozeDateError, snoozeUntil } from '../../src/obsidian/snooze-modal';

describe('touchpointDateError (today 2026-11-23)', () => {
	it.each([
		['2026-11-23', null],
		['2026-01-31', null],
		[' 2026-11-22 ', null],
		['', 'Enter the date of the touchpoint.'],
		['2026-02-30', '"2026-02-30" is not a real date; use yyyy-mm-dd.'],
		['23/11/2026', '"23/11/2026" is not a real date; use yyyy-mm-dd.'],
		['2026-11-24', 'A touchpoint cannot be dated after today.'],
	])('%j → %j', (value, expected) => {
		expect(touchpointDateError(value, '2026-11-23')).toBe(expected);
	});
});

describe('snooze', () => {
	it.each([
		['week', '2026-11-23', '2026-11-30'],
		['month', '2026-11-23', '2026-12-23'],
		['month', '2027-01-31', '2027-02-28'],
		['week', '2026-12-29', '2027-01-05'],
	] as const)('one %s from %s is %s', (choice, today, until) => {
		expect(snoozeUntil(choice, today)).toBe(until);
	});

	it.each([
		['2026-11-24', null],
		['2026-11-23', 'Pick a date after today.'],
		['2026-11-01', 'Pick a date after today.'],
		['2026-13-01', '"2026-13-01" is not a real date; use yyyy-mm-dd.'],
		['', 'Pick the date to snooze until.'],
	])('until %j → %j', (value, expected) => {
		expect(snoozeDateError(value, '2026-11-23')).toBe(expected);
	});
});

describe('personNameError', () => {
	it.each([
		['Ana Ruiz', null],
		['José Ñúñez-O\'Brien', null],
		['Ana (work)', null],
		['', 'Enter a name.'],
		['Ana/Ruiz', 'A name cannot contain "/". Leave out / \\ : # ^ [ ] | * " < > ?'],
		['a\\b', 'A name cannot contain "\\". Leave out / \\ : # ^ [ ] | * " < > ?'],
		['a:b', 'A name cannot contain ":". Leave out / \\ : # ^ [ ] | * " < > ?'],
		['a?', 'A name cannot contain "?". Leave out / \\ : # ^ [ ] | * " < > ?'],
		['.ana', 'A name cannot start with a dot: the note would be hidden.'],
		['Ana.', 'A name cannot end with a dot.'],
	])('%j → %j', (name, expected) => {
		expect(personNameError(name)).toBe(expected);
	});

	it('puts the note in the first people folder, or the vault root without one', () => {
		expect(personNotePath(' Ana ', { peopleFolders: ['People/Friends', 'Work'] })).toBe('People/Friends/Ana.md');
		expect(personNotePath('Ana', { peopleFolders: [] })).toBe('Ana.md');
	});
});

describe('pickerItems', () => {
	const person = (name: string, aliases: string[] = []): Person =>
		({ path: `People/${name}.md`, name, aliases }) as unknown as Person;
	const due = (p: Person): ScheduledPerson => ({ person: p }) as unknown as ScheduledPerson;

	it('lists the due list first in its order, then the rest by name, with one item per alias', () => {
		const zoe = person('Zoe', ['Z']);
		const ana = person('Ana');
		const ben = person('ben', ['Benny', 'ben']);
		const cleo = person('Cleo');
		expect(pickerItems([due(zoe), due(cleo)], [ana, ben, cleo, zoe]).map((i) => [i.label, i.path])).toEqual([
			['Zoe', 'People/Zoe.md'],
			['Z (Zoe)', 'People/Zoe.md'],
			['Cleo', 'People/Cleo.md'],
			['Ana', 'People/Ana.md'],
			['ben', 'People/ben.md'],
			['Benny (ben)', 'People/ben.md'],
		]);
	});

	it('puts the rest in the review\'s name order: numbers by value, case aside', () => {
		const names = ['Sam 10', 'sam 9', 'Sam 2', 'Émile', 'Eve'];
		expect(pickerItems([], names.map((n) => person(n))).map((i) => i.label)).toEqual(['Émile', 'Eve', 'Sam 2', 'sam 9', 'Sam 10']);
	});
});
