/**
 * A browser-like global scope for the in-process measurements: happy-dom's window (set up
 * exactly as vitest's `happy-dom` environment does it) and then obsidian-test-mocks' global
 * patches (createDiv, el.createEl, …). Must run before any module that touches the DOM at
 * load, so the measurement modules are imported dynamically after `installDom()`.
 */
import { builtinEnvironments } from 'vitest/runtime';

let installed = false;

export async function installDom(): Promise<void> {
	if (installed) return;
	installed = true;
	await builtinEnvironments['happy-dom'].setup(globalThis, {});
	const { setup } = await import('obsidian-test-mocks/setup');
	setup();
}
