/**
 * Dates given on the command line (`--today`, `--date`): `yyyy-MM-dd` naming a real
 * day, or a user error (exit 1) that says what was wrong with it.
 */
import { isLocalDate, readDate, todayLocal } from '../core/dates';
import type { LocalDate } from '../core/types';
import { UserError } from './errors';

export function dateOption(option: string, value: string): LocalDate {
	const v = value.trim();
	if (isLocalDate(v)) return v;
	if (/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UserError(`${option} ${v} is not a real date`);
	const read = readDate(v);
	if (read.ok) throw new UserError(`${option} ${v}: give the date alone, as ${read.date}`);
	throw new UserError(`${option} "${v}" is not a date (expected yyyy-MM-dd)`);
}

/** `--today` when given, else the local calendar date of `now`. */
export function resolveToday(value: string | null, now: Date): LocalDate {
	return value === null ? todayLocal(now) : dateOption('--today', value);
}
