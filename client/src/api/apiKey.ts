// The key lives in localStorage only: never in a URL, where it would leak into history and logs.
const storageKey = 'vantage.apiKey';

type Listener = () => void;
const listeners = new Set<Listener>();
let keyRequired = false;

function notify() {
  for (const listener of listeners) listener();
}

export function readApiKey(): string | null {
  return localStorage.getItem(storageKey);
}

export function saveApiKey(key: string) {
  const trimmed = key.trim();
  if (trimmed) localStorage.setItem(storageKey, trimmed);
  else localStorage.removeItem(storageKey);
  keyRequired = false;
  notify();
}

export function isKeyRequired() {
  return keyRequired;
}

/** Called when the server answers UNAUTHENTICATED: the key prompt opens. */
export function markKeyRequired() {
  if (keyRequired) return;
  keyRequired = true;
  notify();
}

export function onApiKeyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorizationHeader(): string | undefined {
  const key = readApiKey();
  return key ? `Bearer ${key}` : undefined;
}
