-- A retry re-queues URLs, which count against the owner's URLs per day like a new batch's:
-- its audit row keeps how many, with the time it happened (src/batches/limits.ts).
ALTER TABLE "AuditEvent" ADD COLUMN "urls" INTEGER;
