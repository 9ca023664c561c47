import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode, type Context as SocketContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import type { Caller } from '../auth/caller';
import type { Config } from '../config';
import { createConnectionQuota } from './connectionQuota';
import { isAllowedOrigin } from './origins';
import type { GraphQLServer } from './yoga';

type EnvelopedArgs = ExecutionArgs & {
  rootValue: { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
};

/** Not a graphql-ws code; 4429 mirrors HTTP 429 and, like graphql-ws's own 44xx codes, tells clients not to reconnect. */
export const TOO_MANY_CONNECTIONS = 4429;

interface Connection {
  caller: Caller;
  quotaKey: string;
}

/** graphql-ws's convention: 4401 for a missing or unknown key, 4403 for one that is no longer allowed. */
function closeCodeFor(error: AuthenticationError): number {
  return error.reason === 'revoked' ? CloseCode.Forbidden : CloseCode.Unauthorized;
}

/**
 * graphql-ws on the same path as HTTP GraphQL. Every operation goes through Yoga's envelop,
 * so the plugins (error masking, limits) and the context apply to WebSocket traffic as well.
 * The key comes in the connection_init payload (`{ authorization: 'Bearer <key>' }`) and is
 * checked again before every operation, so revoking it stops new subscriptions at once.
 */
export function attachWebSocket(
  httpServer: Server,
  yoga: GraphQLServer,
  auth: Authenticator,
  config: Pick<Config, 'corsOrigins' | 'requestLimits'>,
) {
  const { maxBytes, maxSubscriptionsPerConnection, maxConnectionsPerKey } = config.requestLimits;
  const quota = createConnectionQuota(maxConnectionsPerKey);
  const connections = new WeakMap<SocketContext, Connection>();
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
  const disposable = useServer(
    {
      onConnect: async (ctx) => {
        let caller: Caller;
        try {
          caller = await auth.identify({ authorization: ctx.connectionParams?.authorization, host: ctx.extra.request.headers.host });
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          ctx.extra.socket.close(closeCodeFor(error), error.reason === 'revoked' ? 'Forbidden' : 'Unauthorized');
          return false;
        }
        const quotaKey = caller.apiKeyId ?? `owner:${caller.ownerId}`;
        if (!quota.take(quotaKey)) {
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS, `Too many connections for this key (at most ${maxConnectionsPerKey})`);
          return false;
        }
        connections.set(ctx, { caller, quotaKey });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (connection) quota.release(connection.quotaKey);
        connections.delete(ctx);
      },
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const { caller } = connections.get(ctx)!;
        try {
          await auth.confirm(caller, ctx.extra.request.headers.host);
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          ctx.extra.socket.close(closeCodeFor(error), error.reason === 'revoked' ? 'Forbidden' : 'Unauthorized');
          return [new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        // The operation being started is already among ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${maxSubscriptionsPerConnection} operations may run at once on one connection.`, {
              extensions: { code: 'RATE_LIMITED' },
            }),
          ];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          caller,
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
    /** Completes every open subscription and closes the sockets with 1001 (going away). */
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
