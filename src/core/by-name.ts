/**
 * The one order for people in review lists: by name as a reader sorts them (case and
 * accents aside, numbers by value), then by path so the order is total and two runs
 * print the same thing.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function byName(a: { name: string; path: string }, b: { name: string; path: string }): number {
	return collator.compare(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
