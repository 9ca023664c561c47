import { fork } from 'node:child_process';
import { once } from 'node:events';
import { usageOf } from '../lib/vantageProcess';
import { deliveryLatencies, type DeliveryLatencies } from './latencies';
import type { PhaseOptions } from './phase';
import { subscribe } from './subscribers';

export type IdealServerOrder = { type: 'change'; sequence: number } | { type: 'complete' };
export type IdealServerReport = { type: 'listening'; port: number } | { type: 'sent'; sequence: number; sentAt: number };

export interface IdealResult extends DeliveryLatencies {
  subscribeSeconds: number;
  /** CPU the server process used from all subscribed to all completed, s. */
  cpuSeconds: number;
}

/**
 * The loaded phase again, against idealServer.ts instead of Vantage: the same subscriber threads
 * and graphql-ws clients, as many changes at the same interval, each stamped when the server
 * starts writing it. What is left of the latency is the sockets' and the receivers' own cost.
 */
export async function runIdealPhase(options: PhaseOptions): Promise<IdealResult> {
  const server = fork(new URL('./idealServer.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const [listening] = (await once(server, 'message')) as [IdealServerReport];
    if (listening.type !== 'listening') throw new Error('the ideal server did not start');
    const order = (message: IdealServerOrder) => server.send(message);
    const stamps = new Map<number, number>();
    server.on('message', (report: IdealServerReport) => {
      if (report.type === 'sent') stamps.set(report.sequence, report.sentAt);
    });

    const subscribing = performance.now();
    const subscribers = subscribe(`ws://127.0.0.1:${listening.port}/graphql`, 'ideal', options.subscribers, options.threads);
    await subscribers.subscribed;
    const subscribeSeconds = (performance.now() - subscribing) / 1000;
    const before = await usageOf(server.pid!);
    // One change per page and one for the comparison, as in runPhase.
    for (let sequence = 1; sequence <= options.targets + 1; sequence++) {
      order({ type: 'change', sequence });
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
    order({ type: 'complete' });
    const receipts = await subscribers.finished;
    const after = await usageOf(server.pid!);
    return { ...deliveryLatencies(stamps, 0, receipts), subscribeSeconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds };
  } finally {
    server.disconnect();
    if (server.exitCode === null) await once(server, 'exit');
  }
}
