/**
 * Short phrases for a person's place on the calendar, shared by the pane and the CLI so
 * both say the same thing.
 *
 * Spans: under 14 days in days ("13 days"), then weeks until 60 days ("8 weeks"), then
 * months (30 days each) until two years ("23 months"), then years. Counts round down,
 * so a phrase never overstates how late someone is.
 */
import type { Problem, ScheduledPerson } from './types';

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
 * describeSpan for a span that must not read as shorter than it was: "over 3 weeks" for
 * 22 days, where describeSpan's rounding down says "3 weeks". For "silent for …, more
 * than 3 × weekly", whose span is always past a limit.
 */
export function describeSpanAtLeast(days: number): string {
	const n = Math.abs(Math.trunc(days));
	const span = describeSpan(n);
	return n % spanUnit(n).days === 0 ? span : `over ${span}`;
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
