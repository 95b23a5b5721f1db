/**
 * One run of one workload, for a profiler:
 *   node --cpu-prof --cpu-prof-dir=prof dist/benchmarks/profile.js W1 1000000 [native|hand-loop]
 *   node dist/benchmarks/profile-top.js prof 25
 * A warm-up run over a tenth of the events comes first, so the profile shows optimised code.
 */
import { runHandLoop } from './hand-loop.js';
import { TallyTrace } from './instruments.js';
import { runOn } from './capabilities.js';
import { handLoopScenario, inputFor, suiteScenario } from './suite.js';
import { BENCH_ENGINES, type BenchEngine, WORKLOADS, isWorkloadId } from './workloads.js';

const [idArg = 'W1', eventsArg = '1000000', what = 'native'] = process.argv.slice(2);
const id = idArg.toUpperCase();
if (!isWorkloadId(id)) throw new Error(`profile: unknown workload ${idArg}`);
const events = Number(eventsArg);
if (!Number.isInteger(events) || events < 1) throw new Error(`profile: events must be a positive integer, got ${eventsArg}`);
if (what !== 'hand-loop' && !(BENCH_ENGINES as readonly string[]).includes(what)) throw new Error(`profile: expected an engine or hand-loop, got ${what}`);

function once(n: number): { ms: number; results: number } {
  const def = WORKLOADS[id as keyof typeof WORKLOADS];
  const engine: BenchEngine = what === 'hand-loop' ? def.engine : (what as BenchEngine);
  const scenario = suiteScenario(def, n, engine);
  const input = inputFor(scenario);
  const t0 = performance.now();
  let results: number;
  if (what === 'hand-loop') results = runHandLoop(handLoopScenario(scenario), input).results;
  else {
    const trace = new TallyTrace();
    runOn(engine, scenario, { trace, keepPanes: false, input });
    results = trace.panes;
  }
  return { ms: performance.now() - t0, results };
}

once(Math.max(1, Math.floor(events / 10)));
const r = once(events);
process.stdout.write(`${id} ${what}: ${events} events in ${r.ms.toFixed(0)} ms = ${((events / r.ms) * 1000).toFixed(0)} events/s, ${r.results} results\n`);
