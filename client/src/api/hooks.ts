import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isKeyRequired, onApiKeyChange } from './apiKey';
import { request } from './client';
import { readSocketState, onSocketStateChange } from './socket';
import type { GraphQLRequestError } from '#shared/transport';

function useExternalValue<T>(onChange: (listener: () => void) => () => void, read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    setValue(read);
    return onChange(() => setValue(read));
  }, [onChange, read]);
  return value;
}

let apiKeyEpoch = 0;
onApiKeyChange(() => {
  apiKeyEpoch += 1;
});
const readApiKeyEpoch = () => apiKeyEpoch;

/** Changes whenever the key changes, so data loads and subscriptions start over with it. */
export function useApiKeyEpoch(): number {
  return useExternalValue(onApiKeyChange, readApiKeyEpoch);
}

export function useKeyRequired(): boolean {
  return useExternalValue(onApiKeyChange, isKeyRequired);
}

export function useSocketState() {
  return useExternalValue(onSocketStateChange, readSocketState);
}

export interface QueryState<Result> {
  data: Result | undefined;
  error: GraphQLRequestError | undefined;
  loading: boolean;
  reload(): void;
}

export function useQuery<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables>,
  variables: Variables,
): QueryState<Result> {
  const epoch = useApiKeyEpoch();
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<Omit<QueryState<Result>, 'reload'>>({ data: undefined, error: undefined, loading: true });
  const variablesKey = JSON.stringify(variables);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(document, variables).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: GraphQLRequestError) => current && setState((previous) => ({ data: previous.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
    // variablesKey stands for variables: a new object with the same values must not reload.
  }, [document, variablesKey, epoch, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { ...state, reload };
}
