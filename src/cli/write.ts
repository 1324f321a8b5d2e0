/**
 * One safe rewrite of one file, for `kindred log`. The rules (issue 4, "Concurrency"):
 *
 * 1. Read the bytes, compute the new bytes from them.
 * 2. Write the new bytes to a temporary file in the same folder (so the final rename
 *    never crosses a file system), with the note's permissions and owner (a note whose
 *    owner cannot be kept is refused).
 * 3. Read the note again. If it changed since step 1 (Obsidian, sync or another editor
 *    wrote it), throw the temporary file away and start over from the new bytes, once;
 *    if it changed again, refuse: better no entry than a lost one.
 * 4. Rename the temporary file over the note: readers see the old note or the new one,
 *    never half of each.
 *
 * Two `kindred log` processes on one note additionally take a lock file next to it
 * (a dot file, which Obsidian and the disk reader ignore) for steps 1–4, so they queue
 * rather than race in the gap between step 3 and step 4. Symlinked notes are written
 * through to their target so the link survives. Holding the lock, a write first removes
 * temporary files a crashed `kindred log` left beside the note (their process is gone).
 *
 * The rename gives the note a new file: its creation time, extended attributes (Finder
 * tags) and any other hard links to it are not carried over. That is the price of a write
 * no reader can see half done; the plugin's `Vault.process` writes in place instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from './errors';

export type Compute = (bytes: Buffer) => { ok: true; bytes: Buffer } | { ok: false; error: string };

export type RewriteResult = { ok: true; written: boolean; attempts: number } | { ok: false; error: string };

export interface RewriteOptions {
	/** Test hook: runs after the new bytes are computed and staged, before the re-check. */
	beforeCommit?: (attempt: number) => void;
	/** How long to wait for another kindred process's lock on the same note. */
	lockTimeoutMs?: number;
	/** The name used in messages (the vault-relative path). */
	label?: string;
}

const MAX_ATTEMPTS = 2;
const STALE_LOCK_MS = 60_000;
/** A lock is held for milliseconds: one naming no process (empty, half written) is stale after this. */
const UNNAMED_LOCK_MS = 2_000;
/** Longer note names than this (in bytes) get short lock and temporary names: a name may have at most 255. */
const LONG_NAME_BYTES = 180;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return errorCode(err) === 'EPERM';
	}
}

/**
 * A lock left by a crashed process may be taken over: its process is gone, it names none
 * (empty: the process died between creating and writing it) and is a few seconds old, or
 * it is older than a minute.
 */
function isStale(lockPath: string): boolean {
	try {
		const stat = fs.statSync(lockPath);
		const age = Date.now() - stat.mtimeMs;
		if (age > STALE_LOCK_MS) return true;
		const text = fs.readFileSync(lockPath, 'utf8').trim();
		const pid = /^\d+$/.test(text) ? Number(text) : 0;
		if (pid === 0) return age > UNNAMED_LOCK_MS;
		return !processAlive(pid);
	} catch {
		return false; // gone already, or unreadable: try again normally
	}
}

/**
 * What the lock and temporary files beside a note are named after: its name, or for a
 * name too long to take a suffix, a short hash of it (FNV-1a; node:crypto would cost
 * every command its loading time).
 */
function stemOf(file: string): string {
	const base = path.basename(file);
	if (Buffer.byteLength(base) <= LONG_NAME_BYTES) return base;
	let h = 0x811c9dc5;
	for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193) >>> 0;
	return `kindred-${h.toString(16).padStart(8, '0')}`;
}

/** How the names of the lock and temporary files beside `file` start (a dot file: hidden). */
function sidePrefix(file: string): string {
	return `.${stemOf(file)}.kindred-`;
}

/** Remove temporary files a crashed `kindred log` left beside `file` (their process is gone). Called holding the lock. */
function sweepLeftovers(file: string): void {
	const dir = path.dirname(file);
	const prefix = sidePrefix(file);
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const m = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length)) : null;
		if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
		try {
			fs.rmSync(path.join(dir, name));
		} catch {
			// Not ours to remove after all (a folder, another user's): left as it is.
		}
	}
}

async function acquireLock(lockPath: string, timeoutMs: number): Promise<{ ok: true } | { ok: false; error: string }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let fd: number;
		try {
			fd = fs.openSync(lockPath, 'wx');
		} catch (err) {
			if (errorCode(err) !== 'EEXIST') return { ok: false, error: `cannot write next to it (${errorCode(err)})` };
			fd = -1;
		}
		if (fd >= 0) {
			try {
				fs.writeSync(fd, `${process.pid}\n`);
				return { ok: true };
			} catch (err) {
				// Created but not written (a full disk): ours to remove, or it would block the next write.
				fs.rmSync(lockPath, { force: true });
				return { ok: false, error: `cannot write next to it (${errorCode(err)})` };
			} finally {
				fs.closeSync(fd);
			}
		}
		if (isStale(lockPath)) {
			fs.rmSync(lockPath, { force: true });
			continue;
		}
		if (Date.now() >= deadline) return { ok: false, error: 'another kindred process is writing it; try again' };
		await sleep(20 + Math.floor(Math.random() * 30));
	}
}

interface Snapshot {
	bytes: Buffer;
	mode: number;
	uid: number;
	gid: number;
}

function snapshot(file: string): Snapshot {
	const fd = fs.openSync(file, 'r');
	try {
		const stat = fs.fstatSync(fd);
		return { bytes: fs.readFileSync(fd), mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
	} finally {
		fs.closeSync(fd);
	}
}

/** The note's owner could not be kept on the rewritten file: nothing is written. */
class OwnerNotKept extends Error {}

/**
 * Give the staged file the note's owner and group: the rename replaces the note with a
 * file this process created, which would otherwise belong to whoever runs Kindred (root
 * editing a user's vault would lock the user out of a note with mode 640). Only root may
 * give a file away, so for anyone else a note owned by another user is refused.
 */
function keepOwner(fd: number, note: Snapshot): void {
	const staged = fs.fstatSync(fd);
	if (staged.uid === note.uid && staged.gid === note.gid) return;
	try {
		fs.fchownSync(fd, note.uid, note.gid);
	} catch {
		throw new OwnerNotKept();
	}
}

function stage(file: string, bytes: Buffer, note: Snapshot): string {
	const mode = note.mode;
	const dir = path.dirname(file);
	// The suffix only has to make a clash unlikely ('wx' refuses one rather than overwrite):
	// Math.random does, and node:crypto would cost every command, `due` included, its
	// loading time at start-up.
	const suffix = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
	const tmp = path.join(dir, `${sidePrefix(file)}${process.pid}-${suffix}.tmp`);
	const fd = fs.openSync(tmp, 'wx', mode);
	try {
		fs.writeFileSync(fd, bytes);
		if (process.platform !== 'win32') {
			keepOwner(fd, note);
			// The mode given to open is filtered by the umask (and a change of owner may
			// clear set-id bits); set it exactly, last.
			fs.fchmodSync(fd, mode);
		}
		fs.fsyncSync(fd);
	} catch (err) {
		fs.closeSync(fd);
		fs.rmSync(tmp, { force: true });
		throw err;
	}
	fs.closeSync(fd);
	return tmp;
}

/**
 * Rewrite `file` with `compute(currentBytes)`, safely (see the header). Never throws for
 * a problem with the note; the error is one line naming `label`.
 */
export async function safeRewrite(file: string, compute: Compute, opts: RewriteOptions = {}): Promise<RewriteResult> {
	const label = opts.label ?? file;
	let target: string;
	try {
		target = fs.realpathSync(file);
	} catch (err) {
		return { ok: false, error: `${label}: cannot read the note (${errorCode(err)})` };
	}
	const lockPath = path.join(path.dirname(target), `${sidePrefix(target)}lock`);
	const lock = await acquireLock(lockPath, opts.lockTimeoutMs ?? 10_000);
	if (!lock.ok) return { ok: false, error: `${label}: nothing written: ${lock.error}` };

	let tmp: string | null = null;
	try {
		sweepLeftovers(target);
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			const before = snapshot(target);
			if ((before.mode & 0o200) === 0 && process.platform !== 'win32') {
				return { ok: false, error: `${label}: nothing written: the note is read-only` };
			}
			const next = compute(before.bytes);
			if (!next.ok) return { ok: false, error: next.error };
			if (next.bytes.equals(before.bytes)) return { ok: true, written: false, attempts: attempt };

			tmp = stage(target, next.bytes, before);
			opts.beforeCommit?.(attempt);
			const now = snapshot(target);
			if (!now.bytes.equals(before.bytes)) {
				fs.rmSync(tmp, { force: true });
				tmp = null;
				continue; // someone else wrote the note: start again from what is there now
			}
			fs.renameSync(tmp, target);
			tmp = null;
			return { ok: true, written: true, attempts: attempt };
		}
		return {
			ok: false,
			error: `${label}: nothing written: the note kept changing while Kindred was writing it; try again`,
		};
	} catch (err) {
		if (err instanceof OwnerNotKept) {
			return { ok: false, error: `${label}: nothing written: the note belongs to another user, and rewriting it would make it yours` };
		}
		return { ok: false, error: `${label}: nothing written (${errorCode(err)})` };
	} finally {
		if (tmp !== null) fs.rmSync(tmp, { force: true });
		fs.rmSync(lockPath, { force: true });
	}
}
