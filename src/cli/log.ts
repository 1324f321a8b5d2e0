/**
 * `kindred log VAULT PERSON`: append one touchpoint to a person's note and move
 * `last_contact` forward, in one safe write (write.ts). The edit itself is core's
 * applyTouchpoint, the same function the plugin runs inside `Vault.process`; this file
 * only finds the person, checks the options and reports the outcome in one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { todayLocal } from '../core/dates';
import { isWritableChannel } from '../core/logline';
import { applyTouchpoint } from '../core/note-edit';
import { Roster } from '../core/roster';
import type { LogEntry } from '../core/types';
import type { LogArgs } from './args';
import { UserError } from './errors';
import { parseYaml } from './frontmatter';
import { warn, type Io } from './io';
import { decodeNote } from './text';
import { dateOption } from './today';
import { loadVault, realPathOr, toVaultPath } from './vault';
import { safeRewrite, type RewriteOptions } from './write';

/**
 * PERSON as typed: a name, an alias, a vault-relative path, or a path to the note from
 * the current folder (what tab completion gives). The last is turned into a vault path.
 */
export function personQuery(query: string, root: string, cwd: string): string {
	const q = query.trim();
	if (!/[/\\]|\.md$/i.test(q)) return q;
	const abs = path.resolve(cwd, q);
	if (!fs.existsSync(abs)) return q.replace(/\\/g, '/');
	// The current folder is a physical path; the vault may be reached through a symlink
	// (/tmp on macOS, an iCloud folder): compare both resolved. The note's own name is
	// kept, so a note that is itself a symlink is still the note in the vault.
	const rel = path.relative(realPathOr(root), path.join(realPathOr(path.dirname(abs)), path.basename(abs)));
	if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return toVaultPath(root, path.join(root, rel));
	return q.replace(/\\/g, '/');
}

function checkChannel(channel: string | null): string | null {
	if (channel === null) return null;
	const c = channel.trim();
	if (c === '') return null;
	if (!isWritableChannel(c)) throw new UserError(`--channel "${c}" cannot contain parentheses or line breaks`);
	return c;
}

export async function runLog(args: LogArgs, io: Io, writeOptions: RewriteOptions = {}): Promise<number> {
	const today = todayLocal(io.now());
	const date = args.date === null ? today : dateOption('--date', args.date);
	const channel = checkChannel(args.channel);
	// One log line: a note typed over several lines is joined into one.
	const text = (args.note ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();

	const vault = loadVault(args.vault);
	// Reading with the defaults is fine (said in a warning); writing with them could add a
	// second last-contact key or log section to a vault that names its own. A guess: refused.
	if (vault.settingsUnreadable !== undefined) {
		throw new UserError(`${vault.settingsUnreadable}, so the key names and log heading to write are not known; nothing written`);
	}
	warn(io, vault.warnings);
	const roster = new Roster();
	for (const p of vault.people) roster.upsert(p);
	const found = roster.find(personQuery(args.person, vault.root, process.cwd()));
	if (!found.ok) throw new UserError(`${found.reason}; nothing written`);
	const person = found.person;

	const entry: LogEntry = { date, linked: vault.settings.linkDates, channel, exchange: args.exchange, text };
	const ctx = { path: person.path, settings: vault.settings, parseYaml, today };
	const result = await safeRewrite(
		path.join(vault.root, ...person.path.split('/')),
		(bytes) => {
			const decoded = decodeNote(bytes);
			if (!decoded.ok) return { ok: false, error: `${person.path}: cannot log: the note ${decoded.reason}` };
			const edit = applyTouchpoint(decoded.text, entry, ctx);
			if (!edit.ok) return { ok: false, error: edit.error };
			return { ok: true, bytes: Buffer.from(edit.text, 'utf8') };
		},
		{ ...writeOptions, label: person.path },
	);
	if (!result.ok) throw new UserError(result.error);

	const how = [channel, args.exchange].filter((x) => x !== null).join(', ');
	io.out(`Logged ${date}${how ? ` (${how})` : ''} with ${person.name} in ${person.path}\n`);
	return 0;
}
