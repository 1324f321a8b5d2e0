/**
 * A function remembered by its argument, up to `limit` values (then forgotten all at once
 * and filled again): for a pure function asked again and again with few distinct values,
 * such as a cadence per person or a name's sort key per comparison.
 */
export function rememberedBy<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
	const memo = new Map<K, V>();
	return (key) => {
		let v = memo.get(key);
		if (v === undefined) {
			if (memo.size >= limit) memo.clear();
			v = compute(key);
			memo.set(key, v);
		}
		return v;
	};
}
