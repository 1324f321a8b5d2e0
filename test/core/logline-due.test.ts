// scanLogForDue (the CLI's `due` and `ics` read) against scanLog: for random logs and
// random todays, a person read with either schedules the same (status, dates, last entry,
// problems...), and the few entries it returns are the ones the schedule reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLog, scanLogForDue, type LogScan } from '../../src/core/logline';
import { readPerson } from '../../src/core/person';
import { schedulePerson } from '../../src/core/schedule';
import { defaultSettings, type KindredSettings } from '../../src/core/settings';
import type { LogEntry } from '../../src/core/types';

// `npm test` sets KINDRED_PROPERTY_RUNS (Vitest mirrors the environment into import.meta.env).
const runs = Number(import.meta.env.KINDRED_PROPERTY_RUNS) || 10_000;

const NEWEST_FIRST = defaultSettings();
const OLDEST_FIRST: KindredSettings = { ...defaultSettings(), newestFirst: false };

/** A person as the disk reader builds one: the scan's entries, then its problems. */
function personFrom(frontmatter: Record<string, unknown>, scan: LogScan, settings: KindredSettings): ReturnType<typeof readPerson> {
	const p = readPerson('People/Ana.md', frontmatter, settings, scan.entries);
	return scan.problems.length > 0 ? { ...p, problems: [...p.problems, ...scan.problems] } : p;
}

/** Everything the schedule computes, without the person it was computed for. */
function placed(frontmatter: Record<string, unknown>, settings: KindredSettings, today: string, scan: LogScan): unknown {
	const { person, ...rest } = schedulePerson(personFrom(frontmatter, scan, settings), today, settings);
	return { ...rest, name: person.name, invalid: person.invalid };
}

// Dates cluster on a few days so that ties and "exactly today" are common.
const day = fc.constantFrom(
	'2026-01-01',
	'2026-02-28',
	'2026-03-01',
	'2026-11-22',
	'2026-11-23',
	'2026-11-24',
	'2026-12-31',
	'2024-02-29',
	'1999-12-31',
	'0001-01-01',
	'9999-12-31',
);
const anyDay = fc.oneof(
	day,
	fc.date({ min: new Date(Date.UTC(2025, 0, 1)), max: new Date(Date.UTC(2027, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
/** Shaped like a date but not one: never an entry, always a problem. */
const badDay = fc.constantFrom('2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '0000-01-01', '2026-11-31', '1900-02-29');

const words = fc.constantFrom('', 'hi', 'Talked about her move to Lisbon.', 'Gave: intro to [[Ben Ode]]', 'x'.repeat(40), 'ünïcode 🌍', '(call) twice');
const channel = fc.constantFrom('', ' (call)', ' (video call)', ' (a very long channel name)', ' ()', ' ( call )');
const marker = fc.constantFrom('', ' Gave:', ' received:', ' GAVE:');

const logLine = fc
	.record({
		bullet: fc.constantFrom('-', '*', '+'),
		gap: fc.constantFrom(' ', '  ', '\t'),
		date: fc.oneof({ weight: 6, arbitrary: anyDay }, { weight: 1, arbitrary: badDay }),
		linked: fc.boolean(),
		channel,
		marker,
		text: words,
		trailing: fc.constantFrom('', ' ', '\t', '\r'),
	})
	.map(
		(l) => `${l.bullet}${l.gap}${l.linked ? `[[${l.date}]]` : l.date}${l.channel}${l.marker}${l.text ? ` ${l.text}` : ''}${l.trailing}`,
	);

/** Lines that are not entries, or only look like them. */
const otherLine = fc.oneof(
	fc.constantFrom(
		'',
		'Some prose.',
		'  - 2026-11-23 nested, not an entry',
		'- 2026-11-23x glued',
		'- [[2026-11-23] half a link',
		'-2026-11-23 no space',
		'- Talked 2026-11-23',
		'### Sub heading',
		'```',
		'~~~',
		'- [ ] 2026-11-23 a task',
		'- 2026-11-20: a colon',
		'- [[2026-11-16|Mon]] an aliased link',
		'%%',
		'<!--',
		'-->',
	),
	anyDay.map((d) => `# ${d}`),
);

const heading = fc.constantFrom('## Interactions', '## interactions', '##   Interactions  ##', '# Ana', '## Notes', '### Interactions');

const body = fc.array(fc.oneof({ weight: 4, arbitrary: logLine }, { weight: 1, arbitrary: otherLine }, { weight: 1, arbitrary: heading }), {
	maxLength: 30,
});

const note = fc
	.record({
		before: fc.array(fc.oneof(otherLine, heading), { maxLength: 4 }),
		log: body,
		frontmatter: fc.boolean(),
		crlf: fc.boolean(),
	})
	.map(({ before, log, frontmatter, crlf }) => {
		const lines = [...(frontmatter ? ['---', 'trust: 3', '---'] : []), ...before, '## Interactions', ...log];
		return lines.join(crlf ? '\r\n' : '\n');
	});

const frontmatter = fc.record(
	{
		cadence: fc.constantFrom('weekly', 'monthly', 'every 3 weeks', 'yearly', 'never'),
		trust: fc.integer({ min: 1, max: 5 }),
		last_contact: fc.oneof(anyDay, badDay),
		status: fc.constantFrom('active', 'paused', 'archived'),
		snooze_until: anyDay,
	},
	{ requiredKeys: [] },
);

describe('scanLogForDue', () => {
	it('schedules every person as the whole log does, for any today', () => {
		fc.assert(
			fc.property(note, frontmatter, fc.boolean(), anyDay, (text, fm, newestFirst, today) => {
				const settings = newestFirst ? NEWEST_FIRST : OLDEST_FIRST;
				const full = scanLog(text, settings);
				const due = scanLogForDue(text, settings, today);
				expect(due.problems).toEqual(full.problems);
				expect(placed(fm, settings, today, due)).toEqual(placed(fm, settings, today, full));
			}),
			{ numRuns: runs },
		);
	});

	it('returns the entries dated after today, then the newest on or before it, in scanLog order', () => {
		fc.assert(
			fc.property(note, fc.boolean(), anyDay, (text, newestFirst, today) => {
				const settings = newestFirst ? NEWEST_FIRST : OLDEST_FIRST;
				const full = scanLog(text, settings).entries;
				const future = full.filter((e) => e.date > today);
				const newest = full.find((e) => e.date <= today);
				expect(scanLogForDue(text, settings, today).entries).toEqual(newest ? [...future, newest] : future);
			}),
			{ numRuns: Math.max(100, Math.floor(runs / 5)) },
		);
	});

	const entry = (date: string, text: string, over: Partial<LogEntry> = {}): LogEntry => ({
		date,
		linked: false,
		channel: null,
		exchange: null,
		text,
		...over,
	});
	const log = (...lines: string[]): string => ['# Ana', '## Interactions', ...lines].join('\n');

	it.each<[string, string, KindredSettings, LogEntry[]]>([
		['newest first: the first of a day wins', log('- 2026-11-20 a', '- 2026-11-20 b', '- 2026-11-01 c'), NEWEST_FIRST, [entry('2026-11-20', 'a')]],
		['oldest first: the last of a day wins', log('- 2026-11-01 c', '- 2026-11-20 a', '- 2026-11-20 b'), OLDEST_FIRST, [entry('2026-11-20', 'b')]],
		['today itself is not the future', log('- 2026-11-23 (call) today'), NEWEST_FIRST, [entry('2026-11-23', 'today', { channel: 'call' })]],
		[
			'every future entry, newest first, then the newest before',
			log('- 2026-11-25 x', '- 2026-11-01 old', '- 2026-12-01 y', '- 2026-11-10 newer'),
			NEWEST_FIRST,
			[entry('2026-12-01', 'y'), entry('2026-11-25', 'x'), entry('2026-11-10', 'newer')],
		],
		['out of order', log('- 2026-01-01 a', '- 2026-11-01 b', '- 2026-06-01 c'), NEWEST_FIRST, [entry('2026-11-01', 'b')]],
		['a linked date', log('- [[2026-11-02]] Gave: intro'), NEWEST_FIRST, [entry('2026-11-02', 'intro', { linked: true, exchange: 'gave' })]],
		['CRLF', log('- 2026-11-02 a\r', '- 2026-11-01 b\r'), NEWEST_FIRST, [entry('2026-11-02', 'a')]],
		['no log', '# Ana\nprose', NEWEST_FIRST, []],
	])('%s', (_name, text, settings, expected) => {
		expect(scanLogForDue(text, settings, '2026-11-23').entries).toEqual(expected);
	});

	it('reports impossible dates as scanLog does, wherever they are', () => {
		const text = log('- 2026-12-01 later', '- 2026-02-30 (call) impossible', '- 2026-11-01 ok', '* [[2025-02-29]] no leap day');
		const scan = scanLogForDue(text, NEWEST_FIRST, '2026-11-23');
		expect(scan.problems).toEqual(scanLog(text, NEWEST_FIRST).problems);
		expect(scan.problems.map((p) => p.value)).toEqual(['- 2026-02-30 (call) impossible', '* [[2025-02-29]] no leap day']);
	});

	it('reads the whole log for a today that is not a date', () => {
		const text = log('- 2026-11-25 x', '- 2026-11-01 y');
		expect(scanLogForDue(text, NEWEST_FIRST, 'not a day')).toEqual(scanLog(text, NEWEST_FIRST));
	});
});
