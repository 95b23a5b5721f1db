/** Rendering a bundled scenario's golden output: the plain report without colour. */
import { Chalk } from 'chalk';
import { loadScenario } from '../src/cli/scenario-files.js';
import { renderTextReport } from '../src/report/render-text.js';
import { buildReport } from '../src/sim/report/report.js';
import { simulate } from '../src/sim/report/simulate.js';

export function goldenPathFor(scenarioFile: string): string {
  return scenarioFile.replace(/\.ya?ml$/, '.expected.txt');
}

export function renderGolden(scenarioFile: string): string {
  return renderTextReport(buildReport(simulate(loadScenario(scenarioFile))), new Chalk({ level: 0 }));
}
