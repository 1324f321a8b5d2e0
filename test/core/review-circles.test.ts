// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { circleCounts, circleNotes, circlesOf, normaliseCircle, thinCircles } from '../../src/core/circles';
import { person } from '../builders';

describe('normaliseCircle', () => {
	it.each([
		['climbing', 'climbing'],
		['Climbing', 'climbing'],
		['  CLIMBING ', 'climbing'],
		['#climbing', 'climbing'],
		['[[Climbing]]', 'climbing'],
		['[[Climbing|rock]]', 'climbing'],
		['product   design', 'product design'],
		['#', ''],
	])('%j → %j', (raw, want) => {
		expect(normaliseCircle(raw)).toBe(want);
	});
});

describe('circlesOf', () => {
	it('drops duplicates that differ only in case', () => {
		expect(circlesOf({ circles: ['Work', 'work', 'climbing', ''] })).toEqual(['work', 'climbing']);
	});
});

describe('circleCounts', () => {
	it('counts each person once per circle, case-insensitively, largest first then by name', () => {
		const people = [
			person('A', (b) => b.circles(['Work', 'climbing'])),
			person('B', (b) => b.circles(['work', 'WORK'])),
			person('C', (b) => b.circles('design, Climbing')),
			person('D'),
		];
		const counts = circleCounts(people);
		expect(counts).toEqual({ climbing: 2, work: 2, design: 1 });
		expect(Object.keys(counts)).toEqual(['climbing', 'work', 'design']);
	});

	it('is empty for no people', () => {
		expect(circleCounts([])).toEqual({});
	});
});

describe('thinCircles', () => {
	it('lists circles with exactly one person, alphabetically', () => {
		expect(thinCircles({ work: 3, music: 1, art: 1, climbing: 2 })).toEqual(['art', 'music']);
	});
});

describe('circleNotes', () => {
	it('says nothing about an empty network', () => {
		expect(circleNotes({}, [])).toEqual([]);
	});

	it('says when no one has circles', () => {
		const people = [person('A'), person('B')];
		expect(circleNotes(circleCounts(people), people)).toEqual([
			'No one has circles yet: add `circles` to your people to see the spread.',
		]);
	});

	it('calls fewer than three circles narrow and counts people in none', () => {
		const people = [person('A', (b) => b.circles(['work'])), person('B', (b) => b.circles(['climbing'])), person('C')];
		const notes = circleNotes(circleCounts(people), people);
		expect(notes[0]).toMatch(/^Only 2 circles \(climbing and work\): a narrow network/);
		expect(notes[1]).toBe('1 person is in no circle.');
	});

	it('has nothing to say about three circles and everyone in one', () => {
		const people = [person('A', (b) => b.circles(['work', 'art'])), person('B', (b) => b.circles(['climbing']))];
		expect(circleNotes(circleCounts(people), people)).toEqual([]);
	});
});
