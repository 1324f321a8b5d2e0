// @vitest-environment happy-dom
/**
 * The live index follows the vault one note at a time: create, change, rename, delete,
 * for person and non-person notes, and rebuilds only on a settings change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Roster } from '../../src/core/roster';
import { readPersonNote } from '../../src/cli/vault';
import { PeopleIndex, describeSearch } from '../../src/obsidian/people-index';
import { StatusBarCount } from '../../src/obsidian/status-bar';
import { freezeToday, makeVault, settingsWith, startIndex } from './harness';

const ana = `---
trust: 4
cadence: monthly
last_contact: 2026-10-01
---
# Ana

## Interactions
- 2026-10-01 (call) Talked about Lisbon.
`;

const other = '# Shopping\n- milk\n';

beforeEach(() => freezeToday('2026-11-23'));
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('building from the metadata cache', () => {
	it('finds people by folder (subfolders too), tag, nested tag and marker, and nothing else', async () => {
		const vault = makeVault({
			'People/Ana.md': ana,
			'People/Work/Ben.md': '---\ntrust: 2\n---\n',
			'Notes/Cleo.md': '---\ntags: [person]\n---\n',
			'Notes/Dan.md': 'Met at the conference. #person/work\n',
			'Notes/Eve.md': '---\ntype: person\n---\n',
			'Notes/Shopping.md': other,
			'Notes/Fay.md': '---\ntype: place\ntags: [personal]\n---\n',
		});
		const index = await startIndex(vault);
		expect(index.ready).toBe(true);
		expect(index.roster.all().map((p) => p.path)).toEqual([
			'Notes/Cleo.md',
			'Notes/Dan.md',
			'Notes/Eve.md',
			'People/Ana.md',
			'People/Work/Ben.md',
		]);
		expect(index.peopleCount).toBe(5);
	});

	it('never lists templates: the templates folder or the template note for new people', async () => {
		const vault = makeVault({
			'Templates/Person.md': '---\ntype: person\ntrust: 3\n---\n',
			'People/_template.md': '---\ntrust: 3\n---\n',
			'People/Ana.md': ana,
		});
		const index = await startIndex(vault, settingsWith({ templatePath: 'People/_template.md' }), 'Templates');
		expect(index.roster.all().map((p) => p.path)).toEqual(['People/Ana.md']);
	});

	it('decides by folder as by path: nested templates, a template note anywhere, the root, an empty block', async () => {
		const vault = makeVault({
			'Templates/Sub/Person.md': '---\ntype: person\n---\n',
			'Notes/Person template.md': '---\ntype: person\ntrust: 3\n---\n',
			'Root person.md': '---\ntags: [person]\n---\n',
			'Root note.md': other,
			'People/Empty.md': '---\n---\n# Empty\n',
			'People/Templates/Ana.md': ana,
		});
		const index = await startIndex(vault, settingsWith({ templatePath: 'Notes/Person template.md' }), 'Templates');
		expect(index.roster.all().map((p) => p.path)).toEqual(['People/Empty.md', 'People/Templates/Ana.md', 'Root person.md']);
		expect(index.get('People/Empty.md')).toMatchObject({ name: 'Empty', cadence: null, problems: [] });
		// A rebuild walks the same way and keeps the same people.
		index.rebuild();
		expect(index.peopleCount).toBe(3);
	});

	it('is ready from frontmatter alone, before any note body is read', async () => {
		const vault = makeVault({ 'People/Ana.md': ana.replace('- 2026-10-01', '- 2026-11-20') });
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const read = vi.spyOn(vault.app.vault, 'cachedRead');
		const index = new PeopleIndex({ app: vault.obsidian, getSettings: () => settingsWith(), pause: () => gate });
		index.load();
		index.start();
		expect(index.ready).toBe(true);
		expect(read).not.toHaveBeenCalled();
		expect(index.dueList('2026-11-23', true)[0].lastContact).toBe('2026-10-01');

		// The background pass then picks up the hand-typed line newer than last_contact.
		const heard = vi.fn();
		index.onChange(heard);
		release();
		await index.logsRead;
		expect(read).toHaveBeenCalledTimes(1);
		expect(heard).toHaveBeenCalled();
		expect(index.dueList('2026-11-23', true)[0].lastContact).toBe('2026-11-20');
	});

	it('reads links to other people, aliases, circles and energy with the bodies, and is complete when the pass is done', async () => {
		const linked = ana.replace(
			'last_contact: 2026-10-01\n',
			'last_contact: 2026-10-01\nknows: ["[[Ben]]", "Ben"]\nintroduced_by: "[[Cleo]]"\naliases: [Annie]\ncircles: [climbing]\nenergy: gives\n',
		);
		const vault = makeVault({ 'People/Ana.md': linked, 'People/Ben.md': '---\ntrust: 2\nknows: ["[[Ana]]"]\n---\n' });
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		// Ben's body cannot be read: his links come from the cache all the same.
		vi.spyOn(vault.app.vault, 'cachedRead').mockImplementation(async (file) => {
			if (file.path === 'People/Ben.md') throw new Error('EIO');
			return vault.app.vault.adapter.read(file.path);
		});
		const index = new PeopleIndex({ app: vault.obsidian, getSettings: () => settingsWith(), pause: () => gate });
		index.load();
		index.start();
		const heard = vi.fn();
		index.onChange(heard);
		// Drawn from the cache: everything the due list shows, no links yet, not complete.
		expect(index.complete).toBe(false);
		const before = index.get('People/Ana.md')!;
		expect([before.trust, before.cadence?.label, before.lastContactField]).toEqual([4, 'monthly', '2026-10-01']);
		expect([before.knows, before.introducedBy, before.problems]).toEqual([[], null, []]);
		// Nor what only the filter, the picker and the review use: read with the body too.
		expect([before.aliases, before.circles, before.energy]).toEqual([[], [], null]);

		release();
		await index.logsRead;
		expect(index.complete).toBe(true);
		expect(heard).toHaveBeenCalled();
		const after = index.get('People/Ana.md')!;
		expect([after.knows, after.introducedBy]).toEqual([['Ben'], 'Cleo']);
		expect([after.aliases, after.circles, after.energy]).toEqual([['Annie'], ['climbing'], 'gives']);
		expect(after.problems.map((p) => `${p.field} ${p.reason}`)).toEqual(['knows is not a link; write it as "[[Name]]"']);
		expect(index.get('People/Ben.md')!.knows).toEqual(['Ana']);
	});

	it('is complete at once, and says so, when there are no people', async () => {
		const index = await startIndex(makeVault({ 'Notes/Shopping.md': other }));
		expect([index.ready, index.complete, index.peopleCount]).toEqual([true, true, 0]);
	});

	it('reads bodies of person notes only in the background pass', async () => {
		const vault = makeVault({ 'People/Ana.md': ana, 'Notes/Shopping.md': other, 'Notes/Recipes.md': other });
		const read = vi.spyOn(vault.app.vault, 'cachedRead');
		await startIndex(vault);
		expect(read.mock.calls.map(([f]) => f.path)).toEqual(['People/Ana.md']);
	});

	it('lists a person whose frontmatter does not parse rather than dropping them', async () => {
		const vault = makeVault({ 'People/Broken.md': '---\ntrust: [4\n---\n' });
		const index = await startIndex(vault);
		expect(index.roster.all().map((p) => p.path)).toEqual(['People/Broken.md']);
	});
});

describe('following changes one note at a time', () => {
	it('adds a person when a note is created, and tells listeners', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const index = await startIndex(vault);
		const heard = vi.fn();
		index.onChange(heard);
		const before = index.revision;
		await vault.create('People/Ben.md', '---\ntrust: 5\n---\n');
		expect(index.get('People/Ben.md')?.trust).toBe(5);
		expect(index.revision).toBeGreaterThan(before);
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('reads a hand-typed log line newer than last_contact from the text the change event hands over', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const index = await startIndex(vault);
		const read = vi.spyOn(vault.app.vault, 'cachedRead');
		const readFull = vi.spyOn(vault.app.vault, 'read');
		await vault.modify('People/Ana.md', ana.replace('## Interactions\n', '## Interactions\n- 2026-11-22 (coffee) Typed by hand.\n'));
		const sp = index.dueList('2026-11-23', true)[0];
		expect(sp.lastContact).toBe('2026-11-22');
		expect(sp.lastEntry?.text).toBe('Typed by hand.');
		expect(read).not.toHaveBeenCalled();
		expect(readFull).not.toHaveBeenCalled();
	});

	it('keeps the revision when a non-person note changes, is created or deleted', async () => {
		const vault = makeVault({ 'People/Ana.md': ana, 'Notes/Shopping.md': other });
		const index = await startIndex(vault);
		const heard = vi.fn();
		index.onChange(heard);
		const before = index.revision;
		await vault.modify('Notes/Shopping.md', `${other}- eggs\n`);
		await vault.create('Notes/Ideas.md', '# Ideas\n');
		await vault.remove('Notes/Shopping.md');
		expect(index.revision).toBe(before);
		expect(heard).not.toHaveBeenCalled();
	});

	it('keeps the revision when a person note changes in a way that does not change the person', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const index = await startIndex(vault);
		const before = index.revision;
		await vault.modify('People/Ana.md', ana.replace('# Ana', '# Ana Ruiz\n\nLikes climbing.'));
		expect(index.revision).toBe(before);
	});

	it('adds and drops a note as it gains and loses the person tag or marker', async () => {
		const vault = makeVault({ 'Notes/Cleo.md': '# Cleo\n' });
		const index = await startIndex(vault);
		await vault.modify('Notes/Cleo.md', '# Cleo\n#person\n');
		expect(index.isPerson('Notes/Cleo.md')).toBe(true);
		await vault.modify('Notes/Cleo.md', '# Cleo\n');
		expect(index.isPerson('Notes/Cleo.md')).toBe(false);
		await vault.modify('Notes/Cleo.md', '---\ntype: person\n---\n# Cleo\n');
		expect(index.isPerson('Notes/Cleo.md')).toBe(true);
	});

	it('removes a deleted person', async () => {
		const vault = makeVault({ 'People/Ana.md': ana, 'People/Ben.md': '---\ntrust: 2\n---\n' });
		const index = await startIndex(vault);
		const before = index.revision;
		await vault.remove('People/Ana.md');
		expect(index.isPerson('People/Ana.md')).toBe(false);
		expect(index.peopleCount).toBe(1);
		expect(index.revision).toBeGreaterThan(before);
	});
});

describe('renames', () => {
	it('moves a person within the people folder, keeping the log read from the body', async () => {
		const vault = makeVault({ 'People/Ana.md': ana.replace('- 2026-10-01', '- 2026-11-20') });
		const index = await startIndex(vault);
		await vault.rename('People/Ana.md', 'People/Ana Ruiz.md');
		expect(index.isPerson('People/Ana.md')).toBe(false);
		const moved = index.get('People/Ana Ruiz.md');
		expect(moved?.name).toBe('Ana Ruiz');
		expect(moved?.log[0]?.date).toBe('2026-11-20');
	});

	it('adds a note renamed into the people folder, reading its log, and drops one renamed out of it', async () => {
		const vault = makeVault({
			'Inbox/Ben.md': '---\ntrust: 3\n---\n## Interactions\n- 2026-11-02 (call) Hi.\n',
			'People/Ana.md': ana,
		});
		const index = await startIndex(vault);
		await vault.rename('Inbox/Ben.md', 'People/Ben.md');
		expect(index.get('People/Ben.md')?.trust).toBe(3);
		await index.logsRead;
		expect(index.get('People/Ben.md')?.log.map((e) => e.text)).toEqual(['Hi.']);
		await vault.rename('People/Ana.md', 'Archive/Ana.md');
		expect(index.isPerson('People/Ana.md')).toBe(false);
		expect(index.isPerson('Archive/Ana.md')).toBe(false);
		expect(index.roster.all().map((p) => p.path)).toEqual(['People/Ben.md']);
	});

	it('keeps a tagged person who moves out of the people folder', async () => {
		const vault = makeVault({ 'People/Cleo.md': '---\ntags: person\ntrust: 4\n---\n' });
		const index = await startIndex(vault);
		await vault.rename('People/Cleo.md', 'Notes/Cleo.md');
		expect(index.get('Notes/Cleo.md')?.trust).toBe(4);
	});

	it('follows a whole folder of people being renamed', async () => {
		const vault = makeVault({ 'People/Work/Ana.md': ana, 'People/Work/Ben.md': '---\ntrust: 2\n---\n' });
		const index = await startIndex(vault, settingsWith({ peopleFolders: ['People'] }));
		await vault.rename('People/Work', 'People/Office');
		expect(index.roster.all().map((p) => p.path)).toEqual(['People/Office/Ana.md', 'People/Office/Ben.md']);
		await vault.rename('People/Office', 'Old');
		expect(index.peopleCount).toBe(0);
	});
});

describe('settings', () => {
	it('rebuilds on a settings change, and the revision moves even when no person did', async () => {
		let settings = settingsWith();
		const vault = makeVault({ 'People/Ana.md': ana, 'Friends/Ben.md': '---\ntrust: 2\n---\n' });
		const index = await startIndex(vault, () => settings);
		expect(index.peopleCount).toBe(1);

		settings = settingsWith({ peopleFolders: ['People', 'Friends'] });
		index.rebuild();
		await index.logsRead;
		expect(index.peopleCount).toBe(2);

		const before = index.revision;
		settings = settingsWith({ peopleFolders: ['People', 'Friends'], soonWindowDays: 30 });
		index.rebuild();
		expect(index.revision).toBeGreaterThan(before);
	});

	it('re-reads logs under a new log heading', async () => {
		let settings = settingsWith();
		const text = ana.replace('## Interactions', '## Log').replace('- 2026-10-01', '- 2026-11-20');
		const vault = makeVault({ 'People/Ana.md': text });
		const index = await startIndex(vault, () => settings);
		expect(index.get('People/Ana.md')?.log).toEqual([]);
		settings = settingsWith({ logHeading: '## Log' });
		index.rebuild();
		await index.logsRead;
		expect(index.get('People/Ana.md')?.log[0]?.date).toBe('2026-11-20');
	});

	it('says what was searched, for the empty state', () => {
		expect(describeSearch(settingsWith())).toBe(
			'Looked for notes in the folder "People", notes tagged #person and notes with "type: person" in their properties.',
		);
		expect(describeSearch(settingsWith({ peopleFolders: ['A', 'B'], personTag: '', markerKey: '' }))).toBe(
			'Looked for notes in the folders "A", "B".',
		);
		expect(describeSearch(settingsWith({ peopleFolders: [], personTag: '', markerKey: '' }))).toMatch(/No folder, tag or property/);
	});
});

describe('the due list', () => {
	it('orders people for today from the roster', async () => {
		const vault = makeVault({
			'People/Ana.md': ana, // monthly from 2026-10-01: overdue
			'People/Ben.md': '---\ntrust: 5\n---\n', // never contacted
			'People/Cleo.md': '---\ncadence: weekly\nlast_contact: 2026-11-20\n---\n', // due 11-27: soon
			'People/Dan.md': '---\ncadence: yearly\nlast_contact: 2026-11-01\n---\n', // ok
		});
		const index = await startIndex(vault);
		expect(index.dueList('2026-11-23').map((sp) => [sp.person.name, sp.status])).toEqual([
			['Ana', 'overdue'],
			['Ben', 'never'],
			['Cleo', 'soon'],
		]);
		expect(index.dueList('2026-11-23', true).map((sp) => sp.person.name)).toEqual(['Ana', 'Ben', 'Cleo', 'Dan']);
	});

	it('stops the background pass and forgets listeners on unload', async () => {
		const vault = makeVault({ 'People/Ana.md': ana });
		const index = await startIndex(vault);
		const heard = vi.fn();
		index.onChange(heard);
		index.unload();
		await vault.create('People/Ben.md', '---\ntrust: 5\n---\n');
		expect(heard).not.toHaveBeenCalled();
		expect(index.isPerson('People/Ben.md')).toBe(false);
	});
});

describe('telling listeners during the background pass', () => {
	/** 200 person notes with a log line newer than last_contact: five batches, each moving the revision. */
	function manyPeople(): Record<string, string> {
		const files: Record<string, string> = {};
		for (let i = 0; i < 200; i++) files[`People/P${i}.md`] = ana.replace('- 2026-10-01', '- 2026-11-20');
		return files;
	}

	async function passHeard(clock: () => number): Promise<{ heard: number; index: PeopleIndex }> {
		vi.spyOn(performance, 'now').mockImplementation(clock);
		const vault = makeVault(manyPeople());
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let first = true;
		const index = new PeopleIndex({
			app: vault.obsidian,
			getSettings: () => settingsWith(),
			// The first pause waits for the listener below; the rest return at once.
			pause: () => (first ? ((first = false), gate) : Promise.resolve()),
		});
		index.load();
		index.start();
		let heard = 0;
		index.onChange(() => heard++);
		release();
		await index.logsRead;
		return { heard, index };
	}

	it('tells them once, at the end, when the pass takes under a second', async () => {
		const { heard, index } = await passHeard(() => 0);
		expect(heard).toBe(1);
		expect(index.dueList('2026-11-23', true)[0].lastContact).toBe('2026-11-20');
	});

	it('tells them about once a second while a long pass runs, and not again at the end when nothing moved since', async () => {
		let t = 0;
		const { heard } = await passHeard(() => (t += 2000));
		expect(heard).toBe(5);
	});

	it('still tells them of a changed note at once during the pass', async () => {
		vi.spyOn(performance, 'now').mockReturnValue(0);
		const vault = makeVault(manyPeople());
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const index = new PeopleIndex({ app: vault.obsidian, getSettings: () => settingsWith(), pause: () => gate });
		index.load();
		index.start();
		const heard = vi.fn();
		index.onChange(heard);
		await vault.create('People/New.md', '---\ntrust: 5\n---\n');
		expect(heard).toHaveBeenCalledTimes(1);
		release();
		await index.logsRead;
		expect(heard).toHaveBeenCalledTimes(2);
	});

	it('computes no due list while starting, even with the status bar listening', async () => {
		const dueList = vi.spyOn(Roster.prototype, 'dueList');
		const vault = makeVault(manyPeople());
		const index = new PeopleIndex({ app: vault.obsidian, getSettings: () => settingsWith(), pause: () => Promise.resolve() });
		index.load();
		const bar = new StatusBarCount(document.body.createDiv(), { index, now: () => new Date(), onClick: () => {} });
		bar.load();
		index.start();
		expect(dueList).not.toHaveBeenCalled();
		await index.logsRead;
		// The bar counts on the next frame, once, for the start and the whole pass.
		await new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve()));
		expect(dueList).toHaveBeenCalledTimes(1);
		bar.unload();
	});
});

describe('what only the note text tells', () => {
	it('marks a person invalid when the frontmatter does not parse, naming the reason', async () => {
		const vault = makeVault({ 'People/Broken.md': '---\ntrust: [4\n---\n# Broken\n' });
		const index = await startIndex(vault);
		const [sp] = index.dueList('2026-11-23');
		expect(sp.status).toBe('invalid');
		// The line is counted in the note (2: the list left open), not in the YAML block.
		expect(sp.problems[0]).toMatchObject({ field: 'frontmatter', reason: expect.stringMatching(/^is not valid YAML \(line 2: /) as string });
		// Fixing it clears the problem on the next change.
		await vault.modify('People/Broken.md', '---\ntrust: 4\n---\n# Broken\n');
		expect(index.dueList('2026-11-23')[0].status).toBe('never');
	});

	it.each([
		['---yaml', '---yaml\ntrust: 4\n---\n# Ana\n', 'opens with "---yaml", which Obsidian does not read as properties; write the first line as --- alone'],
		['a --- never closed', '---\ntrust: 4\n\n# Ana\n', 'opens with --- but has no closing --- line, so none of its properties are read'],
	])('says why properties under %s are not read, as the command line does, rather than showing no cadence', async (_, text, reason) => {
		const vault = makeVault({ 'People/Ana.md': text });
		const index = await startIndex(vault);
		const [sp] = index.dueList('2026-11-23');
		expect(sp.status).toBe('invalid');
		expect(sp.problems).toEqual([{ field: 'frontmatter', value: '', reason }]);
		expect(readPersonNote('People/Ana.md', new TextEncoder().encode(text), settingsWith(), null)?.problems).toEqual(sp.problems);
	});

	it.each(['---', '---yaml', '---\rtrust: 3\r---\r', '--- yaml\ntrust: 4\n---\n', '---\ntrust: 4\n'])(
		'reads %j as the command line does: the same problems, or none',
		async (text) => {
			const vault = makeVault({ 'People/Ana.md': text });
			const index = await startIndex(vault);
			const cli = readPersonNote('People/Ana.md', new TextEncoder().encode(text), settingsWith(), null);
			expect(index.get('People/Ana.md')?.problems).toEqual(cli?.problems);
			expect(index.get('People/Ana.md')?.invalid).toBe(cli?.invalid);
		},
	);

	it('reports a log line with an impossible date without blocking the person', async () => {
		const vault = makeVault({ 'People/Ana.md': ana.replace('## Interactions\n', '## Interactions\n- 2026-02-30 (call) Typo.\n') });
		const index = await startIndex(vault);
		const sp = index.dueList('2026-11-23', true)[0];
		expect(sp.status).toBe('overdue');
		expect(sp.problems.map((p) => p.field)).toEqual(['log']);
	});
});
