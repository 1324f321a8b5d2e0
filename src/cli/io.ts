/**
 * What a command needs from the outside world, passed in rather than reached for, so a
 * command can be run in a unit test with captured output and a fixed clock.
 */
import { oneLine } from './errors';
import type { Style } from './format';

export interface Io {
	/** Write to standard output (the text should end with a newline). */
	out(text: string): void;
	/** Write to standard error. */
	err(text: string): void;
	style: Style;
	/** The vault used when VAULT is not given (the bundled example vault). */
	defaultVault: string;
	/** Now, for "today" when --today/--date is not given. */
	now(): Date;
}

/** Print settings and reader warnings, one line each, on stderr. */
export function warn(io: Io, warnings: readonly string[]): void {
	for (const w of warnings) io.err(`kindred: warning: ${oneLine(w)}\n`);
}
