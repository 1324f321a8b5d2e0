import { test } from 'vitest';
import { openSession } from './chromium';
import { readExampleVault, TODAY } from './example-vault';
test('scratch', async () => {
	const { page: vault } = readExampleVault();
	const s = await openSession(TODAY);
	for (const w of [240, 700]) {
		await s.reload();
		await s.mount({ ...vault, theme: 'light', mobile: false, paneWidth: w });
		await s.page.locator('.mod-right-split').screenshot({ path: `/tmp/pane-${w}.png`, clip: undefined });
	}
	await s.close();
});
