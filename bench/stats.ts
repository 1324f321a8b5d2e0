/**
 * Timing helpers: every figure is the median of several runs after warm-up runs, with a
 * garbage collection before each run when Node was started with --expose-gc (the worker
 * is), so one run's garbage is not billed to the next.
 */

export function median(xs: readonly number[]): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface RunPlan {
	warmup: number;
	runs: number;
}

function collect(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) gc();
}

/**
 * Median milliseconds of `measure(i)` over the plan. `measure` returns the milliseconds of
 * the part it times (so set-up inside it is not counted); run i < warmup is discarded.
 */
export async function medianOf(plan: RunPlan, measure: (i: number) => number | Promise<number>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < plan.warmup + plan.runs; i++) {
		collect();
		const ms = await measure(i);
		if (i >= plan.warmup) times.push(ms);
	}
	return median(times);
}

/** Milliseconds taken by a synchronous call. */
export function timeSync(fn: () => void): number {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}
