/**
 * The folder that holds templates, so a template with `type: person` is never listed as
 * someone to call. Read once, after the layout is ready: the core Templates plugin's
 * `templates.json`, else Templater's `templates_folder`. Missing or unreadable config
 * means no templates folder.
 */
import type { DataAdapter } from 'obsidian';

async function readJson(adapter: Pick<DataAdapter, 'exists' | 'read'>, path: string): Promise<Record<string, unknown> | null> {
	try {
		if (!(await adapter.exists(path))) return null;
		const data: unknown = JSON.parse(await adapter.read(path));
		return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

function folderOf(v: unknown): string | null {
	if (typeof v !== 'string') return null;
	const f = v.trim().replace(/^\/+|\/+$/g, '');
	return f === '' ? null : f;
}

export async function readTemplatesFolder(
	adapter: Pick<DataAdapter, 'exists' | 'read'>,
	configDir: string,
): Promise<string | null> {
	const core = await readJson(adapter, `${configDir}/templates.json`);
	const fromCore = folderOf(core?.folder);
	if (fromCore) return fromCore;
	const templater = await readJson(adapter, `${configDir}/plugins/templater-obsidian/data.json`);
	return folderOf(templater?.templates_folder);
}
