/**
 * Browsers may call the API from the server's own origin and from the listed ones only.
 * Requests without an Origin header (curl, servers, the graphql-ws client in Node) are not
 * browser cross-origin requests and pass; the API key or local mode decides about them.
 */
export function isAllowedOrigin(origin: string, hostHeader: string | null | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  if (!hostHeader || !URL.canParse(origin)) return false;
  return new URL(origin).host === hostHeader.toLowerCase();
}

/** Yoga's CORS answer: headers for a listed origin only; same-origin requests need none. */
export function corsPolicy(allowed: readonly string[]) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.includes(origin)) return false as const;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf'],
      credentials: false,
      maxAge: 600,
    };
  };
}
