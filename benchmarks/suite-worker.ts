/**
 * The child process of isolated.ts: runs the one suite it is sent, reports progress and the result
 * over IPC, and exits.
 */
import type { WorkerMessage, WorkerRequest } from './isolated.js';
import { runSuite } from './suite.js';

process.once('message', (request: WorkerRequest) => {
  const send = (m: WorkerMessage) => process.send?.(m);
  runSuite(request.id, { ...request.options, onProgress: (message) => send({ kind: 'progress', message }) })
    .then((result) => {
      send({ kind: 'result', result });
      process.disconnect();
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
      process.disconnect();
    });
});
