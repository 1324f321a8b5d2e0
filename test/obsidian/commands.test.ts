// @vitest-environment happy-dom
/**
 * Each command's effect on the note's text, driven through the real modals the way a
 * user would: fill the fields, press Enter or click.
 */
import type { Command } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dueList } from '../../src/core/schedule';
import type { KindredSettings } from '../../src/core/settings';
import { KindredActions } from '../../src/obsidian/actions';
import { CalendarExport } from '../../src/obsidian/calendar-export';
import { registerCommands } from '../../src/obsidian/commands';
import { LogModal } from '../../src/obsidian/log-modal';
import { NewPersonModal } from '../../src/obsidian/new-person-modal';
import { PeopleIndex } from '../../src/obsidian/people-index';
import { PersonPicker } from '../../src/obsidian/person-picker';
import { SnoozeModal } from '../../src/obsidian/snooze-modal';
import { NoteWriter } from '../../src/obsidian/writer';
import { PersonBuilder } from '../builders';
import {
	activate,
	byLabel,
	captureModals,
	captureNotices,
	freezeToday,
	makeVault,
	pressEnter,
	settingsWith,
	startIndex,
} from './harness';

const ana = `---
trust: 4
last_contact: 2026-10-01
---
# Ana

## Interactions
- 2026-10-01 (call) Lisbon.
`;
const ben = '---\ntrust: 5\naliases: [Benny]\n---\n# Ben\n';

async function setup(files: Record<string, string>, changes: Partial<KindredSettings> = {}) {
	const settings = settingsWith(changes);
	const vault = makeVault(files);
	const index = await startIndex(vault, () => settings);
	const writer = new NoteWriter({ vault: vault.obsidian.vault, getSettings: () => settings, now: () => new Date() });
	const saveSettings = vi.fn(() => Promise.resolve());
	const actions = new KindredActions({
		app: vault.obsidian,
		index,
		writer,
		getSettings: () => settings,
		saveSettings,
		now: () => new Date(),
	});
	const notes: string[] = [];
	const calendar = new CalendarExport({
		vault: vault.obsidian.vault,
		index,
		getSettings: () => settings,
		now: () => new Date(),
		notify: (m) => notes.push(m),
	});
	const commands = new Map<string, Command>();
	registerCommands({ addCommand: (c) => (commands.set(c.id, c), c) }, actions, calendar);
	const run = (id: string): void => {
		const c = commands.get(id);
		if (!c) throw new Error(`no command ${id}`);
		if (c.callback) c.callback();
		else expect(c.checkCallback?.(false)).toBe(true);
	};
	return { settings, vault, index, writer, actions, calendar, notes, commands, saveSettings, run };
}

beforeEach(() => freezeToday('2026-11-23'));
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('the commands', () => {
	it('are sentence case, have no hotkeys and ids without the plugin name', async () => {
		const { commands } = await setup({});
		expect([...commands.keys()]).toEqual([
			'open-due-view',
			'log-touchpoint-active',
			'log-touchpoint',
			'mark-contacted-today',
			'snooze-active',
			'new-person',
			'open-network-review',
			'archive-active',
			'show-problems',
			'export-calendar',
		]);
		for (const c of commands.values()) {
			expect(c.hotkeys).toBeUndefined();
			expect(c.id).not.toMatch(/kindred|command/i);
			expect(c.name).toMatch(/^[A-Z][^A-Z]*$/);
		}
	});

	it('offers the "this person" commands only while the active note is a person', async () => {
		const { vault, commands } = await setup({ 'People/Ana.md': ana, 'Notes/Shopping.md': '# list\n' });
		const personCommands = ['log-touchpoint-active', 'mark-contacted-today', 'snooze-active', 'archive-active'];
		for (const id of personCommands) expect(commands.get(id)?.checkCallback?.(true)).toBe(false);
		await activate(vault, 'Notes/Shopping.md');
		for (const id of personCommands) expect(commands.get(id)?.checkCallback?.(true)).toBe(false);
		await activate(vault, 'People/Ana.md');
		for (const id of personCommands) expect(commands.get(id)?.checkCallback?.(true)).toBe(true);
	});

	/** Ana's note active, and the log modal opened on it from the command. */
	async function logModalForAna() {
		const ctx = await setup({ 'People/Ana.md': ana });
		const modals = captureModals();
		await activate(ctx.vault, 'People/Ana.md');
		ctx.run('log-touchpoint-active');
		return { ...ctx, modal: modals[0], el: modals[0].contentEl };
	}

	it('logs a touchpoint with the active person from the modal, Enter in the note field submitting', async () => {
		const { vault, writer, settings, saveSettings, modal, el } = await logModalForAna();
		expect(modal).toBeInstanceOf(LogModal);
		expect(byLabel<HTMLInputElement>(el, 'Date').value).toBe('2026-11-23');
		expect(byLabel<HTMLSelectElement>(el, 'Channel').value).toBe('call');
		byLabel<HTMLSelectElement>(el, 'Channel').value = 'coffee';
		byLabel<HTMLSelectElement>(el, 'Exchange').value = 'gave';
		const note = byLabel<HTMLInputElement>(el, 'Note');
		note.value = 'Intro to a designer.';
		pressEnter(note);
		await writer.idle();
		await vi.waitFor(() => expect(saveSettings).toHaveBeenCalled());
		expect(await vault.read('People/Ana.md')).toBe(
			ana.replace('last_contact: 2026-10-01', 'last_contact: 2026-11-23').replace(
				'## Interactions\n',
				'## Interactions\n- 2026-11-23 (coffee) Gave: Intro to a designer.\n',
			),
		);
		// The channel is remembered for next time.
		expect(settings.lastChannel).toBe('coffee');
	});

	it('back-dates a touchpoint with the submit button, and refuses a future or missing date inline', async () => {
		const { vault, writer, el } = await logModalForAna();
		const date = byLabel<HTMLInputElement>(el, 'Date');
		const submit = byLabel<HTMLButtonElement>(el, 'Log touchpoint');
		date.value = '2026-11-24';
		submit.click();
		expect(el.querySelector('[role="alert"]')?.textContent).toBe('A touchpoint cannot be dated after today.');
		// A date input holds no impossible date: it reads as empty (the pure check covers text input).
		date.value = '2026-02-30';
		submit.click();
		expect(el.querySelector('[role="alert"]')?.textContent).toBe('Enter the date of the touchpoint.');
		expect(await vault.read('People/Ana.md')).toBe(ana);
		date.value = '2026-11-01';
		submit.click();
		await writer.idle();
		const text = await vault.read('People/Ana.md');
		expect(text).toContain('last_contact: 2026-11-01');
		expect(text).toContain('- 2026-11-01 (call)\n- 2026-10-01 (call) Lisbon.');
	});

	it('takes the new day\'s date from a modal left open across midnight', async () => {
		const { vault, writer, el } = await logModalForAna();
		vi.setSystemTime(new Date('2026-11-24T00:30:00'));
		byLabel<HTMLInputElement>(el, 'Date').value = '2026-11-24';
		byLabel<HTMLButtonElement>(el, 'Log touchpoint').click();
		await writer.idle();
		await vi.waitFor(async () => expect(await vault.read('People/Ana.md')).toContain('last_contact: 2026-11-24'));
		expect(el.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
	});

	it('keeps the modal open with everything typed when the write is refused, and says why there', async () => {
		const { vault, writer, el } = await logModalForAna();
		const notices = captureNotices();
		const note = byLabel<HTMLInputElement>(el, 'Note');
		note.value = 'A long talk about Lisbon.';
		// The note breaks while the modal is open (sync, another editor).
		const broken = ana.replace('last_contact: 2026-10-01', 'last_contact: [2026-10-01');
		await vault.modify('People/Ana.md', broken);
		const date = byLabel<HTMLInputElement>(el, 'Date');
		date.value = '2026-11-24';
		pressEnter(note);
		expect(date.getAttribute('aria-invalid')).toBe('true');
		date.value = '2026-11-23';
		pressEnter(note);
		await writer.idle();
		await vi.waitFor(() => expect(el.querySelector('[role="alert"]')?.textContent).toMatch(/^People\/Ana\.md: cannot log: /));
		expect(await vault.read('People/Ana.md')).toBe(broken);
		expect(el.contains(note)).toBe(true);
		expect(note.value).toBe('A long talk about Lisbon.');
		expect(byLabel<HTMLButtonElement>(el, 'Log touchpoint').disabled).toBe(false);
		expect(date.hasAttribute('aria-invalid')).toBe(false);
		expect(notices).toHaveLength(1);
		// Fixed, the same modal logs what was typed, then closes.
		await vault.modify('People/Ana.md', ana);
		byLabel<HTMLButtonElement>(el, 'Log touchpoint').click();
		await writer.idle();
		await vi.waitFor(() => expect(el.contains(note)).toBe(false));
		expect(await vault.read('People/Ana.md')).toContain('- 2026-11-23 (call) A long talk about Lisbon.\n');
	});

	it('lists everyone whose note has a problem, due or up to date, by name, and opens the one chosen', async () => {
		const { vault, run, index } = await setup({
			'People/Ana.md': ana, // overdue, no problem
			'People/Cleo.md': '---\ncadence: yearly\nlast_contact: 2026-11-01\ncircles: {a: 1}\n---\n# Cleo\n', // up to date
			'People/Ben.md': '---\ntrust: 5\nenergy: loud\n---\n# Ben\n\n## Interactions\n- 2026-11-20: coffee\n', // never contacted
			// Up to date, with a log line dated after today: a problem on this day.
			'People/Dee.md': '---\ncadence: yearly\nlast_contact: 2026-11-01\n---\n# Dee\n\n## Interactions\n- 2026-12-24 Typo.\n',
		});
		const modals = captureModals();
		run('show-problems');
		await vi.waitFor(() => expect(modals).toHaveLength(1));
		const picker = modals[0] as unknown as PersonPicker;
		expect(picker).toBeInstanceOf(PersonPicker);
		// Ben's log line is read by the background pass, which the list waits for.
		expect(picker.getItems().map((i) => i.label)).toEqual([
			'Ben — 2 problems: energy "loud" must be one of gives, neutral, drains',
			'Cleo — circles "{"a":1}" must be a word or a list of words',
			'Dee — log "2026-12-24" is dated after today (2026-11-23)',
		]);
		expect(index.problemCount('2026-11-23')).toBe(3);
		picker.onChooseItem(picker.getItems()[1]);
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('People/Cleo.md'));
	});

	it('waits for the notes to be read before listing problems, opens one list however often asked, and says when it cannot', async () => {
		const { vault, writer } = await setup({});
		const modals = captureModals();
		const notices = captureNotices();
		const cleo = new PersonBuilder('People/Cleo.md').cadence('yearly').set('circles', { a: 1 }).build();
		let finish = (): void => {};
		const index = {
			ready: true,
			complete: false,
			logsRead: new Promise<void>((resolve) => (finish = resolve)),
			get: () => undefined,
			dueList: (today: string, all?: boolean) => dueList([cleo], today, settingsWith(), { all }),
			roster: { all: () => [cleo] },
			// The index's own waiting, over this stand-in's fields.
			whenComplete(): Promise<boolean> {
				return PeopleIndex.prototype.whenComplete.call(this as unknown as PeopleIndex);
			},
		};
		const actions = new KindredActions({ app: vault.obsidian, index, writer, getSettings: () => settingsWith(), saveSettings: () => Promise.resolve(), now: () => new Date() });
		const first = actions.showProblems();
		const second = actions.showProblems();
		await Promise.resolve();
		expect(modals).toHaveLength(0);
		index.complete = true;
		finish();
		await Promise.all([first, second]);
		expect(modals).toHaveLength(1);
		expect((modals[0] as unknown as PersonPicker).getItems().map((i) => i.label)).toEqual(['Cleo — circles "{"a":1}" must be a word or a list of words']);
		// A reading that stopped short (the plugin turned off) and an index not built yet: said, no list.
		index.complete = false;
		index.logsRead = Promise.resolve();
		await actions.showProblems();
		index.ready = false;
		await actions.showProblems();
		expect(modals).toHaveLength(1);
		expect(notices).toEqual([
			'Kindred is still reading your people; try again in a moment.',
			'Kindred is still reading your people; try again in a moment.',
		]);
	});

	it('says so when no person note has a problem, with no empty list', async () => {
		const { run } = await setup({ 'People/Ana.md': ana });
		const modals = captureModals();
		const notices = captureNotices();
		run('show-problems');
		await vi.waitFor(() => expect(notices).toEqual(['Every person note reads without a problem.']));
		expect(modals).toHaveLength(0);
	});

	it('logs with someone picked by name or alias, most urgent first', async () => {
		const { vault, writer, run } = await setup({
			'People/Ana.md': ana, // overdue
			'People/Ben.md': ben, // never contacted
			'People/Cleo.md': '---\ncadence: yearly\nlast_contact: 2026-11-01\n---\n', // up to date
		});
		const modals = captureModals();
		run('log-touchpoint');
		const picker = modals[0] as unknown as PersonPicker;
		expect(picker).toBeInstanceOf(PersonPicker);
		expect(picker.getItems().map((i) => i.label)).toEqual(['Ana', 'Ben', 'Benny (Ben)', 'Cleo']);
		picker.onChooseItem(picker.getItems()[2]);
		const log = modals[1] as unknown as LogModal;
		expect(log.titleEl.textContent).toBe('Log a touchpoint with Ben');
		byLabel<HTMLInputElement>(log.contentEl, 'Note').value = 'First call.';
		byLabel<HTMLButtonElement>(log.contentEl, 'Log touchpoint').click();
		await writer.idle();
		expect(await vault.read('People/Ben.md')).toBe(
			'---\ntrust: 5\naliases: [Benny]\nlast_contact: 2026-11-23\n---\n# Ben\n\n## Interactions\n- 2026-11-23 (call) First call.\n',
		);
	});

	it('marks the active person contacted today without a modal, once a day, and says so', async () => {
		const { vault, writer, run, index } = await setup({ 'People/Ana.md': ana });
		const modals = captureModals();
		const notices = captureNotices();
		await activate(vault, 'People/Ana.md');
		run('mark-contacted-today');
		// Pressed again at once, before the index has heard of the write: no second line.
		run('mark-contacted-today');
		await writer.idle();
		await vi.waitFor(() => expect(notices).toHaveLength(2));
		run('mark-contacted-today');
		await writer.idle();
		expect(modals).toHaveLength(0);
		const marked = ana.replace('last_contact: 2026-10-01', 'last_contact: 2026-11-23').replace('## Interactions\n', '## Interactions\n- 2026-11-23\n');
		expect(await vault.read('People/Ana.md')).toBe(marked);
		expect(notices).toEqual(['Ana is already marked contacted today.', 'Marked Ana contacted today.', 'Ana is already marked contacted today.']);
		// The line undone in the editor, a while later: it can be marked again.
		await vault.modify('People/Ana.md', ana);
		await vi.waitFor(() => expect(index.get('People/Ana.md')?.lastContactField).toBe('2026-10-01'));
		vi.setSystemTime(new Date('2026-11-23T12:00:06'));
		run('mark-contacted-today');
		await vi.waitFor(() => expect(notices).toHaveLength(4));
		await writer.idle();
		expect(notices[3]).toBe('Marked Ana contacted today.');
		expect(await vault.read('People/Ana.md')).toBe(marked);
	});

	it.each([
		['One week', '2026-11-30'],
		['One month', '2026-12-23'],
	])('snoozes the active person: %s', async (button, until) => {
		const { vault, writer, run } = await setup({ 'People/Ana.md': ana });
		const modals = captureModals();
		await activate(vault, 'People/Ana.md');
		run('snooze-active');
		expect(modals[0]).toBeInstanceOf(SnoozeModal);
		byLabel<HTMLButtonElement>(modals[0].contentEl, button).click();
		await writer.idle();
		expect(await vault.read('People/Ana.md')).toBe(ana.replace('last_contact: 2026-10-01\n', `last_contact: 2026-10-01\nsnooze_until: ${until}\n`));
	});

	it('snoozes until a date, refusing today or earlier', async () => {
		const { vault, writer, run } = await setup({ 'People/Ana.md': ana });
		const modals = captureModals();
		await activate(vault, 'People/Ana.md');
		run('snooze-active');
		const el = modals[0].contentEl;
		const date = byLabel<HTMLInputElement>(el, 'Snooze until');
		date.value = '2026-11-23';
		pressEnter(date);
		expect(el.querySelector('[role="alert"]')?.textContent).toBe('Pick a date after today.');
		date.value = '2027-01-15';
		byLabel<HTMLButtonElement>(el, 'Snooze until date').click();
		await writer.idle();
		expect(await vault.read('People/Ana.md')).toContain('snooze_until: 2027-01-15\n');
	});
});

describe('archive this person', () => {
	const cleo = `---
trust: 2
status: active # was a target
last_contact: 2024-01-10
energy: drains
---
# Cleo

## Interactions
- 2024-01-10 (call) Long call.
`;

	it('writes status: archived and nothing else, then is no longer offered for that note', async () => {
		const { vault, writer, run, commands, index, actions } = await setup({ 'People/Cleo.md': cleo, 'People/Ana.md': ana });
		const notices = captureNotices();
		await activate(vault, 'People/Cleo.md');
		expect(commands.get('archive-active')?.checkCallback?.(true)).toBe(true);
		run('archive-active');
		await writer.idle();
		expect(await vault.read('People/Cleo.md')).toBe(cleo.replace('status: active #', 'status: archived #'));
		await vi.waitFor(() => expect(index.get('People/Cleo.md')?.status).toBe('archived'));
		expect(notices).toEqual(['Archived Cleo. The note and its history are kept.']);
		// Already archived: the command is not offered; another person still is.
		expect(commands.get('archive-active')?.checkCallback?.(true)).toBe(false);
		await activate(vault, 'People/Ana.md');
		expect(commands.get('archive-active')?.checkCallback?.(true)).toBe(true);
		// Asked again (a second click that beat the index): nothing written, and not "Archived".
		const before = await vault.read('People/Cleo.md');
		const again = await actions.archive('People/Cleo.md');
		expect(again).toEqual({ ok: true, changed: false });
		expect(await vault.read('People/Cleo.md')).toBe(before);
		expect(notices.at(-1)).toBe('Cleo is already archived.');
	});

	it('adds the status key when the note has none, leaving the rest byte for byte', async () => {
		const { vault, writer, run } = await setup({ 'People/Ana.md': ana });
		await activate(vault, 'People/Ana.md');
		run('archive-active');
		await writer.idle();
		expect(await vault.read('People/Ana.md')).toBe(ana.replace('last_contact: 2026-10-01\n', 'last_contact: 2026-10-01\nstatus: archived\n'));
	});

	it('refuses a note whose frontmatter cannot be edited safely, and says why', async () => {
		const broken = '---\ntrust: 2\nstatus: [active\n---\n';
		const { vault, writer, actions } = await setup({ 'People/Broken.md': broken });
		const notices = captureNotices();
		const result = await actions.archive('People/Broken.md');
		await writer.idle();
		expect(result?.ok).toBe(false);
		expect(await vault.read('People/Broken.md')).toBe(broken);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^People\/Broken\.md: /);
	});
});

describe('export reconnect calendar', () => {
	it('writes the calendar and says where and how many events', async () => {
		const { vault, run, calendar, notes } = await setup({ 'People/Ana.md': ana, 'People/Ben.md': ben });
		run('export-calendar');
		await vi.waitFor(() => expect(notes).toHaveLength(1));
		await calendar.idle();
		const ics = await vault.read('Kindred/reconnect.ics');
		expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(notes).toEqual(['Exported the reconnect calendar: 2 events in Kindred/reconnect.ics.']);
	});
});

describe('new person', () => {
	async function create(changes: Partial<KindredSettings>, files: Record<string, string>, name: string) {
		const ctx = await setup(files, changes);
		const modals = captureModals();
		const notices = captureNotices();
		ctx.run('new-person');
		const modal = modals[0] as unknown as NewPersonModal;
		expect(modal).toBeInstanceOf(NewPersonModal);
		const input = byLabel<HTMLInputElement>(modal.contentEl, 'Name');
		input.value = name;
		pressEnter(input);
		return { ...ctx, modal, notices };
	}

	it('creates a minimal person note in the first people folder and opens it', async () => {
		const { vault, index } = await create({}, {}, 'Ana Ruiz');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('People/Ana Ruiz.md'));
		expect(await vault.read('People/Ana Ruiz.md')).toBe('---\ntrust: 3\n---\n\n## Interactions\n');
		expect(index.dueList('2026-11-23').map((sp) => [sp.person.name, sp.status])).toEqual([['Ana Ruiz', 'never']]);
	});

	it('copies the template, filling in the title and date', async () => {
		const template = '---\ntype: person\ntrust: 2\n---\n# {{title}}\nAdded {{date}}\n';
		const { vault } = await create({ templatePath: 'Templates/Person.md' }, { 'Templates/Person.md': template }, 'Ben Ode');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('People/Ben Ode.md'));
		expect(await vault.read('People/Ben Ode.md')).toBe('---\ntype: person\ntrust: 2\n---\n# Ben Ode\nAdded 2026-11-23\n');
	});

	it('without a people folder, marks the note as a person', async () => {
		const { vault, index } = await create({ peopleFolders: [] }, {}, 'Cleo');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('Cleo.md'));
		expect(await vault.read('Cleo.md')).toBe('---\ntype: person\ntrust: 3\n---\n\n## Interactions\n');
		expect(index.isPerson('Cleo.md')).toBe(true);
	});

	it('without a people folder, adds the marker to a template that holds neither it nor the tag', async () => {
		const template = '---\ntrust: 2 # a friend\n---\n# {{title}}\n';
		const { vault, index } = await create({ peopleFolders: [], templatePath: 'Templates/Person.md' }, { 'Templates/Person.md': template }, 'Cleo');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('Cleo.md'));
		expect(await vault.read('Cleo.md')).toBe('---\ntrust: 2 # a friend\ntype: person\n---\n# Cleo\n');
		await vi.waitFor(() => expect(index.isPerson('Cleo.md')).toBe(true));
		// A template that is a person by its tag is copied as it is.
		const tagged = '---\ntrust: 2\n---\n# {{title}} #person\n';
		const other = await create({ peopleFolders: [], templatePath: 'Templates/Tagged.md' }, { 'Templates/Tagged.md': tagged }, 'Dev');
		await vi.waitFor(() => expect(other.vault.app.workspace.getActiveFile()?.path).toBe('Dev.md'));
		expect(await other.vault.read('Dev.md')).toBe('---\ntrust: 2\n---\n# Dev #person\n');
	});

	it('without a people folder or a marker, refuses a template without the person tag, saying why', async () => {
		const template = '---\ntrust: 2\n---\n# {{title}}\n';
		const { vault, notices } = await create({ peopleFolders: [], markerKey: '', templatePath: 'Templates/Person.md' }, { 'Templates/Person.md': template }, 'Cleo');
		await vi.waitFor(() => expect(notices).toHaveLength(1));
		expect(notices[0]).toBe(
			'The template for new people, Templates/Person.md, cannot be used: it has no #person tag, and with no people folder set the new note would not be a person; add the tag to the template.',
		);
		expect(vault.app.vault.getFileByPath('Cleo.md')).toBeNull();
	});

	it('fills a name with $ in it as text, and {{time}}; refuses a template with a format of its own', async () => {
		const template = '---\ntype: person\n---\n# {{title}}\nAdded {{date}} {{time}}\n';
		const { vault } = await create({ templatePath: 'Templates/Person' }, { 'Templates/Person.md': template }, "Ke$$ha $& $'x");
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe("People/Ke$$ha $& $'x.md"));
		expect(await vault.read("People/Ke$$ha $& $'x.md")).toMatch(/^---\ntype: person\n---\n# Ke\$\$ha \$& \$'x\nAdded 2026-11-23 \d\d:\d\d\n$/);

		const dated = '---\ncreated: {{date:YYYY-MM-DD}}\n---\n';
		const other = await create({ templatePath: 'Templates/Dated.md' }, { 'Templates/Dated.md': dated }, 'Ben');
		await vi.waitFor(() => expect(other.notices).toHaveLength(1));
		expect(other.notices[0]).toBe(
			'The template for new people, Templates/Dated.md, cannot be used: it asks for {{date:YYYY-MM-DD}}, a format Kindred cannot fill in; use {{date}} instead.',
		);
		expect(other.vault.app.vault.getFileByPath('People/Ben.md')).toBeNull();
	});

	it.each([
		['any value of the marker', { peopleFolders: [], markerValue: '' }, '---\ntype: person\ntrust: 3\n---\n\n## Interactions\n'],
		['a marker value YAML would read otherwise', { peopleFolders: [], markerValue: 'Person: main' }, '---\ntype: "Person: main"\ntrust: 3\n---\n\n## Interactions\n'],
	])('without a people folder, marks the note as a person: %s', async (_, changes, text) => {
		const { vault, index } = await create(changes, {}, 'Cleo');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('Cleo.md'));
		expect(await vault.read('Cleo.md')).toBe(text);
		await vi.waitFor(() => expect(index.isPerson('Cleo.md')).toBe(true));
	});

	it('opens the person already called that, in any case or folder, rather than make a twin', async () => {
		const files = { 'People/Ana Ruiz.md': ana, 'People/Work/Ben Ode.md': ana };
		for (const [name, path] of [['ana ruiz', 'People/Ana Ruiz.md'], ['Ben Ode', 'People/Work/Ben Ode.md']]) {
			const { vault, notices } = await create({}, files, name);
			await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe(path));
			expect(notices).toEqual([`${path} already exists; opening it.`]);
			expect(vault.app.vault.getMarkdownFiles()).toHaveLength(2);
		}
		// A note that is no person yet, named but for case: one file on most disks.
		const { vault, notices } = await create({ peopleFolders: [] }, { 'cleo.md': '# notes\n' }, 'Cleo');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('cleo.md'));
		expect(notices).toEqual(['cleo.md already exists; opening it.']);
		expect(await vault.read('cleo.md')).toBe('# notes\n');
	});

	it('opens the existing note rather than overwrite it', async () => {
		const { vault, notices } = await create({}, { 'People/Ana.md': ana }, 'Ana');
		await vi.waitFor(() => expect(vault.app.workspace.getActiveFile()?.path).toBe('People/Ana.md'));
		expect(await vault.read('People/Ana.md')).toBe(ana);
		expect(notices).toEqual(['People/Ana.md already exists; opening it.']);
	});

	it.each([
		['Ana/Ruiz', '/'],
		['Ana\\Ruiz', '\\'],
		['Ana: Ruiz', ':'],
		['#Ana', '#'],
		['Ana^', '^'],
		['[[Ana]]', '['],
		['Ana]', ']'],
		['Ana|Ruiz', '|'],
	])('refuses the name %j with a clear message and creates nothing', async (name, char) => {
		const { vault, modal } = await create({}, {}, name);
		expect(modal.contentEl.querySelector('[role="alert"]')?.textContent).toContain(`cannot contain "${char}"`);
		expect(vault.app.vault.getMarkdownFiles()).toHaveLength(0);
	});

	it.each([
		['', 'Enter a name.'],
		['   ', 'Enter a name.'],
		['.hidden', 'A name cannot start with a dot: the note would be hidden.'],
	])('refuses %j', async (name, message) => {
		const { vault, modal } = await create({}, {}, name);
		expect(modal.contentEl.querySelector('[role="alert"]')?.textContent).toBe(message);
		expect(vault.app.vault.getMarkdownFiles()).toHaveLength(0);
	});
});
