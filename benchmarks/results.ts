/**
 * Results kept: a run saved as one JSON document with the machine it ran on, under
 * benchmarks/results/<date>-<commit>.json, and compared with a later run figure by figure.
 *
 * A change counts only when it exceeds the measured noise: the two runs' relative margins of error
 * added together, or 5% when that is smaller (three runs on a busy machine can report a margin
 * narrower than the drift between two sessions). Heap has no tinybench margin; its noise is the
 * spread of the per-run peaks (GC timing moves them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/cli/atomic-write.js';
import type { SuiteResult } from './suite.js';
import type { TargetResult } from './targets.js';

export const RESULTS_SCHEMA = 'streamsim-bench/1';
export const NOISE_FLOOR = 0.05;

export interface MachineInfo {
  readonly node: string;
  readonly v8: string;
  readonly os: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemoryBytes: number;
  readonly loadAverage: readonly number[];
  readonly gitCommit: string | null;
  readonly gitDirty: boolean | null;
  readonly exposeGc: boolean;
}

export interface RunOptionsRecord {
  readonly events: number;
  readonly iterations: number;
  readonly workloads: readonly string[];
  readonly engine: string | null;
  /** Each workload in its own process (absent in runs saved before there was a choice: they were not). */
  readonly isolate?: boolean;
  /** Passes over the workload list (absent before there were passes: one). */
  readonly passes?: number;
}

export interface ResultsDocument {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly createdAt: string;
  readonly machine: MachineInfo;
  readonly options: RunOptionsRecord;
  readonly results: readonly SuiteResult[];
  readonly targets: readonly TargetResult[];
  /** Scaling and simulated-time reports, when the run made them. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The package root: the directory holding package.json, above this file (src or dist). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function git(args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: packageRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(exposeGc: boolean): MachineInfo {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  return {
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()}`,
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    gitCommit: git(['rev-parse', '--short=12', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
    exposeGc,
  };
}

/** benchmarks/results/<date>-<commit>.json; the date is UTC to the second, so runs never collide. */
export function resultsFileName(doc: ResultsDocument): string {
  const stamp = doc.createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `${stamp}-${doc.machine.gitCommit ?? 'nogit'}${doc.machine.gitDirty ? '-dirty' : ''}.json`;
}

/** Writes the document atomically into `dir` (default benchmarks/results/) and returns its path. */
export function saveResults(doc: ResultsDocument, dir = join(packageRoot(), 'benchmarks', 'results')): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, resultsFileName(doc));
  writeFileAtomic(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}

export function loadResults(path: string): ResultsDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`bench --compare: cannot read ${path}: ${(error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`bench --compare: ${path} is not JSON: ${(error as Error).message}`);
  }
  const d = doc as Partial<ResultsDocument> | null;
  if (d === null || typeof d !== 'object' || d.schema !== RESULTS_SCHEMA || !Array.isArray(d.results) || d.options === undefined) {
    throw new Error(`bench --compare: ${path} is not a saved benchmark run (expected schema ${RESULTS_SCHEMA}, written by bench --save)`);
  }
  return d as ResultsDocument;
}

// ---------------------------------------------------------------------------------------------
// Comparison.

export type Verdict = 'improved' | 'regressed' | 'within noise' | 'not comparable';

export interface FigureComparison {
  readonly label: string;
  readonly engine: string;
  readonly events: number;
  readonly figure: 'events/s' | 'hand loop/s' | 'ratio' | 'peak heap';
  readonly before: number | null;
  readonly after: number | null;
  /** (after − before) ÷ before. */
  readonly change: number | null;
  /** The relative change that counts: the sum of the two margins, at least the 5% floor. */
  readonly noise: number | null;
  readonly verdict: Verdict;
}

/**
 * Classifies one figure. `higherIsBetter` says which way is an improvement; margins are relative
 * (0.03 = 3%). A change is significant when |change| > max(marginBefore + marginAfter, 5%).
 */
export function classify(
  before: number | null,
  after: number | null,
  marginBefore: number | null,
  marginAfter: number | null,
  higherIsBetter: boolean,
): { change: number | null; noise: number | null; verdict: Verdict } {
  if (before === null || after === null || !(before > 0) || !Number.isFinite(after)) return { change: null, noise: null, verdict: 'not comparable' };
  const change = (after - before) / before;
  const noise = Math.max((marginBefore ?? 0) + (marginAfter ?? 0), NOISE_FLOOR);
  if (Math.abs(change) <= noise) return { change, noise, verdict: 'within noise' };
  const better = higherIsBetter ? change > 0 : change < 0;
  return { change, noise, verdict: better ? 'improved' : 'regressed' };
}

/** The spread of per-run heap peaks, relative to their median: the heap's measured noise. */
export function heapMargin(peaks: readonly number[] | undefined): number | null {
  if (peaks === undefined || peaks.length < 2) return null;
  const sorted = [...peaks].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return median > 0 ? ((sorted[sorted.length - 1] as number) - (sorted[0] as number)) / median : null;
}

const pct = (rme: number | null | undefined): number | null => (rme === null || rme === undefined ? null : rme / 100);

/** Compares every figure of every suite present in both runs (matched by label, engine and events). */
export function compareResults(before: readonly SuiteResult[], after: readonly SuiteResult[]): FigureComparison[] {
  const out: FigureComparison[] = [];
  for (const a of after) {
    const b = before.find((x) => x.label === a.label && x.engine === a.engine && x.events === a.events);
    const base = { label: a.label, engine: a.engine, events: a.events };
    if (b === undefined || !a.available || !b.available) {
      out.push({ ...base, figure: 'events/s', before: b?.eventsPerSec ?? null, after: a.eventsPerSec, change: null, noise: null, verdict: 'not comparable' });
      continue;
    }
    const figure = (name: FigureComparison['figure'], x: number | null, y: number | null, mx: number | null, my: number | null, higher: boolean) =>
      out.push({ ...base, figure: name, before: x, after: y, ...classify(x, y, mx, my, higher) });
    figure('events/s', b.eventsPerSec, a.eventsPerSec, pct(b.rmePercent), pct(a.rmePercent), true);
    figure('hand loop/s', b.handLoopEventsPerSec, a.handLoopEventsPerSec, pct(b.handLoop?.rmePercent), pct(a.handLoop?.rmePercent), true);
    // A run saved before the rounds were paired has no ratio margin of its own: the two rmes then.
    const ratioMargin = (r: SuiteResult) => pct(r.ratioRmePercent) ?? (pct(r.rmePercent) ?? 0) + (pct(r.handLoop?.rmePercent) ?? 0);
    figure('ratio', b.ratio, a.ratio, ratioMargin(b), ratioMargin(a), true);
    figure('peak heap', b.heapPeakBytes, a.heapPeakBytes, heapMargin(b.engineRun?.heapPeaksBytes), heapMargin(a.engineRun?.heapPeaksBytes), false);
  }
  return out;
}

/** What differs between the two machines, in words; empty when they look alike. */
export function machineDifferences(a: MachineInfo, b: MachineInfo): string[] {
  const out: string[] = [];
  if (a.cpuModel !== b.cpuModel || a.cpuCount !== b.cpuCount) out.push(`CPU ${a.cpuCount} × ${a.cpuModel} → ${b.cpuCount} × ${b.cpuModel}`);
  if (a.node !== b.node) out.push(`node ${a.node} → ${b.node}`);
  if (a.exposeGc !== b.exposeGc) out.push(`forced GC ${a.exposeGc ? 'on' : 'off'} → ${b.exposeGc ? 'on' : 'off'}`);
  return out;
}
