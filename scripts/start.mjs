// `npm start`: build the plugin and the command line, install the plugin into the
// example vault (so opening example-vault/ in Obsidian shows Kindred straight away),
// and print the example vault's due list for today.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vault = path.join(root, 'example-vault');
const pluginDir = path.join(vault, '.obsidian', 'plugins', 'kindred');

function fail(message, output = '') {
	if (output) process.stderr.write(output);
	process.stderr.write(`npm start: ${message}\n`);
	process.exit(1);
}

// 1. Build quietly; show esbuild's output only when it fails.
const started = Date.now();
const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) fail('the build failed', `${build.stdout ?? ''}${build.stderr ?? ''}`);
process.stdout.write(`Built main.js and dist/cli.cjs in ${Date.now() - started} ms.\n`);

// 2. Install the plugin into the example vault.
fs.mkdirSync(pluginDir, { recursive: true });
const copied = [];
for (const file of ['main.js', 'manifest.json', 'styles.css']) {
	const from = path.join(root, file);
	if (!fs.existsSync(from)) {
		process.stderr.write(`npm start: warning: ${file} does not exist yet; not copied\n`);
		continue;
	}
	fs.copyFileSync(from, path.join(pluginDir, file));
	copied.push(file);
}
process.stdout.write(`Copied ${copied.join(', ')} to ${path.relative(root, pluginDir)}/\n\n`);

// 3. The example vault's due list for today.
const due = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'due', vault], { stdio: 'inherit' });
if (due.status !== 0) fail(`kindred due exited with ${due.status ?? due.signal}`);

process.stdout.write(
	[
		'',
		'Next:',
		'  open example-vault/ as a vault in Obsidian (Settings → Community plugins: turn on Kindred);',
		'  node dist/cli.cjs due --today 2026-11-23 --all    everyone, on the day the example was written;',
		'  node dist/cli.cjs --help                          all commands.',
		'',
	].join('\n'),
);
