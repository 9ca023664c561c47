import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver } from 'graphql-scalars';
import type PrismaTypes from '../db/generated/pothos-types';
import { getDatamodel } from '../db/generated/pothos-types';
import { notFound } from '../errors';
import type { Context } from './context';
import { isNodeId } from './ids';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: { client: (ctx) => ctx.prisma, dmmf: getDatamodel(), filterConnectionTotalCount: true },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    firstArgOptions: { defaultValue: 20 },
    nodeQueryOptions: {
      description:
        "The batch or target with this id. Like `batch`, NOT_FOUND when there is no such object or it is another owner's; never null.",
      resolve: async (_root, { id }, _ctx, _info, resolveNode) => {
        const node = isNodeId(id) ? await resolveNode(id) : null;
        if (!node) throw notFound('object');
        return node;
      },
    },
    // One id at a time: a list lookup would let a caller probe many ids per request.
    nodesQueryOptions: false,
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
