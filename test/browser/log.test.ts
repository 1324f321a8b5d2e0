/**
 * Logging from the pane, end to end in Chromium: the row's "Log" button opens the real
 * LogModal, typing a note and pressing Enter goes through KindredActions and the real
 * NoteWriter into the in-memory vault's `process`, the metadata cache reports the change,
 * the index re-reads that one note, and the row leaves "Overdue". Snooze takes the same
 * path. Also writes the log-modal screenshot.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { screenshotPath } from './chromium';
import { useExampleSession } from './example-session';
import { TODAY } from './example-vault';
import type { PaneState } from './harness';

const example = useExampleSession();

beforeEach(async () => {
	await example.session.reload();
	await example.session.mount({ ...example.vault, theme: 'light', mobile: false });
});

const read = (): Promise<PaneState> => example.session.page.evaluate(() => window.kindred.read());
const noteText = (path: string): Promise<string> => example.session.page.evaluate((p) => window.kindred.noteText(p), path);
const settled = (): Promise<void> => example.session.page.evaluate(() => window.kindred.settled());

function section(state: PaneState, status: string): string[] {
	return state.sections.find((s) => s.status === status)?.rows.map((r) => r.name) ?? [];
}

const SOFIA = 'People/Family/Sofia Marsh.md';

describe('logging a touchpoint from the pane', () => {
	test('Log opens the modal for that person, dated today, with the note field focused', async () => {
		const { page } = example.session;
		await page.getByRole('button', { name: 'Log a touchpoint with Sofia Marsh' }).click();
		const modal = page.locator('.modal-container .modal');
		await expect.poll(() => modal.count()).toBe(1);
		expect(await modal.locator('.modal-title').textContent()).toBe('Log a touchpoint with Sofia Marsh');
		expect(await page.getByLabel('Date').inputValue()).toBe(TODAY);
		expect(await page.getByLabel('Channel').inputValue()).toBe(example.vault.settings.lastChannel);
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note');
		expect(example.session.errors).toEqual([]);
	});

	test('typing a note and pressing Enter writes the entry and moves the row out of "Overdue"', async () => {
		const { page } = example.session;
		const before = await read();
		expect(section(before, 'overdue')).toContain('Sofia Marsh');
		const original = await noteText(SOFIA);

		await page.getByRole('button', { name: 'Log a touchpoint with Sofia Marsh' }).click();
		const note = page.getByRole('textbox', { name: 'Note' });
		await note.fill('Coffee at the market; she found a flat near the river.');
		await page.screenshot({ path: screenshotPath('log-modal.png') });
		await note.press('Enter');
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		await settled();

		// Exactly two changes, everything else byte for byte: the new line at the top of the
		// log (newest first) and last_contact moved forward to today.
		const want = original
			.replace('last_contact: 2026-10-25', `last_contact: ${TODAY}`)
			.replace('## Interactions\n', `## Interactions\n- ${TODAY} (call) Coffee at the market; she found a flat near the river.\n`);
		expect(want).not.toBe(original);
		expect(await noteText(SOFIA)).toBe(want);

		const after = await read();
		expect(section(after, 'overdue')).not.toContain('Sofia Marsh');
		expect(after.sections.flatMap((s) => s.rows.map((r) => r.name))).not.toContain('Sofia Marsh');
		const overdueBefore = example.expected.byStatus.get('overdue')?.length ?? 0;
		const overdueHeader = after.sections.find((s) => s.status === 'overdue');
		expect(Number(overdueHeader?.count ?? 0)).toBe(overdueBefore - 1);
		expect(after.summary).toMatch(new RegExp(`^${example.expected.dueNow - 1} to reconnect`));
		expect(await page.evaluate(() => window.kindred.notices())).toEqual([]);
		expect(example.session.errors).toEqual([]);
	});

	test('the note field spans the modal, so a long note stays in view, and Enter in it still submits', async () => {
		const { page } = example.session;
		await page.getByRole('button', { name: 'Log a touchpoint with Ana Ruiz' }).click();
		const note = page.getByRole('textbox', { name: 'Note' });
		const long = 'Lunch at the harbour; she is moving to Lisbon in March and wants names of design studios there, and asked after the kids.';
		await note.fill(long);
		const box = await page.evaluate(() => {
			const field = document.querySelector<HTMLTextAreaElement>('.modal textarea.kindred-log-note');
			const content = document.querySelector('.modal .modal-content');
			if (!field || !content) return null;
			return { field: field.getBoundingClientRect().width, content: content.getBoundingClientRect().width, scrollWidth: field.scrollWidth, clientWidth: field.clientWidth, rows: field.rows };
		});
		expect(box).not.toBeNull();
		expect(box?.field ?? 0).toBeGreaterThanOrEqual((box?.content ?? 0) - 1);
		expect(box?.rows).toBe(2);
		// The text wraps inside the field instead of scrolling sideways out of view.
		expect(box?.scrollWidth ?? 0).toBeLessThanOrEqual((box?.clientWidth ?? 0) + 1);
		await note.press('Enter');
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		await settled();
		expect(await noteText('People/Ana Ruiz.md')).toContain(`- ${TODAY} (call) ${long}\n`);
	});

	test('the channel picked is written and remembered for next time', async () => {
		const { page } = example.session;
		await page.getByRole('button', { name: 'Log a touchpoint with Ana Ruiz' }).click();
		await page.getByLabel('Channel').selectOption('coffee');
		await page.getByLabel('Exchange').selectOption('gave');
		await page.getByRole('textbox', { name: 'Note' }).fill('Sent her two designers in Lisbon.');
		await page.getByRole('button', { name: 'Log touchpoint' }).click();
		await settled();
		expect(await noteText('People/Ana Ruiz.md')).toContain(`- ${TODAY} (coffee) Gave: Sent her two designers in Lisbon.\n`);
		expect(await page.evaluate(() => window.kindred.lastChannel())).toBe('coffee');
		expect(await page.evaluate(() => window.kindred.savedSettings())).toBe(1);
		expect(section(await read(), 'overdue')).not.toContain('Ana Ruiz');
	});

	test('a date after today is refused in the modal and nothing is written', async () => {
		const { page } = example.session;
		const original = await noteText(SOFIA);
		await page.getByRole('button', { name: 'Log a touchpoint with Sofia Marsh' }).click();
		await page.getByLabel('Date').fill('2026-12-01');
		await page.getByRole('textbox', { name: 'Note' }).fill('Too early');
		await page.getByRole('textbox', { name: 'Note' }).press('Enter');
		await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/after today/);
		expect(await page.locator('.modal-container').count()).toBe(1);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		await settled();
		expect(await noteText(SOFIA)).toBe(original);
		expect(section(await read(), 'overdue')).toContain('Sofia Marsh');
	});
});

describe('a note that cannot be edited safely', () => {
	test('is listed, and logging tells the user why nothing was written', async () => {
		const path = 'People/Pia Lund.md';
		const text = '---\ncadence: monthly\ntrust: 3\nlast_contact:\n  - 2026-01-01\n---\nMet at the print fair.\n';
		await example.session.reload();
		await example.session.mount({ ...example.vault, notes: { ...example.vault.notes, [path]: text }, theme: 'light', mobile: false });
		const { page } = example.session;
		expect((await read()).sections.find((s) => s.status === 'invalid')?.rows.map((r) => r.name)).toContain('Pia Lund');
		await page.getByRole('button', { name: 'Log a touchpoint with Pia Lund' }).click();
		await page.getByRole('textbox', { name: 'Note' }).fill('Coffee');
		await page.getByRole('textbox', { name: 'Note' }).press('Enter');
		await settled();
		expect(await noteText(path)).toBe(text);
		const notices = await page.evaluate(() => window.kindred.notices());
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain(path);
		expect(notices[0]).toMatch(/last_contact/);
	});
});

describe('snoozing from the pane', () => {
	test('"One week" writes snooze_until and the row leaves the pane', async () => {
		const { page } = example.session;
		const path = 'Climbing/Gus Petrov.md';
		const original = await noteText(path);
		await page.getByRole('button', { name: 'Snooze Gus Petrov' }).click();
		await page.getByRole('button', { name: 'One week' }).click();
		await expect.poll(() => page.locator('.modal-container').count()).toBe(0);
		await settled();
		const text = await noteText(path);
		expect(text).toMatch(/^snooze_until: 2026-11-30$/m);
		// Only the new key was added; the rest of the note is untouched.
		expect(text.replace(/^snooze_until: 2026-11-30\n/m, '')).toBe(original);
		expect((await read()).sections.flatMap((s) => s.rows.map((r) => r.name))).not.toContain('Gus Petrov');
	});
});
