// @vitest-environment happy-dom
/**
 * The day clock fires once when the local date changes (midnight, or waking up on a
 * later day), and not otherwise; the status bar count follows it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DayClock } from '../../src/obsidian/day-clock';
import { reconnectCount, reconnectText } from '../../src/obsidian/status-bar';
import type { DueStatus, ScheduledPerson } from '../../src/core/types';
import { freezeToday } from './harness';

afterEach(() => {
	vi.useRealTimers();
});

describe('DayClock', () => {
	it('fires once across local midnight, then not until the next day', () => {
		freezeToday('2026-11-23');
		vi.setSystemTime(new Date('2026-11-23T23:59:30'));
		const days: string[] = [];
		const clock = new DayClock(() => new Date(), (d) => days.push(d));
		clock.load();
		clock.check();
		expect(days).toEqual([]);
		vi.setSystemTime(new Date('2026-11-24T00:00:30'));
		clock.check();
		clock.check();
		expect(days).toEqual(['2026-11-24']);
		// Asleep for two days, woken by focus.
		vi.setSystemTime(new Date('2026-11-26T07:00:00'));
		window.dispatchEvent(new Event('focus'));
		expect(days).toEqual(['2026-11-24', '2026-11-26']);
		clock.unload();
		vi.setSystemTime(new Date('2026-11-27T07:00:00'));
		window.dispatchEvent(new Event('focus'));
		expect(days).toHaveLength(2);
	});
});

describe('the status bar count', () => {
	const list = (...statuses: DueStatus[]): ScheduledPerson[] => statuses.map((status) => ({ status }) as ScheduledPerson);

	it.each([
		[list(), 0, ''],
		[list('soon', 'invalid'), 0, ''],
		[list('overdue', 'due', 'never', 'soon', 'invalid'), 3, '3 to reconnect'],
		[list('due'), 1, '1 to reconnect'],
		[list(...Array<DueStatus>(1204).fill('overdue')), 1204, '1,204 to reconnect'],
	])('counts people due now: %#', (l, n, text) => {
		expect(reconnectCount(l)).toBe(n);
		expect(reconnectText(n)).toBe(text);
	});
});
