const CLIENT_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** GraphiQL's page carries its scripts inline, so on the GraphQL path only framing is restricted. */
const GRAPHQL_CSP = "frame-ancestors 'none'";

/** Headers for every response: the web client gets a strict CSP, GraphiQL one it can live with. */
export function securityHeaders(graphqlPath: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': graphqlPath ? GRAPHQL_CSP : CLIENT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}
