import { parsePrismaCursor } from '@pothos/plugin-prisma';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { isUuid } from '../db/prisma';
import { quoted, UserError } from '../errors';

interface PagingArguments {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/** Rows of a connection's page: without first or last, and at most (a larger first or last is cut to it). */
export const CONNECTION_PAGE = { defaultSize: 20, maxSize: 100 } as const;

const refuse = (field: string, message: string) => new UserError('BAD_USER_INPUT', message, { field });

/** Whether the cursor is one a connection of this schema gave out: every one pages by a uuid id. */
function isOurCursor(cursor: string): boolean {
  try {
    const id: unknown = parsePrismaCursor(cursor);
    return typeof id === 'string' && isUuid(id);
  } catch {
    return false;
  }
}

/**
 * The checks Pothos makes of a connection's paging arguments, made first, so that the caller
 * gets BAD_USER_INPUT naming the argument instead of an error that reads like a bug.
 */
export function checkPagingArguments(args: PagingArguments): void {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && size < 0) throw refuse(name, `${name} must be 0 or more; got ${size}.`);
  }
  if (args.before != null && args.after != null) throw refuse('before', 'Give before or after, not both.');
  if (args.before != null && args.first != null) throw refuse('first', 'Page backwards from before with last, not first.');
  if (args.after != null && args.last != null) throw refuse('last', 'Page forwards from after with first, not last.');
  for (const name of ['before', 'after'] as const) {
    const cursor = args[name];
    if (cursor != null && !isOurCursor(cursor)) {
      throw refuse(name, `"${quoted(cursor)}" is not a cursor this API gave out.`);
    }
  }
}

/** A connection field: one that pages (it has an `after` argument). */
export function isConnectionField(field: { args: readonly { name: string }[] }): boolean {
  return field.args.some((arg) => arg.name === 'after');
}

/** Every connection field of the schema checks its paging arguments before resolving. */
export function checkingPagingArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isConnectionField(field)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkPagingArguments(args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
