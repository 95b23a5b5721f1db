/**
 * One workload's suite in a fresh node process. The engine and its hand loop still share that
 * process (their ratio is the figure), but one workload no longer inherits the JIT type feedback
 * and the heap the workloads before it left: measured in one process, whichever workload ran first
 * was up to a third faster than when it ran after the others (W5 ÷ W1 was 0.60 in the order W1,W5
 * and 0.75 in the order W5,W1), so a cross-workload ratio said more about the order than about the
 * engine. The child runs with --expose-gc, so its peak heap is measured from a collected heap.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mergePasses, splitIterations } from './passes.js';
import { type SuiteOptions, type SuiteResult, runSuite, unavailable } from './suite.js';
import { WORKLOADS, type WorkloadId } from './workloads.js';

/** What crosses to the worker: the suite options without the functions. */
export type WorkerOptions = Omit<SuiteOptions, 'now' | 'onProgress'>;

export interface WorkerRequest {
  readonly id: WorkloadId;
  readonly options: WorkerOptions;
}

export type WorkerMessage = { readonly kind: 'progress'; readonly message: string } | { readonly kind: 'result'; readonly result: SuiteResult };

const WORKER = fileURLToPath(new URL('./suite-worker.js', import.meta.url));

/** Runs `id`'s suite in a child process; a child that dies without a result gives a failed row. */
export async function runSuiteIsolated(id: WorkloadId, options: SuiteOptions): Promise<SuiteResult> {
  const { now, onProgress, ...rest } = options;
  if (now !== undefined) throw new Error('bench: a scripted clock cannot cross to a worker process; run the suite in process');
  const request: WorkerRequest = { id, options: rest };
  return new Promise((resolve) => {
    const child = fork(WORKER, [], { execArgv: ['--expose-gc'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let result: SuiteResult | undefined;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') onProgress?.(m.message);
      else result = m.result;
    });
    child.on('error', (error) => {
      stderr += error.message;
    });
    child.on('close', (code, signal) => {
      if (result !== undefined) {
        resolve(result);
        return;
      }
      const why = stderr.trim().split('\n').slice(-3).join(' ') || (signal !== null ? `killed by ${signal}` : `exit code ${code}`);
      const def = WORKLOADS[id];
      resolve(unavailable(def, options.label ?? id, options.engine ?? def.engine, options.events, `failed: worker process: ${why}`, options.overrides ?? {}, 'failed'));
    });
    child.send(request);
  });
}

/**
 * Runs the suites one after another (never in parallel: they would share the two cores), each in
 * its own process unless `isolate` is false, the whole list `passes` times with each workload's
 * rounds split between the passes (passes.ts).
 */
export async function runSuites(ids: readonly WorkloadId[], options: SuiteOptions, isolate = true, passes = 1): Promise<SuiteResult[]> {
  const shares = splitIterations(options.iterations ?? 3, passes);
  const parts = new Map<WorkloadId, SuiteResult[]>(ids.map((id) => [id, []]));
  for (const [pass, iterations] of shares.entries()) {
    for (const id of ids) {
      const o: SuiteOptions = {
        ...options,
        iterations,
        ...(shares.length > 1 && options.onProgress !== undefined
          ? { onProgress: (m: string) => options.onProgress?.(`pass ${pass + 1}/${shares.length}: ${m}`) }
          : {}),
      };
      (parts.get(id) as SuiteResult[]).push(await (isolate ? runSuiteIsolated(id, o) : runSuite(id, o)));
    }
  }
  return ids.map((id) => mergePasses(parts.get(id) as SuiteResult[]));
}
