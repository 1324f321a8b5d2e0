/**
 * `kindred due` end to end: the built CLI against a fixture vault holding one note per
 * case DESIGN.md describes, checked field by field, in three time zones.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueJsonDocument, DueJsonPerson } from '../../src/cli/due-json';
import { buildCli, EXAMPLE_VAULT, FIXTURES, runCli } from './helpers';

const VAULT = path.join(FIXTURES, 'due-vault');
const TODAY = '2026-11-23';
let cli: string;

beforeAll(async () => {
	cli = await buildCli('due');
});
afterAll(() => fs.rmSync(cli, { force: true }));

function dueJson(args: string[], env?: Record<string, string>): DueJsonDocument {
	const r = runCli(cli, ['due', ...args, '--json'], { env });
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	return JSON.parse(r.stdout) as DueJsonDocument;
}

type Row = [status: string, lastContact: string | null, due: string | null, daysOverdue: number | null];

/** Every case, as of 2026-11-23. Worked out by hand from DESIGN.md, not from the code. */
const EXPECTED: Record<string, Row> = {
	// calendar months at month ends: Oct 31 + 1 month = Nov 30; Aug 31 + 3 months = Nov 30
	'People/Month End.md': ['soon', '2026-10-31', '2026-11-30', -7],
	'People/Quarter End.md': ['soon', '2026-08-31', '2026-11-30', -7],
	// a year from a leap day lands on Feb 28
	'People/Leap Day.md': ['overdue', '2024-02-29', '2025-02-28', 633],
	// weeks and days are days
	'People/Weeks.md': ['due', '2026-11-02', '2026-11-23', 0],
	'People/Days.md': ['overdue', '2026-08-20', '2026-11-18', 5],
	'People/Bare Number.md': ['soon', '2026-11-20', '2026-11-30', -7],
	'People/Work/Deep/Nested.md': ['soon', '2026-11-20', '2026-11-24', -1],
	// defaults by trust: 5 → 2 weeks, 4 → 1 month, 1 → 1 year
	'People/Trust Five.md': ['soon', '2026-11-10', '2026-11-24', -1],
	'People/Trust Four.md': ['overdue', '2026-09-30', '2026-10-30', 24],
	'People/Trust One.md': ['due', '2025-11-23', '2026-11-23', 0],
	// last contact = newest of the field and the log
	'People/Log Newer.md': ['soon', '2026-11-20', '2026-11-27', -4],
	'People/Log Linked.md': ['soon', '2026-11-15', '2026-11-29', -6],
	'People/Log Older.md': ['ok', '2026-11-01', '2026-12-01', -8],
	// snoozed, paused, archived keep their dates but leave the due list
	'People/Snoozed.md': ['snoozed', '2026-10-01', '2026-10-08', 46],
	'People/Snooze Over.md': ['overdue', '2026-11-10', '2026-11-17', 6],
	'People/Paused.md': ['paused', '2026-06-15', '2026-09-15', 69],
	'People/Archived.md': ['archived', '2026-01-01', '2026-02-01', 295],
	'People/Untracked.md': ['untracked', '2026-11-01', null, null],
	'People/Never.md': ['never', null, null, null],
	// line endings, BOM, no frontmatter
	'People/CRLF.md': ['due', '2026-10-12', '2026-11-23', 0],
	'People/BOM.md': ['overdue', '2026-11-01', '2026-11-15', 8],
	'People/No Frontmatter.md': ['untracked', '2026-11-02', null, null],
	// an unquoted date with a time and offset keeps the date as written
	'People/Date Time.md': ['overdue', '2026-11-02', '2026-11-09', 14],
	// people outside the folder: inline tag, frontmatter tag, marker
	'Elsewhere/Tagged.md': ['soon', '2026-11-16', '2026-11-30', -7],
	'Elsewhere/Frontmatter Tag.md': ['due', '2026-11-16', '2026-11-23', 0],
	'Elsewhere/Marker.md': ['ok', '2025-12-01', '2026-12-01', -8],
	// invalid: listed with the field named, never dropped
	'People/Broken YAML.md': ['invalid', null, null, null],
	'People/JS Frontmatter.md': ['invalid', null, null, null],
	'People/Unknown Cadence.md': ['invalid', '2026-11-01', null, null],
	'People/Impossible Date.md': ['invalid', null, null, null],
	'People/Future Contact.md': ['invalid', null, null, null],
	'People/Trust Seven.md': ['invalid', '2026-11-01', null, null],
	'People/Latin1.md': ['invalid', '2026-11-20', null, null],
};

const PROBLEM_FIELD: Record<string, string> = {
	'People/Broken YAML.md': 'frontmatter',
	'People/JS Frontmatter.md': 'frontmatter',
	'People/Unknown Cadence.md': 'cadence',
	'People/Impossible Date.md': 'last_contact',
	'People/Future Contact.md': 'last_contact',
	'People/Trust Seven.md': 'trust',
	'People/Latin1.md': 'file',
};

describe('kindred due --all --json on the fixture vault', () => {
	let doc: DueJsonDocument;
	let byPath: Map<string, DueJsonPerson>;
	const pwned = path.join(os.tmpdir(), `kindred-pwned-${process.pid}`);
	beforeAll(() => {
		fs.rmSync(pwned, { force: true });
		doc = dueJson([VAULT, '--today', TODAY, '--all'], { KINDRED_PWNED_FILE: pwned });
		byPath = new Map(doc.people.map((p) => [p.path, p]));
	});

	it('guards its own fixtures: CRLF and BOM bytes survived the checkout', () => {
		expect(fs.readFileSync(path.join(VAULT, 'People/CRLF.md'), 'latin1')).toContain('\r\n');
		expect([...fs.readFileSync(path.join(VAULT, 'People/BOM.md')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('lists exactly the people: templates, dot folders, non-markdown and non-people excluded', () => {
		expect(doc.today).toBe(TODAY);
		expect([...byPath.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(Object.entries(EXPECTED))('%s', (file, [status, lastContact, due, daysOverdue]) => {
		const p = byPath.get(file);
		expect(p, file).toBeDefined();
		expect({ status: p?.status, lastContact: p?.lastContact, due: p?.due, daysOverdue: p?.daysOverdue }).toEqual({
			status,
			lastContact,
			due,
			daysOverdue,
		});
	});

	it.each(Object.entries(PROBLEM_FIELD))('%s names the field %s', (file, field) => {
		const p = byPath.get(file);
		expect(p?.problems.map((x) => x.field)).toContain(field);
		for (const x of p?.problems ?? []) expect(x.reason.length).toBeGreaterThan(0);
	});

	it('gives the YAML error for broken frontmatter', () => {
		expect(byPath.get('People/Broken YAML.md')?.problems[0].reason).toMatch(/not valid YAML \(line 3: /);
	});

	it('never runs ---js frontmatter', () => {
		expect(fs.existsSync(pwned)).toBe(false);
	});

	it('has the documented shape', () => {
		const p = byPath.get('People/Log Linked.md');
		expect(p).toEqual({
			path: 'People/Log Linked.md',
			name: 'Log Linked',
			status: 'soon',
			lastContact: '2026-11-15',
			due: '2026-11-29',
			daysOverdue: -6,
			cadenceDays: 14,
			trust: 3,
			cadence: 'every 2 weeks',
			circles: [],
			lastNote: 'a book',
			lastExchange: 'received',
			problems: [],
		});
		expect(byPath.get('People/Untracked.md')?.cadence).toBeNull();
		expect(byPath.get('People/Untracked.md')?.circles).toEqual(['climbing']);
		expect(byPath.get('People/Log Newer.md')?.lastNote).toBe('newer by hand');
		expect(byPath.get('People/Never.md')?.lastNote).toBeNull();
		expect(byPath.get('People/Never.md')?.lastExchange).toBeNull();
	});

	it('orders most urgent first, then never, soon, invalid, then the rest', () => {
		const rank = ['overdue|due', 'never', 'soon', 'invalid', 'ok', 'snoozed', 'paused', 'archived', 'untracked'];
		const groups = doc.people.map((p) => rank.findIndex((r) => r.split('|').includes(p.status)));
		expect(groups).toEqual([...groups].sort((a, b) => a - b));
		// Fortnightly, 8 days late, outranks yearly, 633 days late (relative to cadence).
		const paths = doc.people.map((p) => p.path);
		expect(paths.indexOf('People/Date Time.md')).toBeLessThan(paths.indexOf('People/Leap Day.md'));
	});
});

describe('kindred due without --all', () => {
	it('lists only people who need action', () => {
		const doc = dueJson([VAULT, '--today', TODAY]);
		const statuses = new Set(doc.people.map((p) => p.status));
		expect([...statuses].sort()).toEqual(['due', 'invalid', 'never', 'overdue', 'soon']);
		const all = dueJson([VAULT, '--today', TODAY, '--all']);
		const needing = all.people.filter((p) => ['overdue', 'due', 'soon', 'never', 'invalid'].includes(p.status));
		expect(doc.people).toEqual(needing);
	});
});

describe('the same answer in every time zone', () => {
	let utc: string;
	beforeAll(() => {
		utc = runCli(cli, ['due', VAULT, '--today', TODAY, '--all', '--json'], { env: { TZ: 'UTC' } }).stdout;
	});
	it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'Australia/Lord_Howe'])('TZ=%s', (tz) => {
		const here = runCli(cli, ['due', VAULT, '--today', TODAY, '--all', '--json'], { env: { TZ: tz } });
		expect(here.status).toBe(0);
		expect(here.stdout).toBe(utc);
	});
});

describe('the table', () => {
	it('is aligned, uncoloured in a pipe, and says how overdue in words', () => {
		const r = runCli(cli, ['due', VAULT, '--today', TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).not.toContain('\u001b[');
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(`Due to reconnect on ${TODAY}: 26 of 33 people`);
		const header = lines[2];
		expect(header).toMatch(/^Name +Status +When +Cadence +Trust +Last note$/);
		const col = (title: string): number => header.indexOf(title);
		const row = lines.find((l) => l.startsWith('Log Linked '));
		expect(row).toBeDefined();
		expect(row?.slice(col('Status')).startsWith('soon ')).toBe(true);
		expect(row?.slice(col('When')).startsWith('due in 6 days ')).toBe(true);
		expect(row?.slice(col('Cadence')).startsWith('every 2 weeks ')).toBe(true);
		expect(row?.slice(col('Trust')).startsWith('3 ')).toBe(true);
		expect(row?.slice(col('Last note'))).toBe('Received: a book');
		expect(lines.find((l) => l.startsWith('Trust Four '))).toContain('3 weeks overdue');
		expect(lines.find((l) => l.startsWith('Unknown Cadence '))).toContain('cadence: "sometimes" is not a cadence (try monthly');
	});
});

describe('the example vault', () => {
	it('is the default vault and shows a spread on 2026-11-23', () => {
		const doc = dueJson(['--today', TODAY, '--all']);
		const status = Object.fromEntries(doc.people.map((p) => [p.name, p.status]));
		expect(status).toEqual({
			'Sofia Marsh': 'overdue',
			'Gus Petrov': 'overdue',
			'Ana Ruiz': 'overdue',
			'Hal Brennan': 'overdue',
			'Ben Ode': 'due',
			'Ines Carvalho': 'never',
			'Chidi Okafor': 'soon',
			'Mara Lind': 'soon',
			'Noor Aziz': 'invalid',
			'Farah Haddad': 'ok',
			'Dana Whitfield': 'ok',
			'Lena Novak': 'snoozed',
			'Jonas Weber': 'paused',
			'Kofi Mensah': 'archived',
			'Omar Said': 'untracked',
		});
		// Farah's hand-typed line is newer than her last_contact field.
		expect(doc.people.find((p) => p.name === 'Farah Haddad')?.lastContact).toBe('2026-11-18');
		expect(doc.people.find((p) => p.name === 'Noor Aziz')?.problems[0].field).toBe('cadence');
		expect(doc.people.some((p) => p.path.startsWith('Templates/'))).toBe(false);
		expect(dueJson([EXAMPLE_VAULT, '--today', TODAY, '--all'])).toEqual(doc);
	});
});
