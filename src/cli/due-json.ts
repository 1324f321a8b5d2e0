/**
 * The JSON shape of one person in `kindred due --json`. Pure (no Node), so the plugin's
 * parity test can map its own ScheduledPerson list with the same function and compare.
 */
import type { DueStatus, LocalDate, Problem, ScheduledPerson } from '../core/types';

export interface DueJsonPerson {
	path: string;
	name: string;
	status: DueStatus;
	lastContact: LocalDate | null;
	due: LocalDate | null;
	daysOverdue: number | null;
	cadenceDays: number | null;
	trust: number | null;
	/** The cadence's label ("every 3 weeks"), explicit or by trust; null when untracked. */
	cadence: string | null;
	circles: string[];
	/** The text of the newest log entry, for "remember the last conversation". */
	lastNote: string | null;
	/** Whether that entry was marked as something given or received; null when neither (or none). */
	lastExchange: 'gave' | 'received' | null;
	problems: Problem[];
}

export interface DueJsonDocument {
	today: LocalDate;
	people: DueJsonPerson[];
}

export function toDueJson(sp: ScheduledPerson): DueJsonPerson {
	const p = sp.person;
	return {
		path: p.path,
		name: p.name,
		status: sp.status,
		lastContact: sp.lastContact,
		due: sp.due,
		daysOverdue: sp.daysOverdue,
		cadenceDays: sp.cadenceDays,
		trust: p.trust,
		cadence: p.cadence?.label ?? null,
		circles: [...p.circles],
		lastNote: sp.lastEntry ? sp.lastEntry.text : null,
		lastExchange: sp.lastEntry?.exchange ?? null,
		problems: sp.problems.map(({ field, value, reason }) => ({ field, value, reason })),
	};
}

export function toDueJsonDocument(today: LocalDate, list: readonly ScheduledPerson[]): DueJsonDocument {
	return { today, people: list.map(toDueJson) };
}
