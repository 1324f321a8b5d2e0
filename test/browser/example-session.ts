/**
 * The setup every browser test file shares: read the example vault once, open one
 * Chromium session on the vault's day for the whole file, and close it after. Each file
 * keeps its own beforeEach, since what a test starts from (a fresh page, a mounted pane,
 * which theme) differs between them.
 */
import { afterAll, beforeAll } from 'vitest';
import { openSession, type Session } from './chromium';
import { readExampleVault, TODAY, type Expected, type VaultForPage } from './example-vault';

export interface ExampleSession {
	readonly session: Session;
	/** The example vault's notes and settings, as the page mounts them. */
	readonly vault: VaultForPage;
	/** What the command line says is due on the vault's day. */
	readonly expected: Expected;
}

/**
 * Registers the file's beforeAll/afterAll hooks; call it at the top level of a test file.
 * The returned object is read inside tests and hooks, once beforeAll has filled it.
 */
export function useExampleSession(): ExampleSession {
	let opened: { session: Session; vault: VaultForPage; expected: Expected } | undefined;

	beforeAll(async () => {
		const { page: vault, expected } = readExampleVault();
		opened = { session: await openSession(TODAY), vault, expected };
	});

	afterAll(async () => {
		// Nothing to close when openSession threw (no Chromium, say); that error is the one to see.
		await opened?.session.close();
	});

	// Reading before beforeAll ran (at module level) is a mistake in the test file; say so
	// rather than fail later on an undefined.
	const get = (): NonNullable<typeof opened> => {
		if (!opened) throw new Error('the example session is read before its beforeAll hook ran');
		return opened;
	};
	return {
		get session() {
			return get().session;
		},
		get vault() {
			return get().vault;
		},
		get expected() {
			return get().expected;
		},
	};
}
