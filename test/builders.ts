/**
 * Test builders: a PersonBuilder (like Tasks' TaskBuilder) so a test states only what it
 * cares about, and small helpers for frontmatter fixtures. Everything goes through the
 * real readPerson, so a built person is exactly what a note with that frontmatter gives.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { afterEach, beforeEach, vi } from 'vitest';
import { isLocalDate } from '../src/core/dates';
import { readPerson } from '../src/core/person';
import { schedulePerson } from '../src/core/schedule';
import { defaultSettings, type KindredSettings } from '../src/core/settings';
import type { Exchange, LocalDate, LogEntry, Person, ScheduledPerson } from '../src/core/types';

/**
 * How many cases a property test runs: `full` normally; `npm test` sets
 * KINDRED_PROPERTY_RUNS to a lighter sample for its second and third time zones.
 */
export function propertyRuns(full: number): number {
	// Vitest mirrors the process environment into import.meta.env.
	const n = Number(import.meta.env.KINDRED_PROPERTY_RUNS);
	return Number.isInteger(n) && n > 0 ? Math.min(n, full) : full;
}

/** Settings with some fields changed; `keys` and `cadenceByTrust` merge over the defaults. */
export function settingsWith(
	overrides: Partial<Omit<KindredSettings, 'keys' | 'cadenceByTrust'>> & {
		keys?: Partial<KindredSettings['keys']>;
		cadenceByTrust?: Partial<KindredSettings['cadenceByTrust']>;
	} = {},
): KindredSettings {
	const base = defaultSettings();
	const { keys, cadenceByTrust, ...rest } = overrides;
	return {
		...base,
		...rest,
		keys: { ...base.keys, ...keys },
		cadenceByTrust: { ...base.cadenceByTrust, ...cadenceByTrust },
	};
}

/**
 * Registers beforeEach/afterEach hooks that run each test with fake timers and the clock
 * at local noon of `date`: local, because "today" is the local calendar date; noon, far
 * from the midnights where a daylight-saving change could move it.
 */
export function freezeClockAtLocalNoon(date: LocalDate): void {
	if (!isLocalDate(date)) throw new Error(`freezeClockAtLocalNoon: ${date} is not a yyyy-MM-dd date`);
	const [y, m, d] = date.split('-').map(Number);
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(y, m - 1, d, 12));
	});
	afterEach(() => {
		vi.useRealTimers();
	});
}

/** What js-yaml gives for an unquoted `2026-11-02`: UTC midnight. */
export function yamlDate(date: LocalDate): Date {
	return new Date(`${date}T00:00:00Z`);
}

/**
 * Parse a YAML frontmatter block (without the `---` fences) with js-yaml. By default,
 * unquoted dates become UTC-midnight Dates (and js-yaml silently rolls 2026-02-30 over
 * to 2026-03-02); `{ dates: 'text' }` uses the core schema, which keeps them as text.
 */
export function frontmatterFromYaml(yaml: string, opts: { dates?: 'Date' | 'text' } = {}): Record<string, unknown> {
	const data = load(yaml, opts.dates === 'text' ? { schema: CORE_SCHEMA } : undefined);
	if (data === null || data === undefined) return {};
	if (typeof data !== 'object' || Array.isArray(data)) throw new Error('frontmatter must be a mapping');
	return data as Record<string, unknown>;
}

/** A log entry with sensible defaults. */
export function logEntry(
	date: LocalDate,
	opts: { text?: string; channel?: string | null; exchange?: Exchange | null; linked?: boolean } = {},
): LogEntry {
	return {
		date,
		linked: opts.linked ?? false,
		channel: opts.channel ?? null,
		exchange: opts.exchange ?? null,
		text: opts.text ?? '',
	};
}

/**
 * new PersonBuilder('People/Ana.md').trust(4).cadence('monthly').lastContact('2026-11-02').build()
 *
 * Values go into a frontmatter object under the settings' key names, so they may be
 * anything a note could hold (a Date, a number, a bad string) to test how it is read.
 */
export class PersonBuilder {
	private fm: Record<string, unknown> = {};
	private entries: LogEntry[] = [];
	private conf: KindredSettings;
	private noFrontmatter = false;

	constructor(
		private path = 'People/Someone.md',
		settings?: KindredSettings,
	) {
		this.conf = settings ?? defaultSettings();
	}

	/** Use these settings (their key names and default cadences). */
	settings(s: KindredSettings): this {
		this.conf = s;
		return this;
	}

	at(path: string): this {
		this.path = path;
		return this;
	}

	/** Set any frontmatter key, verbatim. */
	set(key: string, value: unknown): this {
		this.fm[key] = value;
		this.noFrontmatter = false;
		return this;
	}

	/** Remove a key set earlier. */
	unset(key: string): this {
		delete this.fm[key];
		return this;
	}

	/** The note has no frontmatter at all (readPerson gets null). */
	withoutFrontmatter(): this {
		this.fm = {};
		this.noFrontmatter = true;
		return this;
	}

	cadence(v: unknown): this {
		return this.set(this.conf.keys.cadence, v);
	}
	trust(v: unknown): this {
		return this.set(this.conf.keys.trust, v);
	}
	/** A `yyyy-MM-dd` string is stored as js-yaml would parse it unquoted (a UTC-midnight Date). */
	lastContact(v: unknown): this {
		return this.set(this.conf.keys.lastContact, asYaml(v));
	}
	status(v: unknown): this {
		return this.set(this.conf.keys.status, v);
	}
	snoozeUntil(v: unknown): this {
		return this.set(this.conf.keys.snoozeUntil, asYaml(v));
	}
	circles(v: unknown): this {
		return this.set(this.conf.keys.circles, v);
	}
	knows(v: unknown): this {
		return this.set(this.conf.keys.knows, v);
	}
	introducedBy(v: unknown): this {
		return this.set(this.conf.keys.introducedBy, v);
	}
	energy(v: unknown): this {
		return this.set(this.conf.keys.energy, v);
	}
	aliases(v: unknown): this {
		return this.set(this.conf.keys.aliases, v);
	}

	/** Add a log entry (any order; readPerson sorts newest first). */
	entry(date: LocalDate, opts: Parameters<typeof logEntry>[1] = {}): this {
		this.entries.push(logEntry(date, opts));
		return this;
	}

	/** The frontmatter object as it stands. */
	frontmatter(): Record<string, unknown> | null {
		return this.noFrontmatter ? null : { ...this.fm };
	}

	build(): Person {
		return readPerson(this.path, this.frontmatter(), this.conf, this.entries);
	}

	/** Build and schedule for `today`. */
	schedule(today: LocalDate): ScheduledPerson {
		return schedulePerson(this.build(), today, this.conf);
	}
}

/**
 * Real `yyyy-MM-dd` strings are stored as an unquoted YAML date would be (a UTC-midnight
 * Date); anything else, impossible dates included, verbatim as a string.
 */
function asYaml(v: unknown): unknown {
	return typeof v === 'string' && isLocalDate(v) ? yamlDate(v) : v;
}

/** Shorthand: `person('Ana', b => b.trust(4))` builds People/Ana.md. */
export function person(name: string, configure: (b: PersonBuilder) => PersonBuilder = (b) => b): Person {
	return configure(new PersonBuilder(`People/${name}.md`)).build();
}

/**
 * A set of people after some changes, as the roster would see it: each change replaces the
 * person at its path, except every third, which deletes it. Returns who is there now and
 * what patchDueList needs (the Person objects that left, and the ones that joined).
 */
export function applyChanges(before: readonly Person[], changes: readonly Person[]): { now: Person[]; removed: Person[]; added: Person[] } {
	const byPath = new Map(before.map((p) => [p.path, p]));
	const removed: Person[] = [];
	const added: Person[] = [];
	changes.forEach((p, i) => {
		const old = byPath.get(p.path);
		if (old) removed.push(old);
		if (i % 3 === 2) byPath.delete(p.path);
		else {
			byPath.set(p.path, p);
			added.push(p);
		}
	});
	return { now: [...byPath.values()], removed, added };
}
