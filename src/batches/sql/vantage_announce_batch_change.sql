-- Tells listeners about a batch's change, with the batch row and the changed target's row as
-- they stand in the calling transaction. Delivered on commit, in commit order. The payload is
-- the batch id, a space and the change as JSON, so that a listener with no subscriber to the
-- batch need not parse the rest (src/events/channel.ts). Every announced change is kept in
-- BatchEvent as the very text its NOTIFY carried, so that a process whose LISTEN connection was
-- lost can hand its subscribers the changes it missed (src/events/missedChanges.ts). A change of
-- a project's batch appends the project's events too (vantage_append_project_events).
--
-- Installed by a migration: a change here goes into a new migration too, as CREATE OR REPLACE
-- (test/batches/sqlFunctions.test.ts fails while the two differ).
CREATE OR REPLACE FUNCTION "vantage_announce_batch_change"(channel TEXT, batch_id UUID, target_id UUID)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  announced_sequence INT;
  payload TEXT;
BEGIN
  SELECT b.sequence, json_build_object(
      'batchId', b.id,
      'targetId', t.id,
      'sequence', b.sequence,
      'batch', to_json(b),
      -- A site's report can outgrow NOTIFY's 8000 bytes; readers load it when asked for it.
      'target', to_jsonb(t) - 'site'
    )::text
    INTO announced_sequence, payload
    FROM "Batch" b LEFT JOIN "Target" t ON t.id = target_id AND t."batchId" = b.id
    WHERE b.id = batch_id;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO "BatchEvent" ("batchId", "sequence", "payload") VALUES (batch_id, announced_sequence, payload)
    ON CONFLICT DO NOTHING;
  PERFORM pg_notify(channel, batch_id || ' ' || payload);
  PERFORM "vantage_append_project_events"(batch_id);
END $$;
