/** `streamsim list`: the bundled curriculum, one scenario a line with what it covers. */
import { Chalk } from 'chalk';
import { bundledScenarioFiles, loadScenario } from '../scenario-files.js';
import { colourLevel } from '../colour.js';

export function listCommand(json: boolean): number {
  const scenarios = bundledScenarioFiles().map((file) => loadScenario(file));
  if (json) {
    const rows = scenarios.map((s) => ({ name: s.name, file: s.source, description: s.description, covers: s.covers, semantics: s.semantics }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const c = new Chalk({ level: colourLevel(process.stdout) });
  const width = Math.max(...scenarios.map((s) => s.name.length), 4);
  process.stdout.write(c.bold('Bundled scenarios') + c.dim(' (run one with `streamsim run <name>`)') + '\n\n');
  for (const s of scenarios) {
    process.stdout.write(`  ${c.cyan(s.name.padEnd(width))}  ${s.description}\n`);
    if (s.covers.length > 0) process.stdout.write(`  ${' '.repeat(width)}  ${c.dim('covers: ' + s.covers.join(', '))}\n`);
  }
  return 0;
}
