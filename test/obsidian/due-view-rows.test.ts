// @vitest-environment happy-dom
// The due pane's data model: sections, filter, flattening and the windowing arithmetic.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { format, subDays } from 'date-fns';
import { DUE_SECTIONS, dueList } from '../../src/core/schedule';
import { defaultSettings } from '../../src/core/settings';
import type { ScheduledPerson } from '../../src/core/types';
import {
	buildDueModel,
	DueItems,
	DueLayout,
	lastNoteDisplay,
	matchesTerms,
	problemDisplay,
	problemSentence,
	queryTerms,
	replacementIndex,
	summaryText,
	trustDisplay,
	upToDateDetail,
	type DueItem,
	type HeaderItem,
} from '../../src/obsidian/due-rows';
import { PersonBuilder } from '../builders';

const TODAY = '2026-11-23';

function people(): ScheduledPerson[] {
	const b = (name: string): PersonBuilder => new PersonBuilder(`People/${name}.md`);
	return dueList(
		[
			b('Ana Ruiz').trust(4).lastContact('2026-10-01').aliases(['Anita']).circles(['climbing']).build(),
			b('Ben Ode').cadence('weekly').lastContact('2026-11-16').build(),
			b('Cy Park').cadence('monthly').lastContact('2026-10-26').circles(['work']).build(),
			b('Dee Lin').trust(5).build(),
			b('Eve Moss').cadence('every blue moon').build(),
			b('Fay Gold').cadence('monthly').lastContact('2026-11-20').build(),
			b('Gus Hale').trust(3).status('paused').build(),
		],
		TODAY,
		defaultSettings(),
		{ all: true },
	);
}

/** Every item, made one by one as the pane makes the ones it draws. */
function every(items: DueItems): DueItem[] {
	return Array.from({ length: items.length }, (_v, i) => items.at(i));
}

function names(items: DueItems): string[] {
	return every(items).map((it) => (it.kind === 'header' ? `# ${it.title} (${it.count})` : it.sp.person.name));
}

beforeEach(() => {
	vi.useFakeTimers({ now: new Date(2026, 10, 23, 9, 0) });
});
afterEach(() => {
	vi.useRealTimers();
});

describe('buildDueModel', () => {
	it("groups the people needing action into core's sections, in core's order", () => {
		const model = buildDueModel(people(), '', new Set());
		expect(names(model.items)).toEqual([
			'# Overdue (1)',
			'Ana Ruiz',
			'# Due today (1)',
			'Ben Ode',
			'# Never contacted (1)',
			'Dee Lin',
			'# Due soon (1)',
			'Cy Park',
			'# Needs attention (1)',
			'Eve Moss',
		]);
		expect(model.total).toBe(5);
		expect(model.matched).toBe(5);
		const headers = every(model.items).filter((it) => it.kind === 'header').map((it) => it.section);
		expect(headers).toEqual(DUE_SECTIONS.map((s) => s.status));
	});

	it.each([
		['name', 'ana', ['Ana Ruiz']],
		['name, any case', 'BEN', ['Ben Ode']],
		['alias', 'anita', ['Ana Ruiz']],
		['circle', 'work', ['Cy Park']],
		['several terms, all must match', 'ana climbing', ['Ana Ruiz']],
		['terms from different people match nobody', 'ana work', []],
		['surrounding spaces ignored', '  dee  ', ['Dee Lin']],
	])('filters on data by %s', (_what, query, expected) => {
		const model = buildDueModel(people(), query, new Set());
		expect(every(model.items).filter((it) => it.kind === 'row').map((it) => (it.kind === 'row' ? it.sp.person.name : ''))).toEqual(
			expected,
		);
		expect(model.matched).toBe(expected.length);
		expect(model.total).toBe(5);
	});

	it('keeps the header and count of a collapsed section but leaves its rows out', () => {
		const model = buildDueModel(people(), '', new Set(['overdue', 'invalid'] as const));
		expect(names(model.items)).toEqual([
			'# Overdue (1)',
			'# Due today (1)',
			'Ben Ode',
			'# Never contacted (1)',
			'Dee Lin',
			'# Due soon (1)',
			'Cy Park',
			'# Needs attention (1)',
		]);
		expect(model.items.at(0)).toMatchObject({ kind: 'header', collapsed: true });
	});

	it('never shows people who need no action, even when the list holds them', () => {
		const model = buildDueModel(people(), 'fay', new Set());
		expect(model.items.length).toBe(0);
		expect(model.matched).toBe(0);
	});
});

describe('buildDueModel against grouping person by person (property)', () => {
	/** The plain way: every person in the list, into its section, in list order. */
	function grouped(list: readonly ScheduledPerson[], terms: readonly string[], collapsed: ReadonlySet<string>): string[] {
		const out: string[] = [];
		for (const { status, title } of DUE_SECTIONS) {
			const rows = list.filter((sp) => sp.status === status && matchesTerms(sp, terms));
			if (rows.length === 0) continue;
			out.push(`# ${title} (${rows.length})`);
			if (!collapsed.has(status)) for (const sp of rows) out.push(sp.person.name);
		}
		return out;
	}

	const personArb = fc.record({
		cadence: fc.constantFrom(undefined, 'weekly', 'monthly', 'every 3 days', 'yearly', 'now and then'),
		trust: fc.constantFrom(undefined, 1, 2, 3, 4, 5),
		daysAgo: fc.option(fc.nat(400)),
		status: fc.constantFrom(undefined, 'active', 'target', 'paused', 'archived'),
		snoozed: fc.boolean(),
		circle: fc.constantFrom('work', 'climbing', 'family'),
	});

	it('gives the same sections, counts and rows, with and without a filter', () => {
		fc.assert(
			fc.property(
				fc.array(personArb, { maxLength: 60 }),
				fc.boolean(),
				fc.constantFrom('', 'work', 'p1', 'climb family', 'zzz'),
				fc.subarray(DUE_SECTIONS.map((s) => s.status)),
				(specs, all, query, folded) => {
					const built = specs.map((spec, i) => {
						const b = new PersonBuilder(`People/P${i}.md`).circles([spec.circle]);
						if (spec.cadence !== undefined) b.cadence(spec.cadence);
						if (spec.trust !== undefined) b.trust(spec.trust);
						if (spec.daysAgo !== null) b.lastContact(format(subDays(new Date(2026, 10, 23), spec.daysAgo), 'yyyy-MM-dd'));
						if (spec.status !== undefined) b.status(spec.status);
						if (spec.snoozed) b.snoozeUntil('2026-12-01');
						return b.build();
					});
					const list = dueList(built, TODAY, defaultSettings(), { all });
					const collapsed = new Set(folded);
					const model = buildDueModel(list, query, collapsed);
					const terms = queryTerms(query);
					expect(names(model.items)).toEqual(grouped(list, terms, collapsed));
					const needing = list.filter((sp) => DUE_SECTIONS.some((s) => s.status === sp.status));
					expect(model.total).toBe(needing.length);
					expect(model.matched).toBe(needing.filter((sp) => matchesTerms(sp, terms)).length);
				},
			),
		);
	});
});

describe('windowing arithmetic', () => {
	const heights = { header: 30, row: 50 };

	/** The reference: every item's top offset, then the total, by adding heights one by one. */
	function offsetsOf(items: DueItems): number[] {
		const out = [0];
		for (let i = 0; i < items.length; i++) out.push(out[i] + (items.kindAt(i) === 'header' ? heights.header : heights.row));
		return out;
	}

	/** Sections of the given sizes; a negative size is a collapsed section of that many rows. */
	function sectionsOf(sizes: readonly number[]): DueItems {
		const rows = people();
		return new DueItems(
			sizes.map((size, k): { header: HeaderItem; rows: ScheduledPerson[]; from: number } => ({
				header: { kind: 'header', section: DUE_SECTIONS[k % DUE_SECTIONS.length].status, title: `S${k}`, count: Math.abs(size), collapsed: size < 0 },
				rows: Array.from({ length: Math.abs(size) }, (_v, i) => rows[i % rows.length]),
				from: 0,
			})),
		);
	}

	it('lays items out by kind, from the section sizes', () => {
		const items = buildDueModel(people(), '', new Set()).items;
		const layout = new DueLayout(items, heights);
		expect([0, 1, 2, 3].map((i) => layout.offsetOf(i))).toEqual([0, 30, 80, 110]);
		expect(layout.offsetOf(items.length)).toBe(5 * 30 + 5 * 50);
		expect(layout.total).toBe(5 * 30 + 5 * 50);
	});

	it('picks the items in the viewport plus the overscan', () => {
		const layout = new DueLayout(buildDueModel(people(), '', new Set()).items, heights);
		expect(layout.visibleRange(0, 60, 0)).toEqual({ start: 0, end: 2 });
		expect(layout.visibleRange(85, 10, 0)).toEqual({ start: 2, end: 3 });
		expect(layout.visibleRange(85, 10, 40)).toEqual({ start: 1, end: 4 });
		expect(new DueLayout(new DueItems([]), heights).visibleRange(0, 100, 0)).toEqual({ start: 0, end: 0 });
	});

	it('places every item where adding heights one by one would (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 5 }), fc.nat(10_000), (sizes, y) => {
				const items = sectionsOf(sizes);
				const layout = new DueLayout(items, heights);
				const offsets = offsetsOf(items);
				for (let i = 0; i <= items.length; i++) expect(layout.offsetOf(i)).toBe(offsets[i]);
				expect(layout.total).toBe(offsets[items.length]);
				// indexAt: the first item whose bottom edge is below y.
				const expected = offsets.findIndex((top, i) => i < items.length && offsets[i + 1] > y);
				expect(layout.indexAt(y)).toBe(expected < 0 ? items.length : expected);
			}),
		);
	});

	it('always covers the viewport, never more than it plus the overscan (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 5 }),
				fc.nat(20_000),
				fc.integer({ min: 1, max: 2_000 }),
				fc.nat(500),
				(sizes, scrollTop, viewport, overscan) => {
					const items = sectionsOf(sizes);
					const offsets = offsetsOf(items);
					const total = offsets[items.length];
					const top = Math.min(scrollTop, Math.max(0, total - 1));
					const { start, end } = new DueLayout(items, heights).visibleRange(top, viewport, overscan);
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThanOrEqual(items.length);
					expect(start).toBeLessThan(end);
					// The first drawn item starts at or above the viewport's top edge…
					expect(offsets[start]).toBeLessThanOrEqual(top);
					// …and the drawn items reach the viewport's bottom edge (or the end).
					expect(end === items.length || offsets[end] >= top + viewport).toBe(true);
					// Nothing drawn lies wholly outside the widened viewport.
					expect(offsets[start + 1]).toBeGreaterThan(top - overscan);
					expect(offsets[end - 1]).toBeLessThan(top + viewport + overscan);
				},
			),
		);
	});
});

describe('row words', () => {
	it.each([
		[4, '★★★★☆', 'Trust 4 of 5'],
		[1, '★☆☆☆☆', 'Trust 1 of 5'],
		[5, '★★★★★', 'Trust 5 of 5'],
	])('trust %i reads %s, spoken "%s"', (trust, stars, label) => {
		expect(trustDisplay(trust)).toEqual({ stars, label });
	});

	it('has no trust display without trust', () => {
		expect(trustDisplay(null)).toBeNull();
	});

	it('caps a long last note and keeps the whole entry for the tooltip', () => {
		const long = 'Talked about her move to Lisbon. '.repeat(12).trim();
		const sp = new PersonBuilder('People/Ana.md')
			.trust(4)
			.entry('2026-11-02', { channel: 'call', exchange: 'gave', text: long })
			.schedule(TODAY);
		const note = lastNoteDisplay(sp);
		expect(note?.text.startsWith('Gave: Talked about')).toBe(true);
		expect(note?.text.endsWith('…')).toBe(true);
		expect(note?.text.length).toBeLessThanOrEqual(160);
		expect(note?.title).toBe(`2026-11-02 (call) Gave: ${long}`);
	});

	it.each([
		[{ text: 'Coffee.' }, 'Coffee.', '2026-11-02 Coffee.'],
		[{ text: 'Intro to Ben.', exchange: 'received' as const, channel: 'email' }, 'Received: Intro to Ben.', '2026-11-02 (email) Received: Intro to Ben.'],
		[{ channel: 'call' }, '2026-11-02 (call)', '2026-11-02 (call)'],
	])('shows the last note %o as "%s"', (entry, text, title) => {
		const sp = new PersonBuilder('People/Ana.md').trust(4).entry('2026-11-02', entry).schedule(TODAY);
		expect(lastNoteDisplay(sp)).toEqual({ text, title });
	});

	it('has no last note without a log', () => {
		expect(lastNoteDisplay(new PersonBuilder('People/Ana.md').trust(4).schedule(TODAY))).toBeNull();
	});

	it('says a problem as a sentence about the field', () => {
		const one = problemDisplay(new PersonBuilder('People/Eve.md').cadence('every blue moon').schedule(TODAY));
		expect(one?.text).toBe('cadence "every blue moon" is not a cadence (try monthly, every 3 weeks, 6w or 90d)');
		expect(one?.title).toBe(one?.text);
		const two = problemDisplay(new PersonBuilder('People/Eve.md').cadence('every blue moon').trust('lots').schedule(TODAY));
		expect(two?.text).toBe('2 problems: trust "lots" must be a whole number from 1 to 5');
		expect(two?.title.split('\n')).toEqual([
			'trust "lots" must be a whole number from 1 to 5',
			'cadence "every blue moon" is not a cadence (try monthly, every 3 weeks, 6w or 90d)',
		]);
	});

	it.each([
		// The reason starts with the value: the field goes in front of it.
		[{ field: 'cadence', value: 'sometimes', reason: '"sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)' }, 'cadence "sometimes" is not a cadence (try monthly, every 3 weeks, 6w or 90d)'],
		[{ field: 'last_contact', value: '2026-02-30', reason: '"2026-02-30" is not a real date' }, 'last_contact "2026-02-30" is not a real date'],
		// The reason already names the field.
		[{ field: 'cadence', value: 'biweekly', reason: '"biweekly" is ambiguous; write "every 2 weeks"' }, 'cadence "biweekly" is ambiguous; write "every 2 weeks"'],
		[{ field: 'cadence', value: '', reason: 'is empty' }, 'cadence is empty'],
		// A predicate: the value goes between, once.
		[{ field: 'last_contact', value: '2026-12-01', reason: 'is in the future (today is 2026-11-23)' }, 'last_contact "2026-12-01" is in the future (today is 2026-11-23)'],
		[{ field: 'frontmatter', value: '', reason: 'is not valid YAML (line 3: bad indentation)' }, 'frontmatter is not valid YAML (line 3: bad indentation)'],
		// Anything else keeps core's `field: reason`.
		[{ field: 'cadence', value: 'sometimes', reason: 'the default for trust 3 in settings is not usable' }, 'cadence: the default for trust 3 in settings is not usable'],
	])('problemSentence(%o) is %j', (problem, sentence) => {
		expect(problemSentence(problem)).toBe(sentence);
	});

	it('no row says "unknown cadence" any more', () => {
		const sp = new PersonBuilder('People/Noor.md').cadence('sometimes').schedule(TODAY);
		expect(problemDisplay(sp)?.text).not.toMatch(/unknown cadence|cadence: /);
	});

	it('summarises the list, or the filter result', () => {
		const model = buildDueModel(people(), '', new Set());
		// Due now, as the status bar counts: not "due soon" or "needs attention", which have headers of their own.
		expect(summaryText(model, 7, '')).toBe('3 to reconnect · 7 people');
		expect(summaryText(buildDueModel(people(), 'ana', new Set()), 7, 'ana')).toBe('1 of 5 matches');
		expect(summaryText(buildDueModel(people(), 'e', new Set()), 7, 'e')).toMatch(/^[2-5] of 5 match$/);
		// A collapsed section still counts.
		expect(summaryText(buildDueModel(people(), '', new Set(['overdue'])), 7, '')).toBe('3 to reconnect · 7 people');
	});

	it('counts who is tracked and finds who is next due', () => {
		const { tracked, next } = upToDateDetail(people());
		expect(tracked).toBe(6);
		expect(next?.person.name).toBe('Fay Gold');
	});

	it('splits the query into lower-case terms', () => {
		expect(queryTerms('  Ana   RUIZ ')).toEqual(['ana', 'ruiz']);
		expect(matchesTerms(people()[0], [])).toBe(true);
	});

	it('ignores accents both ways, in composed and decomposed names (macOS file names)', () => {
		const sp = (name: string, circles: string[] = []): ScheduledPerson =>
			({ person: new PersonBuilder(`People/${name}.md`).trust(3).circles(circles).build() }) as unknown as ScheduledPerson;
		const composed = sp('José Núñez', ['Café']);
		const decomposed = sp('Jose\u0301 Nu\u0301n\u0303ez');
		for (const q of ['jose nunez', 'JOSÉ', 'núñez', 'Jose\u0301']) {
			expect(matchesTerms(composed, queryTerms(q))).toBe(true);
			expect(matchesTerms(decomposed, queryTerms(q))).toBe(true);
		}
		expect(matchesTerms(composed, queryTerms('cafe'))).toBe(true);
		expect(matchesTerms(composed, queryTerms('josef'))).toBe(false);
	});
});

describe('replacementIndex: where focus goes when its row left the list', () => {
	const h = (section: DueItem['section'], count: number): HeaderItem => ({ kind: 'header', section, title: section, count, collapsed: false });
	// After the redraw: header, row, row, header, row.
	const items = new DueItems([
		{ header: h('overdue', 2), rows: people(), from: 0 },
		{ header: h('soon', 1), rows: people(), from: 3 },
	]);
	it.each([
		['the row now in its place', 1, 'row', 1],
		['the row after a header that moved up into its place', 3, 'row', 4],
		['the last row when the list got shorter', 7, 'row', 4],
		['the row before when there is none after', 5, 'row', 4],
		['a header for a fold toggle', 2, 'header', 3],
	] as const)('%s', (_what, index, kind, expected) => {
		expect(replacementIndex(items, index, kind)).toBe(expected);
	});

	it('is -1 in an empty list', () => {
		expect(replacementIndex(new DueItems([]), 3, 'row')).toBe(-1);
	});
});
