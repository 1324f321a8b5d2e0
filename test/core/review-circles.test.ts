// @vitest-environment happy-dom
// (the shared setup file, obsidian-test-mocks, needs a DOM even for pure core tests)
import { describe, expect, it } from 'vitest';
import { circleCounts, circleNotes, circlesBySize, circlesOf, normaliseCircle, thinCircles } from '../../src/core/circles';
import { reviewNetwork } from '../../src/core/review';
import { formatReviewText } from '../../src/core/review-text';
import { defaultSettings } from '../../src/core/settings';
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
		// One accented letter, or a letter and a combining accent: the same circle.
		['Caf\u00e9', 'caf\u00e9'],
		['Cafe\u0301', 'caf\u00e9'],
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

	it('shows circles named like numbers in size order too, in the text and the narrow-network note', () => {
		const people = [
			person('Ann', (b) => b.trust(3).circles(['work', '2019'])),
			person('Bob', (b) => b.trust(3).circles(['work', '42'])),
			person('Cat', (b) => b.trust(3).circles(['work', 7])),
		];
		const counts = circleCounts(people);
		expect(circlesBySize(counts)).toEqual([
			['work', 3],
			['2019', 1],
			['42', 1],
			['7', 1],
		]);
		const text = formatReviewText(reviewNetwork(people, '2026-11-23', defaultSettings()));
		expect(text).toContain('  - work: 3\n  - 2019: 1\n  - 42: 1\n  - 7: 1\n');
		const two = [person('Ann', (b) => b.circles(['2019'])), person('Bob', (b) => b.circles(['work'])), person('Cy', (b) => b.circles(['work']))];
		expect(circleNotes(circleCounts(two), two)[0]).toMatch(/^Only 2 circles \(work and 2019\)/);
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
