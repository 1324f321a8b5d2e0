// The README's interaction-log example is run here (STYLE.md: examples are tests), so the
// documentation cannot drift from what Kindred reads and writes. The test expects, after
// the heading `## The interaction log`, a fenced block opened with ```markdown whose first
// line is the default log heading and whose other lines are log entries, newest first.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatLogLine, parseLogLine, readLog } from '../../src/core/logline';
import { applyTouchpoint } from '../../src/core/note-edit';
import { defaultSettings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/types';

// Vite reads the file at import time, so the test needs no Node file API.
const files = import.meta.glob<string>('../../README.md', { query: '?raw', import: 'default', eager: true });
const readme = (Object.values(files)[0] ?? '').replace(/\r\n/g, '\n');

function exampleBlock(): string[] {
	const section = readme.indexOf('\n## The interaction log\n');
	expect(section, 'README has a "## The interaction log" section').toBeGreaterThan(-1);
	const open = readme.indexOf('\n```markdown\n', section);
	const nextSection = readme.indexOf('\n## ', section + 1);
	expect(open, 'the section has a ```markdown block').toBeGreaterThan(-1);
	if (nextSection > -1) expect(open, 'the ```markdown block is inside the section').toBeLessThan(nextSection);
	const start = open + '\n```markdown\n'.length;
	const close = readme.indexOf('\n```', start - 1);
	expect(close, 'the block is closed').toBeGreaterThan(start);
	return readme.slice(start, close).split('\n');
}

describe('README: the interaction log example', () => {
	const block = exampleBlock();
	const settings = defaultSettings();
	const entryLines = block.slice(1);

	it('starts with the default log heading and has entries', () => {
		expect(block[0]).toBe(settings.logHeading);
		expect(entryLines.length).toBeGreaterThanOrEqual(2);
	});

	it.each(entryLines)('%s', (line) => {
		const entry = parseLogLine(line);
		expect(entry, 'is read as a log line').not.toBeNull();
		expect(formatLogLine(entry as LogEntry), 'is written back exactly').toBe(line);
	});

	it('is read as a log, newest first, in the order shown', () => {
		expect(readLog(block.join('\n'), settings).map(formatLogLine)).toEqual(entryLines);
	});

	it('is what logging those touchpoints in any order writes', () => {
		const entries = entryLines.map((l) => parseLogLine(l) as LogEntry);
		const newest = entries.map((e) => e.date).sort().reverse()[0];
		// Oldest first, then a back-dated one last, so placement by date is exercised.
		const order = [...entries].reverse();
		if (order.length > 2) order.push(...order.splice(1, 1));
		let text = '';
		for (const e of order) {
			const result = applyTouchpoint(text, e, {
				path: 'People/Example.md',
				settings: { ...settings, linkDates: e.linked },
				parseYaml: load,
				today: newest,
			});
			if (!result.ok) throw new Error(result.error);
			text = result.text;
		}
		expect(text).toBe(['---', `last_contact: ${newest}`, '---', ...block, ''].join('\n'));
	});
});
