/** The built-in owner that keyless requests act as in local mode; created by the security migration. */
export const LOCAL_OWNER_ID = '10ca1000-0000-4000-8000-000000000000';

/** Who makes a request: the owner everything is scoped to, and the key that proved it. */
export interface Caller {
  ownerId: string;
  /** Null for the local owner in local mode. */
  apiKeyId: string | null;
}

export const LOCAL_CALLER: Caller = Object.freeze({ ownerId: LOCAL_OWNER_ID, apiKeyId: null });
