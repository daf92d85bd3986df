// The gate's stopwatch. performance.now() would do, but the first read of the global
// `performance` loads Node's perf_hooks (a dozen internal modules, 1.7 ms here), and the pipeline
// reads the clock before the first build starts; process.hrtime is there from the start.

/** Milliseconds on a monotonic clock, for durations only. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
