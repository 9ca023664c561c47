import type { GraphQLRequestError } from '#shared/transport';

export function ErrorNotice({ error, context }: { error: GraphQLRequestError | undefined; context?: string }) {
  if (!error) return null;
  if (error.hasCode('UNAUTHENTICATED')) {
    return <p class="notice notice-error" role="alert">This server needs an API key. Enter it to continue.</p>;
  }
  return (
    <p class="notice notice-error" role="alert">
      {context ? `${context}: ` : ''}
      {error.message}
    </p>
  );
}
