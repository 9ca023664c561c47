-- Tells listeners about a batch's change, with the batch row and the changed target's row as
-- they stand in the calling transaction. Delivered on commit, in commit order. The payload is
-- the batch id, a space and the change as JSON, so that a listener with no subscriber to the
-- batch need not parse the rest (src/events/channel.ts). Every announced change is kept in
-- BatchEvent as the very text its NOTIFY carried, so that a process whose LISTEN connection was
-- lost can hand its subscribers the changes it missed (src/events/missedChanges.ts).
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
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
