// The reference for the progress bench: a graphql-ws server that does nothing but the protocol.
// It acknowledges connections, remembers subscriptions and, for each change the bench orders,
// serialises one payload and writes it to every subscription. No GraphQL, no database, no
// per-subscriber iterator: what a broadcast to these sockets costs on this machine at best.
// Run as a child process with an IPC channel (see startIdealServer).
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IdealServerOrder, IdealServerReport } from './ideal';

const report = (message: IdealServerReport) => process.send!(message);
const subscriptions = new Map<WebSocket, string>();
let sequence = 0;

/** The shape of PROGRESS_QUERY's answer, with the values of a page halfway through a batch. */
function payload() {
  return JSON.stringify({
    data: {
      batchProgress: {
        sequence,
        target: { url: 'http://127.0.0.1:40000/loaded/25', status: 'SUCCEEDED', error: null },
        batch: { status: 'RUNNING', progress: 0.5, completedUrls: 25 },
      },
    },
  });
}
const next = (id: string, data: string) => `{"id":${JSON.stringify(id)},"type":"next","payload":${data}}`;

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => protocols.values().next().value ?? false });
server.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { type: string; id?: string };
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    if (message.type === 'subscribe') {
      subscriptions.set(socket, message.id!);
      socket.send(next(message.id!, payload())); // the current state, as Vantage sends first
    }
  });
  socket.on('close', () => subscriptions.delete(socket));
});
server.on('listening', () => {
  report({ type: 'listening', port: (server.address() as AddressInfo).port });
});

process.on('message', (order: IdealServerOrder) => {
  if (order.type === 'change') {
    sequence = order.sequence;
    const sentAt = performance.timeOrigin + performance.now();
    const data = payload();
    for (const [socket, id] of subscriptions) socket.send(next(id, data));
    report({ type: 'sent', sequence, sentAt });
  } else {
    for (const [socket, id] of subscriptions) socket.send(`{"id":${JSON.stringify(id)},"type":"complete"}`);
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
