/**
 * Element checks that work in every window. A view or modal in a pop-out window has that
 * window's own Element and HTMLButtonElement, so a plain `instanceof` with the main
 * window's classes is false there and a click would be ignored; Obsidian's `instanceOf`
 * on a node checks against the node's own window.
 */

/** `target` as an element, or null when it is none (a window, a text node). */
export function elementOf(target: EventTarget | null): Element | null {
	const node = target as Node | null;
	return node !== null && typeof node.instanceOf === 'function' && node.instanceOf(Element) ? node : null;
}

/** True when `target` is a button element. */
export function isButton(target: EventTarget | null): boolean {
	const node = target as Node | null;
	return node !== null && typeof node.instanceOf === 'function' && node.instanceOf(HTMLButtonElement);
}

/** `node` as an HTML element, or null. */
export function htmlElementOf(node: Node | null): HTMLElement | null {
	return node !== null && typeof node.instanceOf === 'function' && node.instanceOf(HTMLElement) ? node : null;
}
