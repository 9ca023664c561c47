export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface StructuredData {
  /** Top-level JSON-LD items, with @graph and arrays unwrapped. */
  items: JsonObject[];
  /** schema.org types from JSON-LD (nested ones included), microdata and RDFa, without duplicates. */
  types: string[];
  /** Problems a site owner can fix, e.g. a JSON-LD block that is not valid JSON. */
  errors: string[];
}

/**
 * Deepest JSON-LD nesting read (schema.org markup rarely passes ten levels). The readers here and
 * in the checks recurse, so a deeper block is reported instead of read: nested 100,000 deep it
 * overflowed the stack and the page failed.
 */
export const MAX_JSON_LD_DEPTH = 64;

export function readStructuredData(jsonLdBlocks: readonly string[], otherTypes: readonly string[]): StructuredData {
  const items: JsonObject[] = [];
  const errors: string[] = [];
  jsonLdBlocks.forEach((block, index) => {
    const label = jsonLdBlocks.length > 1 ? `JSON-LD block ${index + 1}` : 'The JSON-LD block';
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(block) as JsonValue;
    } catch (error) {
      errors.push(`${label} is not valid JSON (${(error as Error).message})`);
      return;
    }
    if (nestsDeeperThan(parsed, MAX_JSON_LD_DEPTH)) {
      errors.push(`${label} nests objects and arrays deeper than ${MAX_JSON_LD_DEPTH} levels, so it was not read`);
      return;
    }
    const blockItems = topLevelItems(parsed);
    if (blockItems.length === 0) errors.push(`${label} contains no object`);
    for (const item of blockItems) {
      if (typesOf(item).length === 0) errors.push(`${label} has an item without @type`);
      items.push(item);
    }
  });
  const types = new Set<string>();
  for (const item of items) collectTypes(item, types);
  for (const type of otherTypes) types.add(type);
  return { items, types: [...types], errors };
}

/** Without recursion, so that the depth of the value itself cannot overflow the stack. */
function nestsDeeperThan(value: JsonValue, limit: number): boolean {
  const pending: [JsonValue, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

function topLevelItems(value: JsonValue): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(topLevelItems);
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  if (Array.isArray(graph)) return graph.flatMap(topLevelItems);
  return [value];
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `@type` may be a string or a list, and may be a full schema.org URL. */
export function typesOf(item: JsonObject): string[] {
  const raw = item['@type'];
  const values = Array.isArray(raw) ? raw : [raw];
  return values
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map((value) => value.split(/[/#:]/).pop()!.trim());
}

function collectTypes(value: JsonValue, types: Set<string>): void {
  if (Array.isArray(value)) {
    for (const entry of value) collectTypes(entry, types);
  } else if (isObject(value)) {
    for (const type of typesOf(value)) types.add(type);
    for (const [key, entry] of Object.entries(value)) if (key !== '@type') collectTypes(entry, types);
  }
}

/** Every value of `key` anywhere inside the items, outermost first. */
export function findValues(items: readonly JsonValue[], key: string): JsonValue[] {
  const found: JsonValue[] = [];
  const visit = (value: JsonValue): void => {
    if (Array.isArray(value)) {
      for (const entry of value) visit(entry);
    } else if (isObject(value)) {
      if (key in value) found.push(value[key]!);
      for (const entry of Object.values(value)) visit(entry);
    }
  };
  for (const item of items) visit(item);
  return found;
}

/** Items (nested included) whose @type is one of `types`. */
export function itemsOfType(items: readonly JsonValue[], types: ReadonlySet<string>): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: JsonValue): void => {
    if (Array.isArray(value)) {
      for (const entry of value) visit(entry);
    } else if (isObject(value)) {
      if (typesOf(value).some((type) => types.has(type))) found.push(value);
      for (const entry of Object.values(value)) visit(entry);
    }
  };
  for (const item of items) visit(item);
  return found;
}
