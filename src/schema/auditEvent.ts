import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from './builder';
import { CONNECTION_PAGE } from './paging';

const AuditAction = builder.enumType('AuditAction', {
  values: [
    'BATCH_CREATED',
    'BATCH_CANCELLED',
    'BATCH_RETRIED',
    'API_KEY_CREATED',
    'API_KEY_REVOKED',
    'PROJECT_CREATED',
    'PROJECT_UPDATED',
    'PROJECT_DELETED',
    'WEBHOOK_CREATED',
    'WEBHOOK_DELETED',
    'VISIBILITY_AUDIT_STARTED',
    'VISIBILITY_AUDIT_CANCELLED',
  ] as const,
});

builder.prismaObject('ApiKey', {
  description: 'An API key of the owner, without anything secret. Keys are created and revoked with `npm run apikey`.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'What `npm run apikey -- revoke <id>` takes.' }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: "The key's first characters, to tell keys apart." }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObject('AuditEvent', {
  description: 'Who created, cancelled or retried a batch, created or revoked a key, or created, changed or deleted a project or one of its webhooks, and when.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.expose('action', { type: AuditAction }),
    batch: t.relation('batch', { nullable: true, description: 'The batch acted on, for BATCH_* actions.' }),
    apiKey: t.relation('apiKey', { nullable: true, description: 'The key created or revoked, for API_KEY_* actions.' }),
    projectId: t.id({
      nullable: true,
      description: 'The id of the project acted on, for PROJECT_* and WEBHOOK_* actions; kept after the project is deleted.',
      resolve: (event) => (event.projectId ? encodeGlobalID('Project', event.projectId) : null),
    }),
    actorKey: t.relation('actorKey', {
      nullable: true,
      description: 'The key the request was made with; null in local mode and from the command line.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: 'AuditEvent',
      cursor: 'id',
      description: "The caller's audit trail, newest first. 20 a page unless first (forwards from after) or last (backwards from before) says otherwise; at most 100.",
      ...CONNECTION_PAGE,
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.auditEvent.findMany({
          ...query,
          where: { ownerId: ctx.caller.ownerId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'AuditEventConnection' },
    { name: 'AuditEventEdge' },
  ),
}));
