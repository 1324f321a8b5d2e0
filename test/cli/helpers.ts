/**
 * Helpers for the command-line tests: build the CLI once per test file (to its own file
 * in dist/, so files building at the same time never overwrite each other, and so the
 * bundle's `../example-vault` default resolves as it does for dist/cli.cjs), run it as
 * a child process, copy fixture vaults to a temporary folder, and hash a folder tree to
 * prove a refused command wrote nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

export const REPO = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/cli');
export const EXAMPLE_VAULT = path.join(REPO, 'example-vault');

/** Build src/cli/main.ts with the options esbuild.config.mjs uses; returns the bundle's path. */
export async function buildCli(tag: string): Promise<string> {
	const outfile = path.join(REPO, 'dist', `cli-test-${tag}-${process.pid}.cjs`);
	await build({
		entryPoints: [path.join(REPO, 'src/cli/main.ts')],
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		logLevel: 'warning',
		banner: { js: '#!/usr/bin/env node' },
		outfile,
	});
	return outfile;
}

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	env?: Record<string, string>;
	cwd?: string;
}

function childEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
	const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...extra };
	delete env.FORCE_COLOR;
	return env;
}

export function runCli(cli: string, args: string[], opts: RunOptions = {}): CliResult {
	const r = spawnSync(process.execPath, [cli, ...args], {
		encoding: 'utf8',
		env: childEnv(opts.env),
		cwd: opts.cwd ?? REPO,
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start the CLI without waiting, for tests that run several at once. */
export function startCli(cli: string, args: string[], opts: RunOptions = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], { env: childEnv(opts.env), cwd: opts.cwd ?? REPO });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

/** A fresh copy of a fixture vault in a temporary folder. */
export function copyVault(source: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-cli-'));
	const vault = path.join(dir, path.basename(source));
	fs.cpSync(source, vault, { recursive: true });
	return vault;
}

export function removeDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (dot files included) → sha256 of its bytes. */
export function hashTree(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string): void => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const abs = path.join(d, e.name);
			if (e.isDirectory()) walk(abs);
			else out[path.relative(dir, abs).split(path.sep).join('/')] = crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex');
		}
	};
	walk(dir);
	return out;
}
