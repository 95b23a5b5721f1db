/**
 * The top functions of a V8 CPU profile (node --cpu-prof) by self time, and the files they live
 * in: `node dist/benchmarks/profile-top.js <dir or .cpuprofile> [count]`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface SelfTime {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

/** Self time per function (name and file:line), largest first. */
function selfTimes(p: Profile): SelfTime[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i] as number);
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    if (node === undefined) continue;
    const cf = node.callFrame;
    const where = `${cf.url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '')}:${cf.lineNumber + 1}`;
    const name = cf.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = self.get(key) ?? { name, where, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, percent: total > 0 ? (100 * e.us) / total : 0 }));
}

function main(): void {
  const [target = '.', countArg = '25'] = process.argv.slice(2);
  const file = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(target, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : target;
  if (file === undefined) throw new Error(`profile-top: no .cpuprofile in ${target}`);
  const all = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  process.stdout.write(`${file}\nby function (self time):\n`);
  for (const r of all.slice(0, Number(countArg))) process.stdout.write(`${r.ms.toFixed(0).padStart(7)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.name}  ${r.where}\n`);
  // The same time by file: which part of the simulator it goes to.
  const byFile = new Map<string, { ms: number; percent: number }>();
  for (const r of all) {
    const f = r.where.replace(/:\d+$/, '') || r.name;
    const e = byFile.get(f) ?? { ms: 0, percent: 0 };
    e.ms += r.ms;
    e.percent += r.percent;
    byFile.set(f, e);
  }
  process.stdout.write('by file (self time):\n');
  for (const [f, e] of [...byFile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    process.stdout.write(`${e.ms.toFixed(0).padStart(7)} ms ${e.percent.toFixed(1).padStart(5)}%  ${f}\n`);
  }
}

main();
