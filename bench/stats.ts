/**
 * Timing helpers: every figure is the median of several runs after warm-up runs. A full
 * garbage collection (Node started with --expose-gc, as the worker is) runs once before a
 * series, so garbage from the previous step is not billed to this one; not before every
 * run, because a full collection of a 50,000-note heap takes longer than most runs.
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

export function collect(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) gc();
}

/**
 * Median milliseconds of `measure(i)` over the plan. `measure` returns the milliseconds of
 * the part it times (so set-up inside it is not counted); run i < warmup is discarded.
 */
export async function medianOf(plan: RunPlan, measure: (i: number) => number | Promise<number>): Promise<number> {
	const times: number[] = [];
	collect();
	for (let i = 0; i < plan.warmup + plan.runs; i++) {
		const ms = await measure(i);
		if (i >= plan.warmup) times.push(ms);
	}
	return median(times);
}

/**
 * Milliseconds taken by a synchronous call. With `cpu`, the process's CPU milliseconds for
 * the call are pushed there too: on a busy machine the wall clock also counts time spent
 * waiting for a core, the CPU time does not.
 */
export function timeSync(fn: () => void, cpu?: number[]): number {
	const c0 = cpu ? process.cpuUsage() : null;
	const t0 = performance.now();
	fn();
	const ms = performance.now() - t0;
	if (cpu && c0) {
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	return ms;
}
