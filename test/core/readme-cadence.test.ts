// The README's cadence table is documentation users copy from: every row is run here, so the
// docs cannot drift from what Kindred computes (STYLE.md: examples are tests).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCadence, parseCadence } from '../../src/core/cadence';

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

function cadenceRows(): { cadence: string; last: string; due: string }[] {
	const start = readme.indexOf('| cadence | last contact | due |');
	expect(start, 'README has the cadence table').toBeGreaterThan(-1);
	const rows: { cadence: string; last: string; due: string }[] = [];
	for (const line of readme.slice(start).split('\n').slice(2)) {
		const m = /^\| `([^`]+)` \| (\d{4}-\d{2}-\d{2}) \| (\d{4}-\d{2}-\d{2}) \|$/.exec(line.trim());
		if (!m) break;
		rows.push({ cadence: m[1], last: m[2], due: m[3] });
	}
	return rows;
}

describe('README cadence table', () => {
	const rows = cadenceRows();

	it('documents every written form', () => {
		expect(rows.length).toBeGreaterThanOrEqual(15);
	});

	it.each(rows)('$cadence after $last is due $due', ({ cadence, last, due }) => {
		const parsed = parseCadence(cadence);
		if (!parsed.ok) throw new Error(`README cadence "${cadence}" is rejected: ${parsed.reason}`);
		expect(addCadence(last, parsed.cadence)).toBe(due);
	});
});
