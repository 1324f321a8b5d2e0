/**
 * Element checks that hold in a pop-out window: there a node's classes are that window's,
 * so `instanceof Element` (the main window's) is false, and only Obsidian's own
 * `instanceOf` answers. A stand-in node from "another window" shows which one is asked.
 */
import { describe, expect, it } from 'vitest';
import { elementOf, htmlElementOf, isButton } from '../../src/obsidian/dom';

/** A node whose window has its own classes: `instanceof` anything here is false. */
function foreign(kind: 'element' | 'button'): Node {
	const classes: unknown[] = kind === 'button' ? [Element, HTMLElement, HTMLButtonElement] : [Element, HTMLElement];
	return Object.assign(Object.create(null) as object, { instanceOf: (type: unknown) => classes.includes(type) }) as Node;
}

describe('cross-window element checks', () => {
	it('take an element from another window as one', () => {
		const el = foreign('element');
		expect(Object.getPrototypeOf(el)).toBeNull();
		expect(elementOf(el)).toBe(el);
		expect(htmlElementOf(el)).toBe(el);
		expect(isButton(el)).toBe(false);
		expect(isButton(foreign('button'))).toBe(true);
	});

	it('take this window\'s elements, and nothing that is not one', () => {
		const button = createEl('button');
		expect(elementOf(button)).toBe(button);
		expect(isButton(button)).toBe(true);
		expect(elementOf(document.createTextNode('x'))).toBeNull();
		expect(elementOf(window)).toBeNull();
		expect(elementOf(null)).toBeNull();
		expect(htmlElementOf(null)).toBeNull();
	});
});
