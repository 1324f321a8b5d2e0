/**
 * The pane without a mouse: Tab reaches every control in the pane, Enter on a focused
 * button does what a click does, Escape closes the modal and gives focus back; and every
 * button has an accessible name, as Chromium's own accessibility tree computes it.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { useExampleSession } from './example-session';

const example = useExampleSession();

beforeEach(async () => {
	await example.session.reload();
	await example.session.mount({ ...example.vault, theme: 'light', mobile: false });
});

/** A description of the focused element that is stable across redraws. */
function focused(): Promise<string> {
	return example.session.page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return '<body>';
		const label = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
		return `${el.tagName.toLowerCase()}:${label}`;
	});
}

/** Every focusable control inside the pane, described like `focused()`. */
function paneControls(): Promise<string[]> {
	return example.session.page.evaluate(() =>
		Array.from(
			document.querySelectorAll<HTMLElement>(
				'.workspace-leaf-content[data-type="kindred-due"] :is(button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]))',
			),
		)
			.filter((el) => el.getBoundingClientRect().height > 0)
			.map((el) => `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`),
	);
}

/** Press Tab from the top of the page until focus leaves the pane; the stops in order. */
async function tabStops(): Promise<string[]> {
	const { page } = example.session;
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const stops: string[] = [];
	for (let i = 0; i < 200; i++) {
		await page.keyboard.press('Tab');
		const f = await focused();
		if (f === '<body>' || stops.includes(f)) break;
		stops.push(f);
	}
	return stops;
}

describe('keyboard', () => {
	test('Tab reaches every control in the pane, in reading order', async () => {
		const controls = await paneControls();
		expect(controls.length).toBeGreaterThan(10);
		const stops = await tabStops();
		expect(stops).toEqual(controls);
		// The filter comes first, then section headers and each row's name, Log and Snooze.
		expect(stops[0]).toBe('input:Filter people');
		expect(stops).toContain('button:Log a touchpoint with Noor Aziz');
	});

	test('Enter on a focused Log button opens the modal; Escape closes it and focus returns', async () => {
		const { page } = example.session;
		const target = 'button:Log a touchpoint with Ana Ruiz';
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		for (let i = 0; i < 100 && (await focused()) !== target; i++) await page.keyboard.press('Tab');
		expect(await focused()).toBe(target);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.modal-container .modal-title').textContent()).toBe('Log a touchpoint with Ana Ruiz');
		await expect.poll(focused).toBe('textarea:Note');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		expect(await focused()).toBe(target);
	});

	test('after a log from the keyboard, focus is on Log of the row that took its place, and Tab carries on from there', async () => {
		const { page } = example.session;
		const target = 'button:Log a touchpoint with Sofia Marsh';
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		for (let i = 0; i < 100 && (await focused()) !== target; i++) await page.keyboard.press('Tab');
		expect(await focused()).toBe(target);
		await page.keyboard.press('Enter');
		await expect.poll(focused).toBe('textarea:Note');
		await page.keyboard.type('Called her back.');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		await page.evaluate(() => window.kindred.settled());
		// Sofia left "Overdue"; Gus Petrov is the row now in her place.
		expect(await page.evaluate(() => window.kindred.read().sections.flatMap((s) => s.rows.map((r) => r.name)))).not.toContain('Sofia Marsh');
		expect(await focused()).toBe('button:Log a touchpoint with Gus Petrov');
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('button:Snooze Gus Petrov');
	});

	test('Enter on a focused name opens the note', async () => {
		const { page } = example.session;
		await page.getByRole('button', { name: 'Ben Ode', exact: true }).focus();
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => window.kindred.opened())).toEqual([{ path: 'People/Ben Ode.md', newTab: false }]);
	});

	test('Enter on a focused section header folds it', async () => {
		const { page } = example.session;
		await page.locator('.kindred-due-header[data-section="overdue"] button').focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.locator('.kindred-due-header[data-section="overdue"] [aria-expanded]').getAttribute('aria-expanded'))
			.toBe('false');
		// Focus stays on the header after the redraw, so Enter again unfolds it.
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.locator('.kindred-due-header[data-section="overdue"] [aria-expanded]').getAttribute('aria-expanded'))
			.toBe('true');
	});
});

describe('keyboard in a long list', () => {
	// The pane draws only the rows near the viewport. Tabbing past the last drawn row must
	// scroll and draw the next ones, or keyboard users could never reach most people.
	// Scrolling draws on the next animation frame; focus near the edge of the drawn rows
	// draws at once. The test holds every animation frame back, the worst case of fast
	// key presses, so only the focus path can keep Tab inside the list.
	test('Tab walks every row of a list longer than the window, drawing rows as it goes, with no frame between presses', async () => {
		const notes: Record<string, string> = {};
		const n = 60;
		for (let i = 0; i < n; i++) {
			const name = `Person ${String(i).padStart(3, '0')}`;
			notes[`People/${name}.md`] = `---\ncadence: monthly\ntrust: 3\nlast_contact: 2026-0${1 + (i % 9)}-01\n---\n`;
		}
		await example.session.mount({ notes, theme: 'light', mobile: false, templatesFolder: null });
		const drawn = await example.session.page.locator('.kindred-due-row').count();
		expect(drawn).toBeLessThan(n / 2);
		const { page } = example.session;
		await page.getByRole('searchbox', { name: 'Filter people' }).focus();
		// From here on no animation frame callback runs (the page is reloaded before the next test).
		await page.evaluate(() => {
			window.requestAnimationFrame = () => 0;
		});
		const logs = new Set<string>();
		for (let i = 0; i < n * 3 + 20; i++) {
			await page.keyboard.press('Tab');
			const f = await focused();
			if (f === '<body>') break;
			if (f.startsWith('button:Log a touchpoint with ')) logs.add(f);
		}
		expect(logs.size).toBe(n);
	});
});

/** Roles Chromium gives to what a user can operate (a date field is `Date`, not `textbox`; compared in lower case). */
const CONTROL_ROLES = ['button', 'searchbox', 'textbox', 'combobox', 'date', 'spinbutton', 'checkbox', 'switch', 'link'];

interface AXNode {
	role?: { value?: string };
	name?: { value?: string };
	ignored?: boolean;
}

/** Chromium's computed accessibility tree (names per the accname spec). */
async function axNodes(): Promise<AXNode[]> {
	const cdp = await example.session.context.newCDPSession(example.session.page);
	try {
		const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
		return nodes.filter((n) => !n.ignored);
	} finally {
		await cdp.detach();
	}
}

describe('accessible names', () => {
	test('every button and field in the pane has a name', async () => {
		const nodes = await axNodes();
		const controls = nodes.filter((n) => CONTROL_ROLES.includes((n.role?.value ?? '').toLowerCase()));
		expect(controls.length).toBeGreaterThan(10);
		const unnamed = controls.filter((n) => (n.name?.value ?? '').trim() === '');
		expect(unnamed).toEqual([]);
		const names = controls.map((n) => n.name?.value);
		expect(names).toEqual(expect.arrayContaining(['Filter people', 'Log a touchpoint with Sofia Marsh', 'Snooze Sofia Marsh', 'Sofia Marsh']));
	});

	test('every button and field in the log modal has a name', async () => {
		await example.session.page.getByRole('button', { name: 'Log a touchpoint with Ben Ode' }).click();
		await expect.poll(() => example.session.page.locator('.modal-container').count()).toBe(1);
		const nodes = await axNodes();
		const dialog = nodes.filter((n) => n.role?.value === 'dialog');
		expect(dialog).toHaveLength(1);
		const controls = nodes.filter((n) => CONTROL_ROLES.includes((n.role?.value ?? '').toLowerCase()));
		expect(controls.filter((n) => (n.name?.value ?? '').trim() === '')).toEqual([]);
		expect(controls.map((n) => n.name?.value)).toEqual(expect.arrayContaining(['Date', 'Channel', 'Note', 'Exchange', 'Log touchpoint', 'Cancel']));
	});
});
