/** Argument parsing as a table: what each command line means, or the usage error it gets. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

describe('parseCommandLine', () => {
	it.each([
		[[], { command: 'help', topic: null }],
		[['help', 'log'], { command: 'help', topic: 'log' }],
		[['due'], { command: 'due', vault: null, today: null, all: false, json: false }],
		[['due', 'V', '--today', '2026-11-23', '--all', '--json'], { command: 'due', vault: 'V', today: '2026-11-23', all: true, json: true }],
		[['due', '--today=2026-11-23', 'V'], { command: 'due', vault: 'V', today: '2026-11-23', all: false, json: false }],
		[['due', '--json', '--help'], { command: 'help', topic: 'due' }],
		[['log', '--help'], { command: 'help', topic: 'log' }],
		[['ics', 'a', 'b', 'c', '-h'], { command: 'help', topic: 'ics' }],
		[
			['log', 'V', 'Ana Ruiz', '--date', '2026-11-20', '--channel', 'call', '--note', 'hi', '--gave'],
			{ command: 'log', vault: 'V', person: 'Ana Ruiz', date: '2026-11-20', channel: 'call', note: 'hi', exchange: 'gave' },
		],
		[['log', 'V', 'Ana', '--received'], { command: 'log', vault: 'V', person: 'Ana', date: null, channel: null, note: null, exchange: 'received' }],
		[['log', 'V', 'Ana', '--note=-1 point'], { command: 'log', vault: 'V', person: 'Ana', date: null, channel: null, note: '-1 point', exchange: null }],
		[['log', 'V', '--', '-odd name'], { command: 'log', vault: 'V', person: '-odd name', date: null, channel: null, note: null, exchange: null }],
		[['review', '--json'], { command: 'review', vault: null, today: null, json: true }],
		[['ics', 'V', '-o', 'out.ics'], { command: 'ics', vault: 'V', today: null, output: 'out.ics' }],
		[['ics', '--output', 'out.ics'], { command: 'ics', vault: null, today: null, output: 'out.ics' }],
		[['ics', '-o', '-'], { command: 'ics', vault: null, today: null, output: '-' }],
		[['--version'], { command: 'version' }],
		[['-V'], { command: 'version' }],
	])('%j', (argv, expected) => {
		expect(parseCommandLine(argv)).toEqual(expected);
	});

	it.each([
		[['nope'], "unknown command 'nope'", null],
		[['-v'], "expected a command before '-v'", null],
		[['due', '--all=1'], "option '--all' does not take a value", 'due'],
		[['due', '--nope'], "unknown option '--nope' for 'due'", 'due'],
		[['review', '-o', 'x'], "unknown option '-o' for 'review'", 'review'],
		[['log', 'V', 'Ana', '--note', '-x'], "option '--note' is followed by something that looks like an option; write --note=VALUE", 'log'],
		[['log', 'V'], 'missing PERSON', 'log'],
		[['log', 'V', 'A', 'B'], "unexpected argument 'B'", 'log'],
		[['help', 'due', 'extra'], "unexpected argument 'extra'", null],
		[['--version', 'due'], "unexpected argument 'due'", null],
		[['due', '--today', '2026-11-23', '--today', '2026-11-24'], "option '--today' is given more than once", 'due'],
		[['due', '--json', '--json'], "option '--json' is given more than once", 'due'],
		[['ics', '-o', 'a.ics', '--output=b.ics'], "option '--output' is given more than once", 'ics'],
		[['ics', '-o', 'a.ics', '-o', 'b.ics'], "option '-o' is given more than once", 'ics'],
		[['log', 'V', 'Ana', '--note', 'one', '--note', 'two'], "option '--note' is given more than once", 'log'],
		// An unset variable in a script (`kindred due "$VAULT"`) would otherwise read the current folder.
		[['due', ''], 'VAULT is empty', 'due'],
		[['ics', ' ', '-o', '-'], 'VAULT is empty', 'ics'],
		[['log', 'V', ''], 'PERSON is empty', 'log'],
	])('%j is a usage error', (argv, message, command) => {
		let err: unknown;
		try {
			parseCommandLine(argv);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(UsageError);
		expect((err as UsageError).message).toBe(message);
		expect((err as UsageError).command).toBe(command);
	});
});
