/**
 * Reciprocity: "give before you receive; give as much as you take". Counts the log
 * lines marked `Gave:` or `Received:` per person and network-wide over the last twelve
 * months, and names the people you have only been taking from lately.
 */
import { byName } from './by-name';
import { addDaysLocal, addYearsLocal } from './dates';
import type { LocalDate, LogEntry, Person } from './types';

/** Named in "give first" when the newest marked touchpoints are this many receipts in a row. */
export const GIVE_FIRST_RUN = 3;

export interface Balance {
	gave: number;
	received: number;
}

export interface ReciprocityRow extends Balance {
	path: string;
	name: string;
	trust: number | null;
}

export interface GiveFirstRow {
	path: string;
	name: string;
	trust: number | null;
	/** How many of the newest marked touchpoints in a row were received. */
	receivedInARow: number;
	reason: string;
}

/**
 * The first day of the twelve months ending today (both ends included):
 * 2026-11-23 → 2025-11-24. A 29 February today starts on 1 March a year earlier.
 */
export function yearWindowStart(today: LocalDate): LocalDate {
	return addDaysLocal(addYearsLocal(today, -1), 1);
}

/**
 * Gave and received among `log` entries dated from `since` to `today`, both included.
 * Entries after today are typos and do not count (the schedule reports them).
 */
export function balanceOf(log: readonly LogEntry[], since: LocalDate, today: LocalDate): Balance {
	const b: Balance = { gave: 0, received: 0 };
	for (const e of log) {
		if (e.exchange === null || e.date < since || e.date > today) continue;
		if (e.exchange === 'gave') b.gave++;
		else b.received++;
	}
	return b;
}

/** How one-sided a balance is: the gap between what was given and what was received. */
export function imbalance(b: Balance): number {
	return Math.abs(b.gave - b.received);
}

/**
 * One row per person with any marked touchpoint in the window, the most one-sided
 * first (largest gap), then the most exchanges, then by name.
 */
export function reciprocityRows(people: readonly Person[], today: LocalDate): ReciprocityRow[] {
	const since = yearWindowStart(today);
	const rows: ReciprocityRow[] = [];
	for (const p of people) {
		const b = balanceOf(p.log, since, today);
		if (b.gave + b.received === 0) continue;
		rows.push({ path: p.path, name: p.name, trust: p.trust, gave: b.gave, received: b.received });
	}
	return rows.sort(
		(a, b) =>
			imbalance(b) - imbalance(a) ||
			b.gave + b.received - (a.gave + a.received) ||
			byName(a, b),
	);
}

/** Network-wide totals over the same window. */
export function reciprocityTotal(rows: readonly Balance[]): Balance {
	let gave = 0;
	let received = 0;
	for (const r of rows) {
		gave += r.gave;
		received += r.received;
	}
	return { gave, received };
}

/**
 * How many of the newest marked touchpoints (up to today, any age) were received before
 * the newest one you gave. Same-day entries keep the order of the log.
 */
export function receivedInARow(log: readonly LogEntry[], today: LocalDate): number {
	const marked = log
		.filter((e) => e.exchange !== null && e.date <= today)
		// The log is newest first already; sort again (stably) in case a caller built it by hand.
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	let run = 0;
	for (const e of marked) {
		if (e.exchange !== 'received') break;
		run++;
	}
	return run;
}

/**
 * People whose last three or more marked touchpoints were all received: time to give
 * something back before asking again. Longest run first, then higher trust, then name.
 */
export function giveFirst(people: readonly Person[], today: LocalDate): GiveFirstRow[] {
	const rows: GiveFirstRow[] = [];
	for (const p of people) {
		const run = receivedInARow(p.log, today);
		if (run < GIVE_FIRST_RUN) continue;
		rows.push({
			path: p.path,
			name: p.name,
			trust: p.trust,
			receivedInARow: run,
			reason: `the last ${run} marked touchpoints were all received: give before you ask again`,
		});
	}
	return rows.sort((a, b) => b.receivedInARow - a.receivedInARow || (b.trust ?? 0) - (a.trust ?? 0) || byName(a, b));
}
