// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontmatterTags, isPersonNote, membershipMatcher } from '../../src/core/membership';
import { defaultSettings } from '../../src/core/settings';
import type { KindredSettings } from '../../src/core/settings';
import { propertyRuns, settingsWith } from '../builders';

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

	it.each(['Meta/Person template', 'Meta//Person template.md', '/Meta/Person template/', ' Meta/Person template.MD '])(
		'never counts the template for new people named %j, written as the new-person command accepts it',
		(templatePath) => {
			const path = templatePath.includes('.MD') ? 'Meta/Person template.MD' : 'Meta/Person template.md';
			const input = { path, frontmatter: { type: 'person', last_contact: '{{date}}' }, tags: [] };
			expect(isPersonNote(input, settingsWith({ templatePath }))).toBe(false);
			expect(isPersonNote(input, settingsWith({ templatePath: '' }))).toBe(true);
		},
	);

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

describe('the membership matcher (settings normalised once)', () => {
	/** isPersonNote as it was before the matcher: every setting normalised on every call. */
	function reference(path: string, fm: Record<string, unknown> | null, tags: string[], st: KindredSettings, templates: string | null): boolean {
		const strip = (f: string): string => f.trim().replace(/^\/+|\/+$/g, '');
		const inFolder = (f: string): boolean => strip(f) !== '' && path.startsWith(`${strip(f)}/`);
		const norm = (t: string): string => t.trim().replace(/^#/, '').toLowerCase();
		if (!/\.md$/i.test(path)) return false;
		if (templates && inFolder(templates)) return false;
		const template = strip(st.templatePath.split('/').filter((s) => s !== '').join('/'));
		if (template !== '' && (template === path || `${template}.md` === path)) return false;
		if (st.peopleFolders.some(inFolder)) return true;
		const tag = norm(st.personTag);
		if (tag !== '' && tags.some((t) => norm(t) === tag || norm(t).startsWith(`${tag}/`))) return true;
		const key = st.markerKey.trim();
		if (key === '' || !fm || !Object.prototype.hasOwnProperty.call(fm, key)) return false;
		const want = st.markerValue.trim().toLowerCase();
		const values = Array.isArray(fm[key]) ? (fm[key] as unknown[]) : [fm[key]];
		return values.some((v) => {
			if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
			const x = String(v).trim().toLowerCase();
			return want === '' ? x !== '' : x === want;
		});
	}

	const word = fc.constantFrom('People', 'people', 'Person', 'person', 'person/work', 'personal', '#person', '##person', ' Person ', 'Pérson', 'İperson', 'x', '');
	const path = fc
		.tuple(fc.constantFrom('People/', 'people/', 'Templates/', 'Notes/', '', 'People/Work/'), fc.constantFrom('Ana', 'İsa', 'a b'), fc.constantFrom('.md', '.MD', '.mD', '.png', ''))
		.map(([f, n, e]) => f + n + e);
	const value = fc.oneof(word, fc.array(word, { maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null), word.map((w) => `${w}, ${w} #x`));
	const frontmatter = fc.option(fc.dictionary(fc.constantFrom('type', 'tags', 'Tag', 'TAGS', 'kind', 'tag'), value, { maxKeys: 3 }), { nil: null });
	const setting = fc.record({
		peopleFolders: fc.array(fc.constantFrom('People', '/People/', ' people ', '', 'People/Work'), { maxLength: 2 }),
		personTag: word,
		markerKey: fc.constantFrom('type', ' type ', '', 'kind'),
		markerValue: word,
		templatePath: fc.constantFrom('', 'People/Ana.md', '/People/Ana.md/', 'People/Ana', 'People//Ana.md'),
	});

	it('decides every note as the per-call rules did', () => {
		fc.assert(
			fc.property(path, frontmatter, fc.array(word, { maxLength: 3 }), setting, fc.constantFrom(null, 'Templates', '/Templates/', ''), (p, fm, tags, st, templates) => {
				const s = settingsWith(st);
				const want = reference(p, fm, [...tags, ...frontmatterTags(fm)], s, templates);
				expect(isPersonNote({ path: p, frontmatter: fm, tags: [...tags, ...frontmatterTags(fm)] }, s, templates)).toBe(want);
				// The index's way: the path first, then body tags, frontmatter tags, the marker.
				const m = membershipMatcher(s, templates);
				const byPath = m.byPath(p);
				const piecewise = byPath ?? (tags.some((t) => m.isPersonTag(t)) || m.hasPersonTagIn(fm) || m.hasMarker(fm));
				expect(piecewise).toBe(want);
			}),
			{ numRuns: propertyRuns(3000) },
		);
	});

	it('decides a folder as byPath decides each note in it (the start-up walk)', () => {
		const folder = fc.constantFrom('', '/', 'People', 'people', 'People/Work', 'Templates', 'Templates/Sub', 'Notes', 'Peoplex', 'Notes/People');
		fc.assert(
			fc.property(folder, fc.constantFrom('Ana', 'İsa', 'a b', '_template'), setting, fc.constantFrom(null, 'Templates', '/Templates/', ''), (f, name, st, templates) => {
				const m = membershipMatcher(settingsWith(st), templates);
				const dir = f === '' || f === '/' ? '' : `${f}/`;
				const p = `${dir}${name}.md`;
				const verdict = m.byFolder(f);
				const walk = verdict === false || m.isTemplateFile(p) ? false : verdict;
				expect(walk).toBe(m.byPath(p));
			}),
			{ numRuns: propertyRuns(3000) },
		);
	});

	it('is reused while the settings say the same, and sees a setting edited in place', () => {
		const s = settingsWith();
		const m = membershipMatcher(s, null);
		expect(membershipMatcher(settingsWith(), null)).toBe(m);
		expect(isPersonNote({ path: 'Friends/Ana.md', frontmatter: null, tags: [] }, s)).toBe(false);
		s.peopleFolders.push('Friends');
		expect(isPersonNote({ path: 'Friends/Ana.md', frontmatter: null, tags: [] }, s)).toBe(true);
		s.personTag = 'contact';
		expect(isPersonNote({ path: 'Notes/Ana.md', frontmatter: null, tags: ['#contact'] }, s)).toBe(true);
		expect(membershipMatcher(s, 'Templates')).not.toBe(membershipMatcher(s, null));
	});
});
