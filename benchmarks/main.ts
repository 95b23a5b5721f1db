/**
 * `npm run bench`: the benchmark suites over the standard workloads, with the same options as
 * `streamsim bench` (pass them after `--`: `npm run bench -- --workload W1 --events 200000`).
 * The script runs node with --expose-gc, so peak heap is measured from a collected heap.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { benchOptions, runBench } from '../src/cli/commands/bench.js';

const args = await benchOptions(yargs(hideBin(process.argv)).scriptName('npm run bench --'))
  .strict()
  .help()
  .alias('h', 'help')
  .parse();
await runBench(args);
