/**
 * Command-line parsing: `node:util`'s parseArgs with `strict: true`, one option table
 * per command. Anything it does not recognise is a UsageError (exit 2) with a one-line
 * message; parseArgs' own messages are long and mention internals, so they are
 * rewritten into a short sentence that names the option.
 */
import { parseArgs } from 'node:util';
import type { Exchange } from '../core/types';
import { UsageError } from './errors';

export const COMMANDS = ['due', 'log', 'review', 'ics'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface DueArgs {
	command: 'due';
	vault: string | null;
	today: string | null;
	all: boolean;
	json: boolean;
}

export interface LogArgs {
	command: 'log';
	vault: string;
	person: string;
	date: string | null;
	channel: string | null;
	note: string | null;
	exchange: Exchange | null;
}

export interface ReviewArgs {
	command: 'review';
	vault: string | null;
	today: string | null;
	json: boolean;
}

export interface IcsArgs {
	command: 'ics';
	vault: string | null;
	today: string | null;
	output: string | null;
}

export interface HelpArgs {
	command: 'help';
	/** The command whose help was asked for; null for the overview. */
	topic: CommandName | null;
}

export interface VersionArgs {
	command: 'version';
}

export type ParsedArgs = DueArgs | LogArgs | ReviewArgs | IcsArgs | HelpArgs | VersionArgs;

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

const HELP: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h' } };

const OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
	due: { ...HELP, today: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } },
	log: {
		...HELP,
		date: { type: 'string' },
		channel: { type: 'string' },
		note: { type: 'string' },
		gave: { type: 'boolean' },
		received: { type: 'boolean' },
	},
	review: { ...HELP, today: { type: 'string' }, json: { type: 'boolean' } },
	ics: { ...HELP, today: { type: 'string' }, output: { type: 'string', short: 'o' } },
};

/** Positional arguments each command takes, by name, and how many are required. */
const POSITIONALS: Record<CommandName, { names: string[]; required: number }> = {
	due: { names: ['VAULT'], required: 0 },
	log: { names: ['VAULT', 'PERSON'], required: 2 },
	review: { names: ['VAULT'], required: 0 },
	ics: { names: ['VAULT'], required: 0 },
};

export function isCommand(s: string): s is CommandName {
	return (COMMANDS as readonly string[]).includes(s);
}

/** Turn parseArgs' multi-sentence errors into one short sentence naming the option. */
function usageMessage(err: unknown, command: CommandName): string {
	const code = (err as { code?: unknown }).code;
	const message = err instanceof Error ? err.message : String(err);
	const quoted = /'(-[^' ,]*)/.exec(message)?.[1] ?? null;
	switch (code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
			return `unknown option ${quoted ? `'${quoted}'` : ''} for '${command}'`.replace('  ', ' ');
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
			if (/argument missing/.test(message)) return `option '${quoted ?? '?'}' needs a value`;
			if (/does not take an argument/.test(message)) return `option '${quoted ?? '?'}' does not take a value`;
			if (/ambiguous/.test(message)) {
				return `option '${quoted ?? '?'}' is followed by something that looks like an option; write ${quoted ?? 'the option'}=VALUE`;
			}
			return message.split('. ')[0];
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `unexpected argument ${/'([^']*)'/.exec(message)?.[0] ?? ''}`.trim();
		default:
			return message.split('. ')[0];
	}
}

/** Parse `argv` (without `node` and the script). Throws UsageError on bad usage. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
	const [first, ...rest] = argv;
	if (first === undefined || first === '--help' || first === '-h') return { command: 'help', topic: null };
	if (first === '--version' || first === '-V') {
		if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
		return { command: 'version' };
	}
	if (first === 'help') {
		const topic = rest[0];
		if (topic === undefined) return { command: 'help', topic: null };
		if (!isCommand(topic)) throw new UsageError(`unknown command '${topic}'`);
		if (rest.length > 1) throw new UsageError(`unexpected argument '${rest[1]}'`);
		return { command: 'help', topic };
	}
	if (first.startsWith('-')) throw new UsageError(`expected a command before '${first}'`);
	if (!isCommand(first)) throw new UsageError(`unknown command '${first}'`);
	const command = first;

	let parsed: {
		values: Record<string, string | boolean | undefined>;
		positionals: string[];
		tokens: readonly ({ kind: 'option'; name: string; rawName: string } | { kind: 'positional' | 'option-terminator' })[];
	};
	try {
		parsed = parseArgs({ args: [...rest], options: OPTIONS[command], allowPositionals: true, strict: true, tokens: true });
	} catch (err) {
		throw new UsageError(usageMessage(err, command), command);
	}
	const { values, positionals, tokens } = parsed;
	if (values.help === true) return { command: 'help', topic: command };
	// parseArgs keeps the last of a repeated option; `--today A --today B` is more likely a
	// slip than a choice, so it is refused rather than half obeyed.
	const seen = new Set<string>();
	for (const token of tokens) {
		if (token.kind !== 'option') continue;
		// Named as typed the second time (`-o`, not `--output`).
		if (seen.has(token.name)) throw new UsageError(`option '${token.rawName}' is given more than once`, command);
		seen.add(token.name);
	}

	const spec = POSITIONALS[command];
	if (positionals.length > spec.names.length) {
		throw new UsageError(`unexpected argument '${positionals[spec.names.length]}'`, command);
	}
	if (positionals.length < spec.required) {
		const missing = spec.names.slice(positionals.length, spec.required).join(' and ');
		throw new UsageError(`missing ${missing}`, command);
	}
	// An empty VAULT is an unset variable (`kindred due "$VAULT"`), not the current folder.
	positionals.forEach((value, i) => {
		if (value.trim() === '') throw new UsageError(`${spec.names[i]} is empty`, command);
	});
	const str = (k: string): string | null => (typeof values[k] === 'string' ? values[k] : null);
	const bool = (k: string): boolean => values[k] === true;

	switch (command) {
		case 'due':
			return { command, vault: positionals[0] ?? null, today: str('today'), all: bool('all'), json: bool('json') };
		case 'log': {
			if (bool('gave') && bool('received')) throw new UsageError(`use --gave or --received, not both`, command);
			const exchange: Exchange | null = bool('gave') ? 'gave' : bool('received') ? 'received' : null;
			return {
				command,
				vault: positionals[0],
				person: positionals[1],
				date: str('date'),
				channel: str('channel'),
				note: str('note'),
				exchange,
			};
		}
		case 'review':
			return { command, vault: positionals[0] ?? null, today: str('today'), json: bool('json') };
		case 'ics':
			return { command, vault: positionals[0] ?? null, today: str('today'), output: str('output') };
	}
}
