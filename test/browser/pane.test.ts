/**
 * The due pane as a user sees it, in Chromium: the example vault's people in core's
 * sections with counts (the same people, order and statuses as the command line), the
 * broken note under "Needs attention" with its field, the empty states, the filter box,
 * and clicking a name.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { DUE_SECTIONS } from '../../src/core/schedule';
import { useExampleSession } from './example-session';
import type { PaneState } from './harness';

const example = useExampleSession();

beforeEach(async () => {
	await example.session.reload();
});

const read = (): Promise<PaneState> => example.session.page.evaluate(() => window.kindred.read());

function mountExample(): Promise<void> {
	return example.session.mount({ ...example.vault, theme: 'light', mobile: false });
}

/** A note that is a person by folder, with the given frontmatter lines. */
function person(lines: string[]): string {
	return ['---', ...lines, '---', 'A person.', ''].join('\n');
}

function rowsOf(state: PaneState, status: string): string[] {
	return state.sections.find((s) => s.status === status)?.rows.map((r) => r.name) ?? [];
}

describe('the example vault on its day', () => {
	test('shows core\'s sections, in order, with the command line\'s people, order and counts', async () => {
		await mountExample();
		const state = await read();
		const want = DUE_SECTIONS.filter((s) => example.expected.byStatus.has(s.status)).map((s) => ({
			status: s.status,
			title: s.title,
			count: String(example.expected.byStatus.get(s.status)?.length),
			rows: example.expected.byStatus.get(s.status),
		}));
		expect(state.sections.map((s) => ({ status: s.status, title: s.title, count: s.count, rows: s.rows.map((r) => r.name) }))).toEqual(want);
		// Every section holds as many rows as its header says, and nothing is collapsed.
		for (const s of state.sections) {
			expect(s.rows).toHaveLength(Number(s.count));
			expect(s.expanded).toBe(true);
		}
		expect(state.summary).toMatch(new RegExp(`^${example.expected.dueNow} to reconnect`));
		expect(state.empty).toBeNull();
		expect(example.session.errors).toEqual([]);
	});

	test('puts specific people where the example vault says they belong', async () => {
		await mountExample();
		const state = await read();
		expect(rowsOf(state, 'overdue')).toEqual(expect.arrayContaining(['Sofia Marsh', 'Ana Ruiz', 'Hal Brennan']));
		expect(rowsOf(state, 'due')).toEqual(['Ben Ode']);
		expect(rowsOf(state, 'never')).toEqual(['Ines Carvalho']);
		expect(rowsOf(state, 'soon')).toEqual(expect.arrayContaining(['Mara Lind']));
		// Listed by tag outside the people folder, and by the `type: person` marker.
		expect(state.sections.flatMap((s) => s.rows.map((r) => r.path))).toEqual(
			expect.arrayContaining(['Climbing/Gus Petrov.md', 'Projects/Community garden/Hal Brennan.md']),
		);
		const listed = state.sections.flatMap((s) => s.rows.map((r) => r.name));
		// Farah's hand-typed log line (newer than last_contact) was read from the body in the
		// background pass; paused, archived, snoozed and untracked people are not due.
		for (const name of ['Farah Haddad', 'Jonas Weber', 'Kofi Mensah', 'Lena Novak', 'Omar Said']) {
			expect(listed).not.toContain(name);
		}
		// Templates are never people.
		expect(listed).not.toContain('Person');
	});

	test('lists the deliberately broken note under "Needs attention" with the field and the value', async () => {
		await mountExample();
		const state = await read();
		const section = state.sections.find((s) => s.status === 'invalid');
		expect(section?.title).toBe('Needs attention');
		const noor = section?.rows.find((r) => r.name === 'Noor Aziz');
		expect(noor?.meta).toMatch(/cadence/i);
		expect(noor?.meta).toContain('sometimes');
	});

	test('each row says how overdue and the cadence', async () => {
		await mountExample();
		const state = await read();
		const sp = example.expected.due.find((x) => x.person.path === 'People/Ana Ruiz.md');
		const ana = state.sections.flatMap((s) => s.rows).find((r) => r.name === 'Ana Ruiz');
		expect(ana?.meta).toMatch(/\d+ (days|weeks?) overdue/);
		expect(ana?.meta).toContain(sp?.person.cadence?.label ?? '<no cadence>');
	});

	// DESIGN.md: "the due pane shows the last logged note beside each person" — in the
	// sidebar, where the pane lives, not only in a wide tab. (Text hidden by CSS is not
	// read: the pane reader uses innerText.)
	test('each row shows the last logged note in the sidebar', async () => {
		await mountExample();
		const rows = (await read()).sections.flatMap((s) => s.rows);
		for (const sp of example.expected.due.filter((x) => x.lastEntry !== null && x.status !== 'invalid')) {
			const row = rows.find((r) => r.path === sp.person.path);
			const start = (sp.lastEntry?.text ?? '').slice(0, 12);
			expect(row?.meta, sp.person.name).toContain(start);
		}
	});
});

describe('empty states', () => {
	test('an empty vault says no people were found and where it looked', async () => {
		await example.session.mount({ notes: { 'Welcome.md': '# Welcome\n' }, theme: 'light', mobile: false, templatesFolder: null });
		const state = await read();
		expect(state.sections).toEqual([]);
		expect(state.empty?.title).toBe('No people found');
		// The folder, the tag and the marker that were searched.
		expect(state.empty?.text).toContain('People');
		expect(state.empty?.text).toContain('#person');
		expect(state.empty?.text).toContain('type: person');
		expect(example.session.errors).toEqual([]);
	});

	test('a vault where everyone is up to date says so, and who is next', async () => {
		await example.session.mount({
			notes: {
				'People/Zoe Kim.md': person(['cadence: monthly', 'trust: 4', 'last_contact: 2026-11-20']),
				'People/Yann Roux.md': person(['cadence: yearly', 'trust: 2', 'last_contact: 2026-06-01']),
			},
			theme: 'light',
			mobile: false,
			templatesFolder: null,
		});
		const state = await read();
		expect(state.sections).toEqual([]);
		expect(state.empty?.title).toBe('Everyone is up to date');
		expect(state.empty?.text).toContain('Zoe Kim');
	});
});

describe('the filter box', () => {
	/** The command line's due list narrowed by name, alias or circle: the oracle for the filter. */
	function matching(term: string): string[] {
		const t = term.toLowerCase();
		return example.expected.due
			.filter((sp) => [sp.person.name, ...sp.person.aliases, ...sp.person.circles].some((s) => s.toLowerCase().includes(t)))
			.map((sp) => sp.person.name);
	}

	test.each([
		['a circle', 'design'],
		['an alias', 'Mara'],
		['part of a name', 'ode'],
	])('narrows the rows to %s (%s)', async (_what, term) => {
		await mountExample();
		const want = matching(term);
		expect(want.length).toBeGreaterThan(0);
		expect(want.length).toBeLessThan(example.expected.due.length);
		await example.session.page.getByRole('searchbox', { name: 'Filter people' }).fill(term);
		await example.session.page.waitForFunction((n) => document.querySelectorAll('.kindred-due-row').length === n, want.length);
		const state = await read();
		expect(state.sections.flatMap((s) => s.rows.map((r) => r.name)).sort()).toEqual([...want].sort());
		// Section counts follow the filter.
		for (const s of state.sections) expect(Number(s.count)).toBe(s.rows.length);
	});

	test('no match says so; Escape clears the filter and brings everyone back', async () => {
		await mountExample();
		const box = example.session.page.getByRole('searchbox', { name: 'Filter people' });
		await box.fill('zzzz');
		await expect.poll(async () => (await read()).empty?.title).toMatch(/No one matches/);
		await box.press('Escape');
		await expect.poll(async () => (await read()).sections.flatMap((s) => s.rows).length).toBe(example.expected.due.length);
		expect((await read()).filter).toBe('');
	});
});

describe('a long list', () => {
	/** Names of rows whose box intersects the scroller's visible area. */
	function visibleRows(): Promise<string[]> {
		return example.session.page.evaluate(() => {
			const scroller = document.querySelector('.kindred-due-scroller');
			if (!scroller) return [];
			const box = scroller.getBoundingClientRect();
			return Array.from(document.querySelectorAll('.kindred-due-row'))
				.filter((r) => {
					const b = r.getBoundingClientRect();
					return b.bottom > box.top && b.top < box.bottom;
				})
				.map((r) => r.querySelector('.kindred-due-name')?.textContent ?? '');
		});
	}

	const scrollTop = (): Promise<number> => example.session.page.evaluate(() => document.querySelector('.kindred-due-scroller')?.scrollTop ?? -1);

	test('scrolling draws the rows in view, and a change to a note keeps the scroll position', async () => {
		const notes: Record<string, string> = {};
		for (let i = 0; i < 300; i++) {
			notes[`People/Person ${String(i).padStart(3, '0')}.md`] = person(['cadence: monthly', 'trust: 3', `last_contact: 2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`]);
		}
		await example.session.mount({ notes, theme: 'light', mobile: false, templatesFolder: null });
		const { page } = example.session;
		await page.locator('.kindred-due-scroller').evaluate((el) => el.scrollTo({ top: 6000 }));
		await expect.poll(visibleRows).not.toEqual([]);
		const top = await scrollTop();
		expect(top).toBeGreaterThan(5000);
		const before = await visibleRows();
		// Someone in view is logged: the index changes, the pane redraws, the place is kept.
		const who = before[2];
		await page.getByRole('button', { name: `Log a touchpoint with ${who}` }).click();
		await page.getByRole('textbox', { name: 'Note' }).press('Enter');
		await page.evaluate(() => window.kindred.settled());
		expect((await read()).sections.flatMap((s) => s.rows.map((r) => r.name))).not.toContain(who);
		expect(await scrollTop()).toBe(top);
		const after = await visibleRows();
		expect(after).not.toContain(who);
		expect(after[0]).toBe(before[0]);
		// The bottom of the list is reachable and drawn too.
		await page.locator('.kindred-due-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
		await expect.poll(async () => (await visibleRows()).length).toBeGreaterThan(3);
	});
});

describe('opening a note', () => {
	test('a click on a name opens it; a Ctrl-click opens it in a new tab', async () => {
		await mountExample();
		await example.session.page.getByRole('button', { name: 'Ben Ode', exact: true }).click();
		await example.session.page.getByRole('button', { name: 'Ana Ruiz', exact: true }).click({ modifiers: ['Control'] });
		expect(await example.session.page.evaluate(() => window.kindred.opened())).toEqual([
			{ path: 'People/Ben Ode.md', newTab: false },
			{ path: 'People/Ana Ruiz.md', newTab: 'tab' },
		]);
	});

	test('a section header folds its rows away and back', async () => {
		await mountExample();
		const toggle = example.session.page.locator('.kindred-due-header[data-section="overdue"] button');
		await toggle.click();
		let state = await read();
		expect(state.sections.find((s) => s.status === 'overdue')?.rows).toEqual([]);
		expect(state.sections.find((s) => s.status === 'overdue')?.expanded).toBe(false);
		await toggle.click();
		state = await read();
		expect(state.sections.find((s) => s.status === 'overdue')?.rows.length).toBe(example.expected.byStatus.get('overdue')?.length);
	});
});
