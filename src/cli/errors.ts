/**
 * The two kinds of failure the command line reports, mapped to exit codes by main.ts:
 * a usage error (2: unknown command or option, missing argument) and a user error
 * (1: unknown person, bad date, a note that cannot be edited safely). Both carry one
 * line of text; neither ever prints a stack trace.
 */

export class UsageError extends Error {
	/** The command the usage error belongs to, for the "see --help" hint. */
	readonly command: string | null;
	constructor(message: string, command: string | null = null) {
		super(message);
		this.name = 'UsageError';
		this.command = command;
	}
}

export class UserError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UserError';
	}
}

/** Exit codes, as DESIGN.md's "Command line" defines them. */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_USAGE = 2;

/** One line: newlines and runs of whitespace in a message become single spaces. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The `code` of a Node system error (ENOENT, EACCES, …), or its message. */
export function errorCode(err: unknown): string {
	const code = (err as { code?: unknown } | null)?.code;
	if (typeof code === 'string') return code;
	return err instanceof Error ? err.message : String(err);
}
