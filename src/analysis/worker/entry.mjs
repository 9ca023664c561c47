// Worker-thread entry for the analysis pool. Plain JavaScript on purpose: a worker started
// under vitest (or plain node) has no TypeScript loader, so it registers tsx itself before
// importing the TypeScript task. Under the tsx CLI this registers a second, harmless hook.
//
// No top-level await: Piscina first require()s the entry and falls back to import() when that
// fails, and it loads the entry twice at once (a preload at start, and for the first task).
// With a top-level await, one of those require()s could meet the other's import() half done,
// which aborts Node 22 ("v8::Module::IsGraphAsync must be used on an instantiated module").
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
let analyzePage;

export default async function analyze({ taskId, ...task }) {
  analyzePage ??= (await import('./analyzePage.ts')).analyzePage;
  // Starts the task's time limit on the main thread: loading the code is not the page's time.
  parentPort.postMessage({ analysisStarted: taskId });
  return analyzePage(task);
}
