-- The project's event log is appended in the transaction of each change of one of its batches:
-- the announcing function now calls vantage_append_project_events. Test deliveries of webhooks
-- (pingWebhook) are logged as PING.
ALTER TYPE "WebhookEvent" ADD VALUE 'PING';

CREATE OR REPLACE FUNCTION "vantage_append_project_events"(batch_id UUID)
RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  run "Batch";
  run_kind TEXT;
  event JSONB;
  raised INT;
  payload TEXT;
BEGIN
  SELECT * INTO run FROM "Batch" WHERE id = batch_id;
  IF run."projectId" IS NULL THEN RETURN; END IF;
  run_kind := CASE
    WHEN run.sequence = 0 THEN 'RUN_STARTED'
    WHEN run.status IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN 'RUN_ENDED'
    ELSE 'RUN_PROGRESS' END;
  FOR event IN
    SELECT e FROM (
      SELECT jsonb_build_object('kind', run_kind, 'runId', run.id, 'status', run.status, 'completedUrls', run."completedUrls",
          'totalUrls', run."totalUrls") AS e, -1 AS position, '' AS kind, '' AS subject
      UNION ALL
      SELECT jsonb_build_object('kind', 'CHANGE_DETECTED', 'runId', run.id, 'changeId', c.id), b.position, c.kind::text, c.subject
      FROM "ProjectChange" c JOIN "ProjectBrand" b ON b.id = c."brandId"
      WHERE run_kind = 'RUN_ENDED' AND c."runId" = run.id
    ) events ORDER BY position, kind, subject
  LOOP
    UPDATE "Project" SET "eventSequence" = "eventSequence" + 1 WHERE id = run."projectId" RETURNING "eventSequence" INTO raised;
    payload := (event || jsonb_build_object('sequence', raised))::text;
    INSERT INTO "ProjectEvent" ("projectId", "sequence", "payload") VALUES (run."projectId", raised, payload);
    PERFORM pg_notify('vantage_project_events', run."projectId" || ' ' || payload);
  END LOOP;
END $$;

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
      'target', to_json(t)
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
