-- Every announced change of a batch is kept, as the very text its NOTIFY carried, so that a
-- process whose LISTEN connection was lost can hand its subscribers the changes it missed,
-- exactly as the other processes handed them over (src/events/missedChanges.ts). Written in the
-- announcing transaction: a change is kept if and only if it was announced. Deleted with the
-- batch, and by reconcile a while after the batch ends (a subscriber that reconnects later reads
-- the batch row, which then equals its last change).
CREATE TABLE "BatchEvent" (
    "batchId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchEvent_pkey" PRIMARY KEY ("batchId","sequence")
);

ALTER TABLE "BatchEvent" ADD CONSTRAINT "BatchEvent_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE OR REPLACE FUNCTION "vantage_announce_batch_change"(channel TEXT, batch_id UUID, target_id UUID)
RETURNS VOID LANGUAGE sql AS $$
  WITH change AS (
    SELECT b.id, b.sequence, json_build_object(
      'batchId', b.id,
      'targetId', t.id,
      'sequence', b.sequence,
      'batch', to_json(b),
      'target', to_json(t)
    )::text AS payload
    FROM "Batch" b LEFT JOIN "Target" t ON t.id = target_id AND t."batchId" = b.id
    WHERE b.id = batch_id
  ), kept AS (
    INSERT INTO "BatchEvent" ("batchId", "sequence", "payload")
    SELECT id, sequence, payload FROM change
    ON CONFLICT DO NOTHING
  )
  SELECT pg_notify(channel, id || ' ' || payload) FROM change
$$;
