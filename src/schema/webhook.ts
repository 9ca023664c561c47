import { createWebhook, deleteWebhook, MAX_DELIVERIES_LISTED, pingWebhook } from '../projects/webhooks';
import { createWebhookSender } from '../projects/webhookSender';
import { builder } from './builder';
import { decodeId } from './ids';

const WebhookEvent = builder.enumType('WebhookEvent', {
  values: {
    RUN_COMPLETED: {},
    RUN_FAILED: {},
    CHANGE_DETECTED: { description: 'One delivery per finished run that detected changes, carrying them all.' },
    PING: { description: 'A test delivery of pingWebhook; not one a webhook subscribes to.' },
  } as const,
});

const WebhookDelivery = builder.prismaObject('WebhookDelivery', {
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Also the body\'s "id" and the Vantage-Delivery header: a receiver can drop a repeat.' }),
    event: t.expose('event', { type: WebhookEvent }),
    status: t.exposeInt('status', { nullable: true, description: 'Final HTTP status, null when no answer came.' }),
    attempts: t.exposeInt('attempts'),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    error: t.exposeString('error', { nullable: true, description: 'Why the last attempt failed; null once delivered.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaNode('Webhook', {
  id: { field: 'id' },
  // `node(id)` finds only the caller's webhooks.
  nullable: true,
  findUnique: (id, ctx) => ({ id, project: { ownerId: ctx.caller.ownerId } }),
  fields: (t) => ({
    url: t.exposeString('url'),
    events: t.expose('events', { type: [WebhookEvent] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.relation('deliveries', {
      description: `Last deliveries, newest first; at most ${MAX_DELIVERIES_LISTED}.`,
      args: { first: t.arg.int({ required: false, defaultValue: 20 }) },
      query: (args) => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(args.first ?? 20, 0), MAX_DELIVERIES_LISTED) }),
    }),
  }),
});

builder.prismaObjectField('Project', 'webhooks', (t) =>
  t.relation('webhooks', { description: 'Oldest first.', query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
);

const CreatedWebhook = builder.objectRef<{ webhookId: string; secret: string }>('CreatedWebhook').implement({
  fields: (t) => ({
    webhook: t.prismaField({
      type: 'Webhook',
      resolve: (query, created, _args, ctx) => ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id: created.webhookId } }),
    }),
    secret: t.exposeString('secret', {
      description:
        'Shown once. Each delivery carries the header Vantage-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with this secret>.',
    }),
  }),
});

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreatedWebhook,
    description:
      "POSTs the project's events to url, signed with a secret returned here only. BAD_USER_INPUT naming the field for a URL that is not http(s), longer than 2048 characters, or (unless CRAWL_ALLOW_PRIVATE) a private or loopback address, or for no events; NOT_FOUND for another owner's project.",
    args: {
      projectId: t.arg.id({ required: true }),
      url: t.arg.string({ required: true }),
      events: t.arg({ type: [WebhookEvent], required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const input = { projectId: decodeId(String(args.projectId), 'Project'), url: args.url, events: args.events };
      const { webhook, secret } = await createWebhook(ctx.prisma, input, { allowPrivate: ctx.config.crawl.allowPrivate }, ctx.caller);
      ctx.log.info({ webhookId: webhook.id, projectId: webhook.projectId, ownerId: ctx.caller.ownerId }, 'webhook created');
      return { webhookId: webhook.id, secret };
    },
  }),
  deleteWebhook: t.id({
    description: "Deletes the webhook and its delivery log; deliveries still queued are dropped. NOT_FOUND for another owner's.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await deleteWebhook(ctx.prisma, decodeId(String(args.id), 'Webhook'), ctx.caller);
      return args.id;
    },
  }),
  pingWebhook: t.prismaField({
    type: 'WebhookDelivery',
    description: 'Sends a test delivery (event PING) now, once, and answers with it as the attempt left it; the result is in deliveries too.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const sender = createWebhookSender(ctx.prisma, { allowPrivate: ctx.config.crawl.allowPrivate, timeoutMs: ctx.config.webhooks.timeoutMs });
      try {
        const delivery = await pingWebhook(ctx.prisma, sender, decodeId(String(args.id), 'Webhook'), ctx.caller);
        return ctx.prisma.webhookDelivery.findUniqueOrThrow({ ...query, where: { id: delivery.id } });
      } finally {
        await sender.close();
      }
    },
  }),
}));
