/**
 * The command line's floor: a Node process that only walks the vault and reads every
 * markdown file synchronously, as bytes, and does nothing with them. `kindred due` cannot
 * be faster than this; the benchmark reports how many times slower it is.
 *
 *     node bench-results/build/read-floor.mjs VAULT
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, stdout } from 'node:process';

function walk(dir: string, visit: (file: string) => void): void {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (e.name.startsWith('.')) continue;
		const abs = join(dir, e.name);
		if (e.isDirectory()) walk(abs, visit);
		else if (e.isFile() && e.name.endsWith('.md')) visit(abs);
	}
}

let files = 0;
let bytes = 0;
walk(argv[2] ?? '.', (file) => {
	bytes += readFileSync(file).length;
	files++;
});
stdout.write(`${files} files, ${bytes} bytes\n`);
