import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface FloodInput {
  graphqlUrl: string;
  /** Connections sending at once, each one request after another. */
  connections: number;
  bodyBytes: number;
}

/** How the server answered the flood's requests: by HTTP status, or `closed` when it cut the upload off first. */
export type FloodCounts = Record<string, number>;

const input = workerData as FloodInput;
// A valid GraphQL request padded to the size: what a server that parses before it checks the key must read and parse.
const prefix = '{"query":"{ __typename }","variables":{"padding":"';
const suffix = '"}}';
const body = Buffer.from(prefix + 'x'.repeat(input.bodyBytes - prefix.length - suffix.length) + suffix);

/** One keyless POST of the whole body on a connection of its own; resolves with what came of it. */
function send(): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      input.graphqlUrl,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        res.resume();
        res.once('end', () => resolve(String(res.statusCode)));
        res.once('error', () => resolve(String(res.statusCode)));
      },
    );
    req.once('error', () => resolve('closed'));
    req.end(body);
  });
}

/** Floods until told to pause; then reports what came of this round's requests. */
async function round(): Promise<void> {
  const counts: FloodCounts = {};
  let paused = false;
  parentPort!.once('message', () => (paused = true));
  let firstAnswered = false;
  await Promise.all(
    Array.from({ length: input.connections }, async () => {
      while (!paused) {
        const outcome = await send();
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        if (!firstAnswered) parentPort!.postMessage({ type: 'flooding' });
        firstAnswered = true;
      }
    }),
  );
  parentPort!.postMessage({ type: 'paused', counts });
}

parentPort!.on('message', (message: string) => {
  if (message === 'flood') void round();
});
