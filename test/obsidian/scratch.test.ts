// @vitest-environment happy-dom
import { test, expect } from 'vitest';
import { App } from 'obsidian-test-mocks/obsidian';
import { Notice, Modal } from 'obsidian';
test('x', async () => {
	const app = App.createConfigured__({ files: { 'People/Ana.md': '---\ntrust: 4\nlast_contact: 2026-01-02\ntags: [person]\n---\n# Hi\n#friend\n## Interactions\n- 2026-02-01 call\n', 'Empty.md': '---\n---\nbody' } });
	const f = app.vault.getFileByPath('People/Ana.md')!;
	console.log(app.metadataCache.getFileCache(f));
	console.log(Object.keys(app.metadataCache.getCache('Empty.md')!));
	console.log(typeof document, typeof window, typeof activeWindow);
	const n = new Notice('hi');
	console.log(n.messageEl.textContent);
	const events: unknown[] = [];
	app.metadataCache.on('changed', (...a: unknown[]) => events.push(a.length));
	await app.vault.process(f, (t) => t + 'x');
	console.log(events);
	await app.vault.rename(f, 'Other/Ana.md');
	console.log(app.metadataCache.getCache('Other/Ana.md'), app.metadataCache.getCache('People/Ana.md') !== null);
	const bad = await app.vault.create('Bad.md', '---\na: [\n---\n').catch((e) => String(e));
	console.log('bad', bad);
	expect(1).toBe(1);
});
