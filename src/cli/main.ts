/**
 * The `kindred` entry point (bundled to dist/cli.cjs): run the command, set the exit
 * code, and let Node exit when output is flushed.
 */
import { errorCode, EXIT_USER, oneLine } from './errors';
import { processIo, run } from './run';

// A closed pipe (`kindred due | head -1`) is not an error worth a message.
process.stdout.on('error', (err: Error) => {
	if (errorCode(err) === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2), processIo()).then(
	(code) => {
		process.exitCode = code;
	},
	(err: unknown) => {
		process.stderr.write(`kindred: internal error: ${oneLine(String(err))}\n`);
		process.exitCode = EXIT_USER;
	},
);
