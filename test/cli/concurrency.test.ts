/**
 * Several `kindred log` processes started at once on one note: each either lands or is
 * refused with exit 1; an entry reported as logged is never lost.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, copyVault, FIXTURES, removeDir, startCli } from './helpers';

let cli: string;
beforeAll(async () => {
	cli = await buildCli('concurrency');
});
afterAll(() => fs.rmSync(cli, { force: true }));

describe('concurrent kindred log on the same note', () => {
	it.each([2, 6])('%i processes at once: no lost entry', async (n) => {
		const vault = copyVault(path.join(FIXTURES, 'log-vault'));
		try {
			const results = await Promise.all(
				Array.from({ length: n }, (_, i) =>
					startCli(cli, ['log', vault, 'Plain', '--date', `2025-01-${String(10 + i).padStart(2, '0')}`, '--note', `writer ${i}`]),
				),
			);
			const text = fs.readFileSync(path.join(vault, 'People/Plain.md'), 'utf8');
			let landed = 0;
			results.forEach((r, i) => {
				const line = `- 2025-01-${String(10 + i).padStart(2, '0')} writer ${i}\n`;
				if (r.status === 0) {
					landed++;
					expect(text, `writer ${i} said it logged`).toContain(line);
				} else {
					expect(r.status).toBe(1);
					expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
					expect(text).not.toContain(line);
				}
			});
			expect(landed).toBeGreaterThan(0);
			// The newest landed date is the last contact; the entries stay in date order.
			const dates = [...text.matchAll(/^- (\d{4}-\d{2}-\d{2}) /gm)].map((m) => m[1]);
			expect(dates).toEqual([...dates].sort().reverse());
			expect(text).toContain(`last_contact: ${dates[0]}\n`);
			expect(fs.readdirSync(path.join(vault, 'People')).filter((f) => f.startsWith('.'))).toEqual([]);
		} finally {
			removeDir(path.dirname(vault));
		}
	});
});
