// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { frontmatterTags, isPersonNote } from '../../src/core/membership';
import { defaultSettings } from '../../src/core/settings';
import { settingsWith } from '../builders';

const settings = defaultSettings();

describe('isPersonNote', () => {
	it.each<[string, string, Record<string, unknown> | null, string[], boolean]>([
		['in the people folder', 'People/Ana.md', null, [], true],
		['in a subfolder of it', 'People/Work/Ana.md', null, [], true],
		['a folder that only starts the same', 'Peoplex/Ana.md', null, [], false],
		['outside', 'Notes/Ana.md', null, [], false],
		['not markdown', 'People/ana.png', null, [], false],
		['tagged', 'Notes/Ana.md', null, ['#person'], true],
		['tagged without #', 'Notes/Ana.md', null, ['person'], true],
		['tagged in another case', 'Notes/Ana.md', null, ['#Person'], true],
		['a nested person tag', 'Notes/Ana.md', null, ['#person/work'], true],
		['a tag that only starts the same', 'Notes/Ana.md', null, ['#personal'], false],
		['a tag with person as a child', 'Notes/Ana.md', null, ['#work/person'], false],
		['the marker', 'Notes/Ana.md', { type: 'person' }, [], true],
		['the marker in another case', 'Notes/Ana.md', { type: ' Person ' }, [], true],
		['the marker in a list', 'Notes/Ana.md', { type: ['note', 'person'] }, [], true],
		['another type', 'Notes/Ana.md', { type: 'project' }, [], false],
		['no frontmatter', 'Notes/Ana.md', null, [], false],
	])('%s', (_label, path, frontmatter, tags, want) => {
		expect(isPersonNote({ path, frontmatter, tags }, settings)).toBe(want);
	});

	it('never counts a template, even one in the people folder or with the marker', () => {
		const input = { path: 'Templates/Person.md', frontmatter: { type: 'person' }, tags: ['person'] };
		expect(isPersonNote(input, settings, 'Templates')).toBe(false);
		expect(isPersonNote(input, settings, 'Templates/')).toBe(false);
		expect(isPersonNote(input, settings, null)).toBe(true);
		expect(isPersonNote({ path: 'People/_template.md', frontmatter: null, tags: [] }, settingsWith({ templatePath: 'People/_template.md' }))).toBe(false);
	});

	it('follows the settings, and an empty setting disables that rule', () => {
		const s = settingsWith({ peopleFolders: ['Contacts', 'CRM/People'], personTag: '', markerKey: '' });
		expect(isPersonNote({ path: 'Contacts/Ana.md', frontmatter: null, tags: [] }, s)).toBe(true);
		expect(isPersonNote({ path: 'CRM/People/Ana.md', frontmatter: null, tags: [] }, s)).toBe(true);
		expect(isPersonNote({ path: 'People/Ana.md', frontmatter: null, tags: [] }, s)).toBe(false);
		expect(isPersonNote({ path: 'Notes/Ana.md', frontmatter: { type: 'person' }, tags: ['person'] }, s)).toBe(false);

		const custom = settingsWith({ personTag: '#contact', markerKey: 'category', markerValue: 'People' });
		expect(isPersonNote({ path: 'Notes/A.md', frontmatter: null, tags: ['contact/friend'] }, custom)).toBe(true);
		expect(isPersonNote({ path: 'Notes/A.md', frontmatter: { category: 'people' }, tags: [] }, custom)).toBe(true);

		const anyValue = settingsWith({ markerKey: 'prm', markerValue: '' });
		expect(isPersonNote({ path: 'Notes/A.md', frontmatter: { prm: 'yes' }, tags: [] }, anyValue)).toBe(true);
		expect(isPersonNote({ path: 'Notes/A.md', frontmatter: { prm: '' }, tags: [] }, anyValue)).toBe(false);
	});
});

describe('frontmatterTags', () => {
	it.each<[Record<string, unknown> | null, string[]]>([
		[null, []],
		[{}, []],
		[{ tags: ['person', '#work'] }, ['person', 'work']],
		[{ tags: 'person, work' }, ['person', 'work']],
		[{ tags: '#person #work' }, ['person', 'work']],
		[{ tag: 'person/work' }, ['person/work']],
		[{ Tags: ['person'] }, ['person']],
		[{ tags: ['person', 'person', null, 3] }, ['person', '3']],
		[{ tags: { a: 1 } }, []],
		[{ type: 'person' }, []],
	])('%j → %j', (fm, want) => {
		expect(frontmatterTags(fm)).toEqual(want);
	});
});
