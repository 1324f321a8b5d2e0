/**
 * Short phrases for a person's place on the calendar, shared by the pane and the CLI so
 * both say the same thing.
 *
 * Spans: under 14 days in days ("13 days"), then weeks until 60 days ("8 weeks"), then
 * months (30 days each; calendar months in describeSpanSince) until two years ("23
 * months"), then years. Counts round down, so a phrase never overstates how late someone is.
 */
import { addMonthsLocal, diffDays } from './dates';
import type { LocalDate, Problem, ScheduledPerson } from './types';

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The unit a span of `n` days is said in (see the header), and its length in days. */
function spanUnit(n: number): { word: string; days: number } {
	if (n < 14) return { word: 'day', days: 1 };
	if (n < 60) return { word: 'week', days: 7 };
	if (n < 730) return { word: 'month', days: 30 };
	return { word: 'year', days: 365 };
}

/** A length of time in the largest sensible unit: "1 day", "3 weeks", "2 months", "2 years". */
export function describeSpan(days: number): string {
	const n = Math.abs(Math.trunc(days));
	const unit = spanUnit(n);
	return plural(Math.floor(n / unit.days), unit.word);
}

/**
 * The time from `from` to `to` (not before it), never read as shorter than it was nor
 * longer: "over 3 weeks" for 22 days, "3 weeks" for 21. Months and years are calendar
 * ones (31 Jan + 1 month = 28 Feb), so 22 months and 22 days is "over 22 months", where
 * 30-day months would say 23. For "silent for …, more than 3 × monthly".
 */
export function describeSpanSince(from: LocalDate, to: LocalDate): string {
	const n = Math.max(0, diffDays(to, from));
	const unit = spanUnit(n);
	if (unit.days < 30) {
		const count = Math.floor(n / unit.days);
		return count * unit.days === n ? plural(count, unit.word) : `over ${plural(count, unit.word)}`;
	}
	// Whole calendar months from `from` that fit by `to`.
	let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
	if (addMonthsLocal(from, months) > to) months--;
	const [count, word, per] = months < 24 ? [months, 'month', 1] : [Math.floor(months / 12), 'year', 12];
	return addMonthsLocal(from, count * per) === to ? plural(count, word) : `over ${plural(count, word)}`;
}

/** "3 weeks overdue", "due today", "due tomorrow", "due in 2 days", "never contacted", ... */
export function describeDue(sp: ScheduledPerson): string {
	switch (sp.status) {
		case 'never':
			return 'never contacted';
		case 'snoozed':
			return sp.person.snoozeUntil ? `snoozed until ${sp.person.snoozeUntil}` : 'snoozed';
		case 'paused':
			return 'paused';
		case 'archived':
			return 'archived';
		case 'untracked':
			return 'not tracked';
		case 'invalid':
			return 'needs attention';
		case 'overdue':
		case 'due':
		case 'soon':
		case 'ok': {
			const d = sp.daysOverdue ?? 0;
			if (d > 0) return `${describeSpan(d)} overdue`;
			if (d === 0) return 'due today';
			if (d === -1) return 'due tomorrow';
			return `due in ${describeSpan(-d)}`;
		}
	}
}

/**
 * One line for a problem: `last_contact: "2026-02-30" is not a real date`. A reason that
 * quotes a part of the value (a log line's date) follows the whole value after a colon:
 * `log: "- 2026-09-31 (call) Hi": "2026-09-31" is not a real date, …`.
 */
export function describeProblem(p: Problem): string {
	if (p.reason.includes(`"${p.value}"`) || p.value === '') return `${p.field}: ${p.reason}`;
	return p.reason.startsWith('"') ? `${p.field}: "${p.value}": ${p.reason}` : `${p.field}: "${p.value}" ${p.reason}`;
}
