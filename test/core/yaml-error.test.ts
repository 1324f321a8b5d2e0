// describeYamlError: the two YAML parsers Kindred meets (js-yaml on the command line,
// Obsidian's parseYaml in the plugin, the `yaml` package in the test double) word a
// broken frontmatter the same way, the line counted in the note.
import { load } from 'js-yaml';
import { parseYaml } from 'obsidian';
import { describe, expect, it } from 'vitest';
import { describeYamlError } from '../../src/core/frontmatter-edit';

function errorOf(parse: (yaml: string) => unknown, yaml: string): unknown {
	try {
		parse(yaml);
	} catch (err) {
		return err;
	}
	throw new Error(`expected ${JSON.stringify(yaml)} not to parse`);
}

describe('describeYamlError', () => {
	// The YAML as it sits in a note after the `---` line: its first line is the note's line 2.
	it.each([
		['a duplicate key', 'trust: 4\ntrust: 5\n', 3],
		['a list left open', 'name: Ana\ncircles: [work\n', 4],
		['a nested map on one line', 'a: b: c\n', 2],
	])('names the note line of %s for both parsers', (_what, yaml, line) => {
		const js = describeYamlError(errorOf(load, yaml), 2);
		const obsidian = describeYamlError(errorOf(parseYaml, yaml), 2);
		expect(js).toMatch(new RegExp(`^line ${line}: \\S`));
		expect(obsidian).toMatch(new RegExp(`^line ${line}: \\S`));
		// No position counted in the YAML alone is left in the text.
		expect(obsidian).not.toMatch(/column/);
	});

	it('falls back to the first line of any other error', () => {
		expect(describeYamlError(new Error('something odd\nmore detail'), 2)).toBe('something odd');
		expect(describeYamlError('plain text', 2)).toBe('plain text');
	});
});
