// @vitest-environment happy-dom
/**
 * main.js must load on Obsidian mobile, where there is no Node: build the plugin bundle
 * the way `npm run build` does and evaluate it in a bare `vm` context whose only module
 * is a stub 'obsidian'. Also: no gray-matter, no Node built-in, and small.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginOptions } from '../../build-options.mjs';

// The plugin build exactly as `npm run build` makes it, written to a temp file.
async function buildPlugin(outfile: string): Promise<void> {
	await build({ ...pluginOptions({ production: true, outfile }), logLevel: 'silent' });
}

/** A stand-in 'obsidian': every export is an empty class, enough to define subclasses. */
function obsidianStub(): Record<string | symbol, unknown> {
	const made: Record<string | symbol, unknown> = {};
	return new Proxy(made, {
		get(target, name) {
			if (name === '__esModule') return false;
			target[name] ??= class {};
			return target[name];
		},
	});
}

let dir = '';
let code = '';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kindred-bundle-'));
	await buildPlugin(join(dir, 'main.js'));
	code = readFileSync(join(dir, 'main.js'), 'utf8');
}, 60_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('main.js', () => {
	it('evaluates without Node globals and exports a Plugin subclass', () => {
		const obsidian = obsidianStub();
		const required: string[] = [];
		const module = { exports: {} as Record<string, unknown> };
		const context = createContext({
			module,
			exports: module.exports,
			require: (name: string) => {
				required.push(name);
				if (name !== 'obsidian') throw new Error(`main.js required "${name}"`);
				return obsidian;
			},
		});
		for (const name of ['Buffer', 'process', 'global', 'setImmediate', '__dirname']) {
			expect(runInContext(`typeof ${name}`, context)).toBe('undefined');
		}
		runInContext(code, context, { filename: 'main.js' });
		expect([...new Set(required)]).toEqual(['obsidian']);
		const exported = (module.exports.default ?? module.exports) as { prototype: unknown };
		expect(typeof exported).toBe('function');
		expect(exported.prototype instanceof (obsidian.Plugin as new () => unknown)).toBe(true);
	});

	it('holds no gray-matter and requires no Node built-in', () => {
		expect(code).not.toMatch(/gray-matter|gray_matter/i);
		const requires = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
		expect([...new Set(requires)]).toEqual(['obsidian']);
		for (const m of builtinModules) expect(requires).not.toContain(m);
	});

	it('is small', () => {
		expect(new TextEncoder().encode(code).length).toBeLessThan(150 * 1024);
	});
});
