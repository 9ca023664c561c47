/**
 * What a person types for a site, as the absolute URL the API takes: a bare host such as
 * `example.com` or `example.com:8080/pricing` gets `https://`; anything with a scheme, or that
 * is no host at all, is left for the URL rules to judge.
 */
export function withDefaultScheme(raw: string): string {
  const text = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  const bareHost = /^(localhost|[^\s/:?#@]+\.[^\s/:?#@]+)(:\d+)?([/?#]\S*)?$/i;
  return bareHost.test(text) ? `https://${text}` : text;
}

/**
 * Why the API refuses the URL on its form alone, or null, in the words of its error message
 * (which the server builds from this); the server also refuses some ports.
 */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(withDefaultScheme(raw));
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'is not an http(s) URL';
  if (url.username || url.password) return 'must not contain credentials';
  return null;
}

/** The page a URL names, as the API compares them: default ports and fragments dropped. */
export function samePageKey(raw: string): string {
  try {
    const url = new URL(withDefaultScheme(raw));
    url.hash = '';
    return url.href;
  } catch {
    return raw.trim();
  }
}
