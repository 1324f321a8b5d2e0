/**
 * Parse, dispatch, and turn every failure into one line on stderr and an exit code
 * (0 ok, 1 user error, 2 bad usage). No stack traces: an error nobody anticipated still
 * gets one line, marked "internal error". main.ts is the process entry that calls this.
 */
import * as path from 'node:path';
import { parseCommandLine } from './args';
import { runDue } from './due';
import { EXIT_USAGE, EXIT_USER, oneLine, UsageError, UserError } from './errors';
import { helpText } from './help';
import manifest from '../../manifest.json';
import type { Io } from './io';
import { runLog } from './log';
import { runIcs } from './ics';
import { runReview } from './review';

export function processIo(): Io {
	const tty = process.stdout.isTTY === true;
	return {
		out: (text) => void process.stdout.write(text),
		err: (text) => void process.stderr.write(text),
		style: {
			color: tty && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb',
			columns: tty ? (process.stdout.columns ?? 80) : null,
		},
		// The bundle lives in dist/; the example vault sits beside dist/ in the package.
		defaultVault: path.resolve(__dirname, '../example-vault'),
		now: () => new Date(),
	};
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
	try {
		const args = parseCommandLine(argv);
		switch (args.command) {
			case 'help':
				io.out(helpText(args.topic));
				return 0;
			case 'version':
				io.out(`kindred ${manifest.version}\n`);
				return 0;
			case 'due':
				return runDue(args, io);
			case 'log':
				return await runLog(args, io);
			case 'review':
				return runReview(args, io);
			case 'ics':
				return runIcs(args, io);
		}
	} catch (err) {
		if (err instanceof UsageError) {
			const hint = err.command ? `kindred ${err.command} --help` : 'kindred --help';
			io.err(`kindred: ${oneLine(err.message)} (see '${hint}')\n`);
			return EXIT_USAGE;
		}
		if (err instanceof UserError) {
			io.err(`kindred: ${oneLine(err.message)}\n`);
			return EXIT_USER;
		}
		const message = err instanceof Error ? err.message : String(err);
		io.err(`kindred: internal error: ${oneLine(message)}\n`);
		return EXIT_USER;
	}
}
