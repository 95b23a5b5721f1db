/** `npm run golden:update`: rewrites every bundled scenario's expected output. Review the diff. */
import { bundledScenarioFiles } from '../src/cli/scenario-files.js';
import { writeFileAtomic } from '../src/cli/atomic-write.js';
import { goldenPathFor, renderGolden } from './golden.js';

for (const file of bundledScenarioFiles()) {
  const out = goldenPathFor(file);
  writeFileAtomic(out, renderGolden(file));
  process.stdout.write(`wrote ${out}\n`);
}
