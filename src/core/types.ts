/**
 * The shared vocabulary of Kindred's domain. Everything in src/core is pure: no
 * `obsidian`, no Node built-ins, no gray-matter. The plugin (src/obsidian) and the
 * command line (src/cli) both feed notes in and render what comes out.
 */

/** A local calendar date, always `yyyy-MM-dd`. Never an instant. */
export type LocalDate = string;

export type CadenceUnit = 'day' | 'week' | 'month' | 'year';

/** How often to reconnect. Months and years are calendar units; weeks and days are days. */
export interface Cadence {
	unit: CadenceUnit;
	count: number;
	/** Nominal length in days (week 7, month 30, year 365), used for ranking only. */
	days: number;
	/** Short human label, e.g. "every 3 weeks", "monthly". */
	label: string;
}

export type PersonStatus = 'target' | 'active' | 'paused' | 'archived';
export type Energy = 'gives' | 'neutral' | 'drains';
export type Exchange = 'gave' | 'received';

/** A value that could not be read. Collected, never thrown. */
export interface Problem {
	/** The frontmatter key as written in the note (settings' key name), or `log` / `frontmatter`. */
	field: string;
	/** What was found, shown to the user (stringified, shortened). */
	value: string;
	/** Why it was rejected, in words a user understands. */
	reason: string;
}

/** One touchpoint in a person's interaction log. */
export interface LogEntry {
	date: LocalDate;
	/** Written as `[[yyyy-MM-dd]]` rather than plain. */
	linked: boolean;
	channel: string | null;
	exchange: Exchange | null;
	/** Free text after the date, channel and marker. */
	text: string;
}

/** A person as read from one note. */
export interface Person {
	/** Vault-relative path with extension, e.g. `People/Ana Ruiz.md`. The identity. */
	path: string;
	/** The note's basename. */
	name: string;
	aliases: string[];
	/** The explicit cadence or the default for the trust level; null when neither. */
	cadence: Cadence | null;
	cadenceSource: 'note' | 'trust' | null;
	trust: number | null;
	/** The `last_contact` frontmatter value, when readable and not in the future. */
	lastContactField: LocalDate | null;
	status: PersonStatus;
	snoozeUntil: LocalDate | null;
	circles: string[];
	/** Link targets (as written inside [[ ]], without alias or heading) of `knows`. */
	knows: string[];
	introducedBy: string | null;
	energy: Energy | null;
	/** Log entries read from the body, newest first. Empty when the body was not read. */
	log: LogEntry[];
	/** Everything that could not be read. A person with a problem that affects the
	 * schedule (cadence, trust, last contact, status, snooze) is `invalid`. */
	problems: Problem[];
	/** True when a problem blocks scheduling (see above). */
	invalid: boolean;
}

export type DueStatus =
	| 'overdue'
	| 'due'
	| 'soon'
	| 'ok'
	| 'never'
	| 'snoozed'
	| 'paused'
	| 'archived'
	| 'untracked'
	| 'invalid';

/** A person placed on the calendar for a given today. */
export interface ScheduledPerson {
	person: Person;
	status: DueStatus;
	/** Newest of `last_contact` and the newest dated log line. */
	lastContact: LocalDate | null;
	due: LocalDate | null;
	/** today − due in calendar days; negative when not yet due; null when never/untracked/invalid. */
	daysOverdue: number | null;
	cadenceDays: number | null;
	/** The newest log entry, for "remember the last conversation". */
	lastEntry: LogEntry | null;
	/** Higher is more urgent. */
	urgency: number;
	/** The person's problems plus those that depend on today (a future last contact). */
	problems: Problem[];
}

/** Minimal YAML parser port: the plugin passes Obsidian's `parseYaml`, Node passes js-yaml. */
export type ParseYaml = (yaml: string) => unknown;

/** Result type for edits: never throws for user input. */
export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; error: string };
