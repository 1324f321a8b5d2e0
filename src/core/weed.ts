/**
 * Seed, feed and weed: the candidates to let go, each with its reasons. Archiving keeps
 * the note and its history, and an archived person is never offered again.
 *
 * The rules, each a function below:
 * - `energy: drains`;
 * - silent for more than three cadences since the last contact (more than a year when
 *   the person has no cadence). Someone never contacted is not silent: there is no
 *   relationship to let go of yet, and the due list already shows them as "never
 *   contacted". Paused people are included, and the reason says they are paused: a
 *   pause that has outlasted three cadences is worth a second look;
 * - one-sided: three or more marked touchpoints in the last twelve months, all received.
 */
import { byName } from './by-name';
import { addCadence } from './cadence';
import { addYearsLocal } from './dates';
import { balanceOf, yearWindowStart } from './reciprocity';
import { schedulePerson } from './schedule';
import type { KindredSettings } from './settings';
import type { Cadence, LocalDate, Person } from './types';
import { describeSpanSince } from './words';

/** Silent for more than this many cadences makes a candidate. */
export const SILENT_CADENCES = 3;
/** This many received touchpoints in twelve months, and none given, makes a candidate. */
export const ONE_SIDED_MIN = 3;

export interface WeedCandidate {
	path: string;
	name: string;
	trust: number | null;
	reasons: string[];
}

export function drainReason(person: Pick<Person, 'energy'>): string | null {
	return person.energy === 'drains' ? 'drains your energy' : null;
}

/**
 * Silent since `lastContact` for more than three cadences (a year without one).
 * Null when never contacted or not silent that long.
 */
export function silenceReason(lastContact: LocalDate | null, cadence: Cadence | null, today: LocalDate): string | null {
	if (lastContact === null) return null;
	const limit = cadence ? addCadence(lastContact, cadence, SILENT_CADENCES) : addYearsLocal(lastContact, 1);
	if (today <= limit) return null;
	const why = cadence ? `more than ${SILENT_CADENCES} × ${cadence.label}` : 'over a year, with no cadence to go by';
	return `silent for ${describeSpanSince(lastContact, today)}, since ${lastContact} (${why})`;
}

/** Only received in the last twelve months, at least three times. */
export function oneSidedReason(person: Pick<Person, 'log'>, today: LocalDate): string | null {
	const b = balanceOf(person.log, yearWindowStart(today), today);
	if (b.gave > 0 || b.received < ONE_SIDED_MIN) return null;
	return `only received in the last 12 months (${b.received} times, gave nothing)`;
}

/** Every reason that applies to one person, in a fixed order. */
export function weedReasons(person: Person, today: LocalDate, settings: KindredSettings): string[] {
	const lastContact = schedulePerson(person, today, settings).lastContact;
	const silence = silenceReason(lastContact, person.cadence, today);
	// A pause is said: silence may be what the pause is for (a leave), or it outlasted it.
	const silent = silence !== null && person.status === 'paused' ? `paused, and ${silence}` : silence;
	return [drainReason(person), silent, oneSidedReason(person, today)].filter((r): r is string => r !== null);
}

/** Candidates among people not archived: the most reasons first, then by name. */
export function weedCandidates(people: readonly Person[], today: LocalDate, settings: KindredSettings): WeedCandidate[] {
	const out: WeedCandidate[] = [];
	for (const p of people) {
		if (p.status === 'archived') continue;
		const reasons = weedReasons(p, today, settings);
		if (reasons.length > 0) out.push({ path: p.path, name: p.name, trust: p.trust, reasons });
	}
	return out.sort((a, b) => b.reasons.length - a.reasons.length || byName(a, b));
}
