/**
 * One browser session per test file: bundle the harness, serve it, start Debian's
 * Chromium headless with a fresh profile, and open the page with the clock frozen at
 * noon on the example vault's day. Page errors and console errors are collected so a
 * test can assert the page ran clean.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MountOptions } from './harness';
import { buildHarness, REPO, serveHarness, type HarnessServer } from './harness-server';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags DEVELOPERS.md gives: headless, no sandbox (CI runs as root), nothing phoning home. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
];

export const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

/** Where a screenshot goes (test-results/ is ignored by git). */
export function screenshotPath(file: string): string {
	return join(SCREENSHOTS, file);
}

/** Tall enough that the example vault's whole pane is in the screenshot. */
export const DESKTOP = { width: 1000, height: 1040 };
export const PHONE = { width: 390, height: 844 };

export interface Session {
	page: Page;
	context: BrowserContext;
	/** Uncaught exceptions and console errors seen on the page so far. */
	errors: string[];
	/** Load the harness page afresh (a clean DOM) at `viewport`. */
	reload(viewport?: { width: number; height: number }): Promise<void>;
	mount(opts: MountOptions): Promise<void>;
	close(): Promise<void>;
}

/** Noon, so the local date is the example vault's day in every time zone. */
export function frozenNow(today: string): Date {
	const [y, m, d] = today.split('-').map(Number);
	return new Date(y, m - 1, d, 12, 0, 0);
}

export async function openSession(today: string): Promise<Session> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does it)`);
	}
	if (!existsSync(join(REPO, 'styles.css'))) throw new Error('styles.css is missing at the repository root');
	mkdirSync(SCREENSHOTS, { recursive: true });
	const script = await buildHarness();
	const server: HarnessServer = await serveHarness(script);
	const profile = mkdtempSync(join(tmpdir(), 'kindred-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: DESKTOP,
			deviceScaleFactor: 1,
			locale: 'en-GB',
		});
	} catch (e) {
		await server.close();
		rmSync(profile, { recursive: true, force: true });
		throw e;
	}
	const page = context.pages()[0] ?? (await context.newPage());
	const errors: string[] = [];
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	await page.clock.setFixedTime(frozenNow(today));

	const reload = async (viewport = DESKTOP): Promise<void> => {
		await page.setViewportSize(viewport);
		await page.goto(server.url);
		await page.waitForFunction(() => typeof window.kindred === 'object');
	};
	await reload();
	return {
		page,
		context,
		errors,
		reload,
		mount: async (opts) => {
			await page.evaluate((o) => window.kindred.mount(o), opts);
		},
		close: async () => {
			await context.close();
			await server.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
