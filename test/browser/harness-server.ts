/**
 * Node side of the browser harness: bundles test/browser/harness.ts (which imports the
 * real view, modal, writer and index) with esbuild, 'obsidian' aliased to the browser
 * stand-in, and serves it with Obsidian's theme stylesheet and Kindred's real styles.css
 * from a throwaway HTTP server on 127.0.0.1 (a random port). Nothing is written to disk.
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');

/** The page: Obsidian's right sidebar beside an empty note area, nothing in it yet. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kindred harness</title>
<link rel="stylesheet" href="/obsidian-theme.css">
<link rel="stylesheet" href="/styles.css">
</head>
<body class="theme-light">
<div class="app-container">
	<div class="workspace-fake-root"></div>
	<div class="workspace-split mod-right-split"></div>
</div>
<script src="/harness.js"></script>
</body>
</html>
`;

/** Bundle the page script. Throws with esbuild's messages when the sources don't build. */
export async function buildHarness(): Promise<string> {
	const result = await esbuild.build({
		entryPoints: [join(HERE, 'harness.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2021',
		alias: { obsidian: join(HERE, 'obsidian-browser.ts') },
		// Node globals must not leak in: the plugin runs where there are none (mobile).
		define: { 'process.env.NODE_ENV': '"test"' },
		sourcemap: 'inline',
		logLevel: 'silent',
	});
	return result.outputFiles[0].text;
}

export interface HarnessServer {
	url: string;
	close(): Promise<void>;
}

/** Serve the page, the bundle and the two stylesheets. styles.css is read per request. */
export async function serveHarness(script: string): Promise<HarnessServer> {
	const files: Record<string, () => { type: string; body: string }> = {
		'/': () => ({ type: 'text/html', body: PAGE }),
		'/harness.js': () => ({ type: 'text/javascript', body: script }),
		'/obsidian-theme.css': () => ({ type: 'text/css', body: readFileSync(join(HERE, 'obsidian-theme.css'), 'utf8') }),
		'/styles.css': () => ({ type: 'text/css', body: readFileSync(join(REPO, 'styles.css'), 'utf8') }),
	};
	const server: Server = createServer((req, res) => {
		const url = (req.url ?? '/').split('?')[0];
		if (url === '/favicon.ico') {
			res.writeHead(204).end();
			return;
		}
		const route = files[url];
		if (!route) {
			res.writeHead(404).end();
			return;
		}
		try {
			const { type, body } = route();
			res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
		} catch (e) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise<void>((ok) => server.close(() => ok())),
	};
}
