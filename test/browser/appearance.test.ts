/**
 * How the pane looks with Kindred's styles.css over Obsidian's default theme: readable
 * row text (WCAG contrast ≥ 4.5:1 from the computed colours) in the light and the dark
 * theme (a hovered name too), colours that follow the theme, rows that line up at every
 * pane width, and at phone size (390 × 844, `body.is-mobile is-phone`) nothing wider than
 * the pane and tap targets of at least 44 px. Writes the pane-light, pane-dark,
 * pane-wide (a 700 px tab) and pane-phone screenshots.
 */
import { describe, expect, test } from 'vitest';
import { PHONE, screenshotPath } from './chromium';
import { useExampleSession } from './example-session';
import type { VaultForPage } from './example-vault';
import type { ContrastSample } from './page-checks';

const example = useExampleSession();

/** Everything a row or section header says, and the summary line above them. */
const ROW_TEXT = [
	'.kindred-due-summary',
	'.kindred-due-section-title',
	'.kindred-due-count',
	'.kindred-due-name',
	'.kindred-due-trust',
	'.kindred-due-action',
	'.kindred-due-when',
	'.kindred-due-cadence',
	'.kindred-due-note',
	'.kindred-due-no-log',
	'.kindred-due-problem',
];

async function contrast(): Promise<ContrastSample[]> {
	const samples: ContrastSample[] = [];
	for (const selector of ROW_TEXT) {
		samples.push(...(await example.session.page.evaluate((s) => window.kindred.contrast(s), selector)));
	}
	return samples;
}

/**
 * Text in `textSelector` has a contrast ratio of at least 4.5:1 (and there is some), nothing in
 * `overlapSelector` overlaps a sibling, and nothing in `overflowSelector` overflows.
 */
async function expectReadableInPlace(textSelector: string, overlapSelector: string, overflowSelector: string): Promise<void> {
	const { page } = example.session;
	const samples = await page.evaluate((sel) => window.kindred.contrast(sel), textSelector);
	expect(samples.length).toBeGreaterThan(0);
	expect(samples.filter((x) => x.ratio < 4.5)).toEqual([]);
	expect(await page.evaluate((sel) => window.kindred.overlaps(sel), overlapSelector)).toEqual([]);
	expect(await page.evaluate((sel) => window.kindred.overflow(sel), overflowSelector)).toEqual([]);
}

async function screenshotPane(file: string): Promise<void> {
	await example.session.page.locator('.mod-right-split').screenshot({ path: screenshotPath(file) });
}

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
	test('row text has a contrast ratio of at least 4.5:1 in the sidebar', async () => {
		await example.session.reload();
		await example.session.mount({ ...example.vault, theme, mobile: false });
		await screenshotPane(`pane-${theme}.png`);
		const samples = await contrast();
		// Every kind of row text the sidebar shows was found and measured (the last note
		// is left out at sidebar width by styles.css; it is measured on the phone below).
		for (const selector of ROW_TEXT.filter((s) => s !== '.kindred-due-note')) {
			expect(samples.some((s) => s.selector === selector), selector).toBe(true);
		}
		expect(samples.filter((s) => s.ratio < 4.5)).toEqual([]);
		expect(example.session.errors).toEqual([]);
	});

	test('a name under the pointer keeps a contrast ratio of at least 4.5:1', async () => {
		await example.session.reload();
		await example.session.mount({ ...example.vault, theme, mobile: false });
		const name = example.session.page.getByRole('button', { name: 'Ben Ode', exact: true });
		await name.hover();
		const samples = await example.session.page.evaluate(() => window.kindred.contrast('.kindred-due-name:hover'));
		expect(samples).toHaveLength(1);
		expect(samples[0].ratio).toBeGreaterThanOrEqual(4.5);
		// Still marked as a link by the underline.
		expect(await name.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
	});

	test('row text has a contrast ratio of at least 4.5:1 on a phone', async () => {
		await example.session.reload(PHONE);
		await example.session.mount({ ...example.vault, theme, mobile: true });
		const samples = await contrast();
		for (const selector of ROW_TEXT) expect(samples.some((s) => s.selector === selector), selector).toBe(true);
		expect(samples.filter((s) => s.ratio < 4.5)).toEqual([]);
	});
});

describe('a problem that stops no schedule', () => {
	// An overdue person whose energy is not one of the three words: still scheduled, with
	// the problem counted on the row.
	const withProblem = (): VaultForPage => ({
		...example.vault,
		notes: {
			...example.vault.notes,
			'People/Pia Holm.md': '---\ncadence: weekly\nlast_contact: 2026-11-01\nenergy: loud\n---\n# Pia Holm\n',
		},
	});

	test.each(['light', 'dark'] as const)('is counted on the row, readable, without moving it (%s)', async (theme) => {
		await example.session.reload();
		await example.session.mount({ ...withProblem(), theme, mobile: false, paneWidth: 250 });
		const warning = example.session.page.locator('.kindred-due-row', { hasText: 'Pia Holm' }).locator('.kindred-due-warning');
		await expect.poll(() => warning.textContent()).toBe('1');
		expect(await warning.getAttribute('title')).toBeNull();
		expect(await warning.getAttribute('aria-label')).toBe('1 problem: energy "loud" must be one of gives, neutral, drains');
		// The cadence still shows beside it in a narrow sidebar.
		const cadence = example.session.page.locator('.kindred-due-row', { hasText: 'Pia Holm' }).locator('.kindred-due-cadence');
		expect(await cadence.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		// The warning icon is drawn, in the theme's warning colour, beside the count.
		const icon = warning.locator('.kindred-due-warning-icon svg');
		expect(await icon.count()).toBe(1);
		expect(await icon.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(8);
		if (theme === 'light') await screenshotPane('pane-problem.png');
		await expectReadableInPlace('.kindred-due-warning', '.kindred-due-row, .kindred-due-meta > *', '.kindred-due-row, .kindred-due-row *');
	});

	test.each(['light', 'dark'] as const)('is counted beside the summary with every other note that has one, readable (%s)', async (theme) => {
		await example.session.reload();
		await example.session.mount({ ...withProblem(), theme, mobile: false, paneWidth: 250 });
		// Pia's energy and Noor's cadence (the example vault's note that needs attention).
		const sign = example.session.page.locator('.kindred-due-problems');
		await expect.poll(() => sign.textContent()).toBe('2');
		expect(await sign.getAttribute('aria-label')).toBe("2 people's notes have problems: show them");
		expect(await sign.locator('.kindred-due-warning-icon svg').count()).toBe(1);
		if (theme === 'light') await screenshotPane('pane-problems-count.png');
		await expectReadableInPlace('.kindred-due-problems', '.kindred-due-summary-line > *', '.kindred-due-top, .kindred-due-top *');
	});
});

describe('colours follow the theme', () => {
	test('the pane and its text change between light and dark', async () => {
		const look = async (theme: 'light' | 'dark'): Promise<string[]> => {
			await example.session.reload();
			await example.session.mount({ ...example.vault, theme, mobile: false });
			return (await contrast()).filter((s) => s.selector === '.kindred-due-name' || s.selector === '.kindred-due-when').map((s) => `${s.color} on ${s.background}`);
		};
		const light = await look('light');
		const dark = await look('dark');
		expect(light.length).toBe(dark.length);
		light.forEach((l, i) => expect(l).not.toBe(dark[i]));
	});
});

describe('pane widths', () => {
	// A narrow sidebar, Obsidian's default, a wide one and a tab in the main area: the
	// container queries in styles.css must never let a row overflow or draw over itself.
	test.each([200, 250, 300, 420, 700])('at %i px nothing overflows and nothing in a row overlaps', async (paneWidth) => {
		await example.session.reload();
		await example.session.mount({ ...example.vault, theme: 'light', mobile: false, paneWidth });
		const overflow = await example.session.page.evaluate(() => window.kindred.overflow('.kindred-due-row, .kindred-due-header, .kindred-due-row *, .kindred-due-top, .kindred-due-top *'));
		expect(overflow).toEqual([]);
		const overlaps = await example.session.page.evaluate(() => window.kindred.overlaps('.kindred-due-row, .kindred-due-toggle, .kindred-due-meta'));
		expect(overlaps).toEqual([]);
		// A name may be cut with an ellipsis, but a reader still gets its first eight or so
		// characters (64 px at the row's font), never "So…".
		const names = await example.session.page.evaluate(() => window.kindred.names());
		expect(names.filter((n) => n.shown < Math.min(n.full, 64))).toEqual([]);
		if (paneWidth === 700) await screenshotPane('pane-wide.png');
	});

	// The second line gives way in order: the stars, whole (cut stars would read as less
	// trust), before the cadence is cut; "how late" never.
	test.each([250, 300, 420])('at %i px the stars give way whole before the cadence is cut', async (paneWidth) => {
		await example.session.reload();
		await example.session.mount({ ...example.vault, theme: 'light', mobile: false, paneWidth });
		const rows = await example.session.page.evaluate(() =>
			Array.from(document.querySelectorAll<HTMLElement>('.kindred-due-row:not(.kindred-due-invalid)')).map((row) => {
				const box = (sel: string): DOMRect | null => row.querySelector(sel)?.getBoundingClientRect() ?? null;
				const schedule = box('.kindred-due-schedule');
				const stars = box('.kindred-due-trust');
				const cadence = row.querySelector<HTMLElement>('.kindred-due-cadence');
				const when = row.querySelector<HTMLElement>('.kindred-due-when');
				return {
					who: row.querySelector('.kindred-due-name')?.textContent ?? '',
					// Shown: on the schedule's one visible line, whole.
					starsShown: stars !== null && schedule !== null && stars.top < schedule.bottom && stars.right <= schedule.right + 0.5,
					starsCut: stars !== null && stars.width + 0.5 < (row.querySelector<HTMLElement>('.kindred-due-trust')?.scrollWidth ?? 0),
					cadenceCut: cadence !== null && cadence.scrollWidth > cadence.clientWidth,
					whenCut: when !== null && when.scrollWidth > when.clientWidth,
				};
			}),
		);
		expect(rows.length).toBeGreaterThan(5);
		for (const r of rows) {
			expect(r.whenCut, r.who).toBe(false);
			expect(r.starsCut, r.who).toBe(false);
			if (r.starsShown) expect(r.cadenceCut, r.who).toBe(false);
		}
		// Wide enough, every row shows them.
		if (paneWidth >= 420) expect(rows.every((r) => r.starsShown || r.who === 'Omar Said')).toBe(true);
	});

	// Every row keeps the stacked layout: at any width the last note has a line of its own
	// across the row, and every name sits at the same height in its row, whether the row
	// has a last note, a "no touchpoints" line or a problem under it.
	test.each([250, 320, 700])('at %i px names line up and the last note gets the row width', async (paneWidth) => {
		await example.session.reload();
		await example.session.mount({ ...example.vault, theme: 'light', mobile: false, paneWidth });
		const rows = await example.session.page.evaluate(() =>
			Array.from(document.querySelectorAll<HTMLElement>('.kindred-due-row')).map((row) => {
				const box = row.getBoundingClientRect();
				const name = row.querySelector('.kindred-due-name')?.getBoundingClientRect();
				const note = row.querySelector('.kindred-due-note')?.getBoundingClientRect();
				return {
					who: row.querySelector('.kindred-due-name')?.textContent ?? '',
					invalid: row.classList.contains('kindred-due-invalid'),
					nameTop: Math.round((name?.top ?? 0) - box.top),
					noteWidth: note?.width ?? 0,
					rowWidth: box.width,
				};
			}),
		);
		expect(rows.length).toBeGreaterThan(5);
		expect(new Set(rows.map((r) => r.nameTop)).size, JSON.stringify(rows)).toBe(1);
		for (const r of rows.filter((x) => !x.invalid)) expect(r.noteWidth, r.who).toBeGreaterThan(r.rowWidth * 0.85);
	});
});

describe('on a phone', () => {
	test('nothing overflows horizontally and tap targets are at least 44 px tall', async () => {
		await example.session.reload(PHONE);
		await example.session.mount({ ...example.vault, theme: 'light', mobile: true });
		await example.session.page.screenshot({ path: screenshotPath('pane-phone.png') });
		const overflow = await example.session.page.evaluate(() => window.kindred.overflow('.kindred-due-view, .kindred-due-row, .kindred-due-header, .kindred-due-row *, .kindred-due-top, .kindred-due-top *'));
		expect(overflow).toEqual([]);
		const targets = await example.session.page.evaluate(() => window.kindred.targets('.kindred-due-view button, .kindred-due-view input'));
		expect(targets.length).toBeGreaterThan(10);
		expect(targets.filter((t) => t.height < 44)).toEqual([]);
		expect(example.session.errors).toEqual([]);
	});

	test('the log modal fits the phone and its controls are 44 px tall', async () => {
		await example.session.reload(PHONE);
		await example.session.mount({ ...example.vault, theme: 'light', mobile: true });
		await example.session.page.getByRole('button', { name: 'Log a touchpoint with Ben Ode' }).click();
		await expect.poll(() => example.session.page.locator('.modal-container').count()).toBe(1);
		const fits = await example.session.page.evaluate(() => {
			const modal = document.querySelector('.modal');
			if (!modal) return null;
			return { scrollWidth: modal.scrollWidth, clientWidth: modal.clientWidth, right: modal.getBoundingClientRect().right, viewport: window.innerWidth };
		});
		expect(fits).not.toBeNull();
		expect(fits?.scrollWidth).toBeLessThanOrEqual((fits?.clientWidth ?? 0) + 1);
		expect(fits?.right).toBeLessThanOrEqual((fits?.viewport ?? 0) + 1);
		const targets = await example.session.page.evaluate(() => window.kindred.targets('.modal button, .modal input, .modal select'));
		expect(targets.filter((t) => t.height < 44)).toEqual([]);
	});
});
