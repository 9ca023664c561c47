import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode, type Context as SocketContext } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import type { Caller } from '../auth/caller';
import { createAdvisorySlots, type AdvisorySlots, type Slot } from '../db/advisorySlots';
import { RESYNC } from '../events';
import type { Logger } from '../logger';
import type { Services } from '../schema/context';
import { nextMessagesOf } from './graphqlWsMessages';
import { isAllowedOrigin } from './origins';
import type { ResultSink } from './resultSink';
import type { GraphQLServer } from './yoga';

export type ConnectionQuota = AdvisorySlots;

/**
 * Open WebSocket connections per key across every api process on the database: each
 * connection holds one of its key's slots until it closes.
 */
export function createConnectionQuota(connectionString: string, maxPerKey: number, log: Logger): ConnectionQuota {
  return createAdvisorySlots(connectionString, { name: 'connection-quota', namespace: 0x56_57_4b_53, maxPerKey }, log);
}

type EnvelopedArgs = ExecutionArgs & {
  rootValue: { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
};

/** Not a graphql-ws code; 4429 mirrors HTTP 429 and, like graphql-ws's own 44xx codes, tells clients not to reconnect. */
const TOO_MANY_CONNECTIONS = 4429;

type Socket = SocketContext<Record<string, unknown> | undefined, Extra>;

interface Connection {
  caller: Caller;
  slot: Slot;
  /** The operations let through the per-connection cap that may still be running. */
  admitted: Set<string>;
}

/**
 * Admits an operation if fewer than `max` admitted ones are still running. graphql-ws lists an
 * operation in `ctx.subscriptions` from its arrival until it ends, including while onSubscribe
 * awaits, so counting that list would count a burst's later operations against its first ones;
 * this counts only those admitted before, in the order they arrived.
 */
function admit(ctx: Socket, admitted: Set<string>, id: string, max: number): boolean {
  for (const running of admitted) if (running === id || !(running in ctx.subscriptions)) admitted.delete(running);
  if (admitted.size >= max) return false;
  admitted.add(id);
  return true;
}

/**
 * A subscription's results written straight to its socket, in the form graphql-ws's own loop
 * writes them, so that a change shared by many subscribers is serialised once (see
 * sharedEventResults.ts). Like graphql-ws's own send, it writes nothing to a closing socket.
 */
function resultSinkOf(socket: WebSocket, id: string): ResultSink {
  const nextMessage = nextMessagesOf(id);
  return {
    next(resultJson) {
      if (socket.readyState === socket.OPEN) socket.send(nextMessage(resultJson));
    },
  };
}

/** graphql-ws's convention: 4401 for a missing or unknown key, 4403 for a caller that is no longer allowed. */
function closeCodeFor(error: AuthenticationError): number {
  return error.reason === 'revoked' || error.reason === 'local-mode-ended' ? CloseCode.Forbidden : CloseCode.Unauthorized;
}

function closeForbidden(ctx: Socket): void {
  ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden');
}

/**
 * graphql-ws on the same path as HTTP GraphQL. Every operation goes through Yoga's envelop,
 * so the plugins (error masking, limits) and the context apply to WebSocket traffic as well.
 * The key comes in the connection_init payload (`{ authorization: 'Bearer <key>' }`) and is
 * checked again before every operation. When a key is revoked, or the first key ends local
 * mode, every api process hears it (events' access channel) and closes the sockets it ends
 * with 4403 at once, running subscriptions and all.
 */
export function attachWebSocket(
  httpServer: Server,
  yoga: GraphQLServer,
  auth: Authenticator,
  quota: ConnectionQuota,
  { config, events, log }: Pick<Services, 'config' | 'events' | 'log'>,
) {
  const { maxBytes, maxSubscriptionsPerConnection, maxConnectionsPerKey } = config.requestLimits;
  const connections = new Map<Socket, Connection>();
  // Counts the access changes heard, so that a connection authenticated while one arrived is checked again.
  let accessChanges = 0;
  const wss = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: maxBytes,
    // Browsers do not apply CORS to WebSockets; without this any web page could subscribe in local mode.
    verifyClient: (
      { origin, req }: { origin?: string; req: { headers: { host?: string } } },
      done: (allowed: boolean, status?: number, message?: string) => void,
    ) => {
      if (!origin || isAllowedOrigin(origin, req.headers.host, config.corsOrigins)) done(true);
      else done(false, 403, 'Origin not allowed');
    },
  });

  /** The result of an authentication step; null once the socket is closed because it failed. */
  async function authenticated<T>(ctx: Socket, step: () => Promise<T>): Promise<T | null> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof AuthenticationError) {
        const code = closeCodeFor(error);
        ctx.extra.socket.close(code, code === CloseCode.Forbidden ? 'Forbidden' : 'Unauthorized');
      } else {
        // Not graphql-ws's own handling: that would put the error's message in the close reason.
        log.error({ err: error }, 'authenticating a WebSocket connection failed');
        ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
      }
      return null;
    }
  }

  /** Whether a connection's caller may still act; if not, the socket is closed with the reason's code. */
  async function stillAllowed(ctx: Socket, caller: Caller): Promise<boolean> {
    return (await authenticated(ctx, () => auth.confirm(caller, ctx.extra.request.headers.host).then(() => true))) ?? false;
  }

  const stopListening = events.listenToAccess((message) => {
    accessChanges++;
    if (message === RESYNC) {
      for (const [ctx, { caller }] of connections) void stillAllowed(ctx, caller);
      return;
    }
    // A created key ends local mode; a revoked one ends its own connections.
    const ended = message.change === 'created' ? null : message.apiKeyId;
    for (const [ctx, { caller }] of connections) if (caller.apiKeyId === ended) closeForbidden(ctx);
  });

  const disposable = useServer(
    {
      onConnect: async (ctx) => {
        const { request } = ctx.extra;
        const changesBefore = accessChanges;
        const caller = await authenticated(ctx, () =>
          auth.identify({ authorization: ctx.connectionParams?.authorization, host: request.headers.host }),
        );
        if (!caller) return false;
        let slot: Slot | null;
        try {
          slot = await quota.take(caller.apiKeyId ?? `owner:${caller.ownerId}`);
        } catch (error) {
          log.error({ err: error }, 'counting a WebSocket connection failed');
          ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
          return false;
        }
        if (slot && ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
          await quota.release(slot); // closed while the slot was being taken: onClose has come and gone
          return false;
        }
        if (!slot) {
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS, `Too many connections for this key (at most ${maxConnectionsPerKey})`);
          return false;
        }
        connections.set(ctx, { caller, slot, admitted: new Set() });
        // An access change heard since the key was read may concern it; from now on the listener sees this connection.
        return accessChanges === changesBefore || stillAllowed(ctx, caller);
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (connection) void quota.release(connection.slot);
        connections.delete(ctx);
      },
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args) as never,
      onSubscribe: async (ctx, id, params) => {
        const { caller, admitted } = connections.get(ctx)!;
        // Before any await, so that operations are admitted in the order they came.
        if (!admit(ctx, admitted, id, maxSubscriptionsPerConnection)) {
          return [
            new GraphQLError(`At most ${maxSubscriptionsPerConnection} operations may run at once on one connection.`, {
              extensions: { code: 'RATE_LIMITED' },
            }),
          ];
        }
        if (!(await stillAllowed(ctx, caller))) {
          return [new GraphQLError('The connection may no longer act.', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          caller,
          resultSink: resultSinkOf(ctx.extra.socket, id),
        });
        // Syntax errors and the limits' refusals are errors of the operation, not of the connection.
        try {
          const args: EnvelopedArgs = {
            schema,
            operationName: params.operationName,
            document: parse(params.query),
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
          const errors = validate(args.schema, args.document);
          return errors.length > 0 ? errors : args;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      },
    },
    wss,
  );
  return {
    /** For the metrics: open connections and the operations running on them. */
    stats() {
      let operations = 0;
      for (const socket of connections.keys()) operations += Object.keys(socket.subscriptions).length;
      return { connections: connections.size, operations };
    },
    /** Completes every open subscription and closes the sockets with 1001 (going away). */
    async close() {
      stopListening();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
