const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid, checked before it reaches a query whose `::uuid` cast would fail on it. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
