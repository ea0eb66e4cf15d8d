-- ---- Written by hand (docs/decisions/075-ledger-posting-function.md) ----------------------------------
-- No schema change: prisma/migrations/schema.snapshot.prisma stays as the previous migration left it.

-- Only a reseller's available balance keeps a running balance, because only it has a floor to check
-- under a row lock. Every other account (held, revenue, registry, payments, funds, refunds,
-- adjustments) is the sum of its lines, so a posting updates no row that other orders update too.
-- Their stored balances equalled their lines (verifyLedger checked it) and are cleared.
UPDATE "LedgerAccount" SET cached = false, balance = 0 WHERE kind <> 'reseller_available';

-- The per-line balance check stays for every line written outside ledger_post. ledger_post checks
-- its own lines before it inserts them in one statement and names that entry in a transaction-local
-- setting while it does, so the deferred check is not queued for them (it cost a query per line).
DROP TRIGGER journal_line_balances ON "JournalLine";
CREATE CONSTRAINT TRIGGER journal_line_balances AFTER INSERT ON "JournalLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."entryId" IS DISTINCT FROM current_setting('ledger.balanced_entry', true))
  EXECUTE FUNCTION ledger_entry_balances();

-- A posting is one call of ledger_post with one JSON document:
--   { id, key, kind, memo, resellerId, orderId, actorId,
--     lines: [{ account, kind, owner, currency, amount }],
--     hold: { op: place, item, amount, currency, at } or { op: capture or release, item } (optional) }
-- It answers { outcome: posted, entryId, alerts } or { outcome: exists, entryId } or
-- { outcome: insufficient } or { outcome: unsettled, holdStatus }, and writes nothing unless the
-- outcome is posted. Generic plans are forced: every statement is a lookup by key, and re-planning
-- each call for the few array elements cost a third of the call.
-- The migration runner splits scripts at every semicolon, so the body is an E'' string with \x3B
-- standing for the semicolons.
CREATE FUNCTION ledger_post(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS E'
DECLARE
  v_ids text[]\x3B
  v_cur text[]\x3B
  v_amt bigint[]\x3B
  v_balanced boolean\x3B
  v_missing boolean\x3B
  v_cached boolean\x3B
  v_foreign boolean\x3B
  v_op text := p->''hold''->>''op''\x3B
  v_item text := p->''hold''->>''item''\x3B
  v_ok boolean := true\x3B
  v_alerts jsonb\x3B
  v_entry text\x3B
  v_status text\x3B
BEGIN
  -- The lines as arrays (their order within an entry carries no meaning), and whether they balance:
  -- in one currency that is one sum, across several it is a sum per currency.
  SELECT array_agg(x.account), array_agg(x.currency), array_agg(x.amount),
         CASE WHEN min(x.currency) = max(x.currency) THEN sum(x.amount) = 0 END
    INTO v_ids, v_cur, v_amt, v_balanced
    FROM jsonb_to_recordset(p->''lines'') AS x(account text, currency text, amount bigint)\x3B
  IF v_balanced IS NULL AND v_ids IS NOT NULL THEN
    SELECT bool_and(t.total = 0) INTO v_balanced
      FROM (SELECT sum(x.amt) AS total FROM unnest(v_cur, v_amt) AS x(cur, amt) GROUP BY x.cur) t\x3B
  END IF\x3B
  IF v_balanced IS NOT TRUE THEN
    RAISE EXCEPTION ''journal entry % has no lines or does not balance per currency'', p->>''key'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B

  -- Accounts spring into existence on first use. Only reseller_available keeps a running balance.
  SELECT bool_or(a.cached IS NULL), bool_or(a.cached), bool_or(a.currency <> x.cur)
    INTO v_missing, v_cached, v_foreign
    FROM unnest(v_ids, v_cur) AS x(aid, cur)
    LEFT JOIN LATERAL (SELECT a.cached, a.currency FROM "LedgerAccount" a WHERE a.id = x.aid LIMIT 1) a ON true\x3B
  IF v_missing THEN
    INSERT INTO "LedgerAccount" (id, code, kind, "resellerId", currency, cached)
      SELECT DISTINCT ON (x.account) x.account, x.account, x.kind::"LedgerAccountKind", x.owner, x.currency, x.kind = ''reseller_available''
      FROM jsonb_to_recordset(p->''lines'') AS x(account text, kind text, owner text, currency text)
      ORDER BY x.account
      ON CONFLICT DO NOTHING\x3B
    SELECT bool_or(a.cached), bool_or(a.currency <> x.cur)
      INTO v_cached, v_foreign
      FROM unnest(v_ids, v_cur) AS x(aid, cur) JOIN "LedgerAccount" a ON a.id = x.aid\x3B
  END IF\x3B
  IF v_foreign THEN
    RAISE EXCEPTION ''journal entry % has a line in another currency than its account'', p->>''key'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B

  -- The floor: lock the running balances in id order (no deadlocks between postings), then check that
  -- no available balance falls below minus its credit limit, and report low-balance crossings.
  IF v_cached THEN
    WITH lk AS (
      SELECT a.id, a.kind, a."resellerId" AS rid, a.balance,
             (SELECT sum(x.amt) FROM unnest(v_ids, v_amt) AS x(aid, amt) WHERE x.aid = a.id) AS delta
      FROM "LedgerAccount" a WHERE a.id = ANY(v_ids) AND a.cached ORDER BY a.id FOR NO KEY UPDATE)
    SELECT coalesce(bool_and(NOT (lk.kind = ''reseller_available'' AND lk.delta < 0 AND lk.balance + lk.delta + coalesce(b.lim, 0) < 0)), true),
           jsonb_agg(jsonb_build_object(''resellerId'', lk.rid, ''after'', lk.balance + lk.delta, ''threshold'', b.thr, ''warnedAt'', b.warned))
             FILTER (WHERE b.thr IS NOT NULL AND (lk.balance + lk.delta < b.thr) <> (b.warned IS NOT NULL))
      INTO v_ok, v_alerts
      FROM lk LEFT JOIN LATERAL (
        SELECT r."creditLimit" AS lim, r."lowBalanceThreshold" AS thr, r."lowBalanceWarnedAt" AS warned FROM "ResellerBilling" r
        WHERE r."resellerId" = lk.rid AND lk.kind = ''reseller_available'' LIMIT 1) b ON true\x3B
    IF NOT v_ok THEN
      SELECT e.id INTO v_entry FROM "JournalEntry" e WHERE e.key = p->>''key''\x3B
      IF FOUND THEN
        RETURN jsonb_build_object(''outcome'', ''exists'', ''entryId'', v_entry)\x3B
      END IF\x3B
      RETURN jsonb_build_object(''outcome'', ''insufficient'')\x3B
    END IF\x3B
  END IF\x3B

  -- A settlement goes ahead only if this call moves the hold out of held.
  IF v_op IN (''capture'', ''release'') THEN
    UPDATE "Hold" h SET status = (CASE v_op WHEN ''capture'' THEN ''captured'' ELSE ''released'' END)::"HoldStatus", "settledAt" = now()
      WHERE h."orderItemId" = v_item AND h.status = ''held''\x3B
    IF NOT FOUND THEN
      SELECT h.status::text INTO v_status FROM "Hold" h WHERE h."orderItemId" = v_item\x3B
      RETURN jsonb_build_object(''outcome'', ''unsettled'', ''holdStatus'', v_status)\x3B
    END IF\x3B
  END IF\x3B
  -- The entry is written once per key, and its lines with it. They were checked to balance above,
  -- so the per-line deferred check (journal_line_balances) is not queued for this entry.
  PERFORM set_config(''ledger.balanced_entry'', p->>''id'', true)\x3B
  WITH e AS (
    INSERT INTO "JournalEntry" (id, key, kind, memo, "resellerId", "orderId", "actorId")
    VALUES (p->>''id'', p->>''key'', p->>''kind'', coalesce(p->>''memo'', ''''), p->>''resellerId'', p->>''orderId'', p->>''actorId'')
    ON CONFLICT (key) DO NOTHING
    RETURNING id),
  l AS (
    INSERT INTO "JournalLine" ("entryId", "accountId", currency, amount)
    SELECT e.id, x.aid, x.cur, x.amt FROM e, unnest(v_ids, v_cur, v_amt) AS x(aid, cur, amt))
  SELECT e.id INTO v_entry FROM e\x3B
  PERFORM set_config(''ledger.balanced_entry'', '''', true)\x3B
  -- The running balances and a new hold change only if the entry was written.
  IF v_entry IS NOT NULL THEN
    IF v_cached THEN
      UPDATE "LedgerAccount" t SET balance = t.balance + (SELECT sum(x.amt) FROM unnest(v_ids, v_amt) AS x(aid, amt) WHERE x.aid = t.id)
        WHERE t.id = ANY(v_ids) AND t.cached\x3B
    END IF\x3B
    IF v_op = ''place'' THEN
      INSERT INTO "Hold" (id, "resellerId", "orderItemId", currency, amount, status, "createdAt")
        VALUES (gen_random_uuid()::text, p->>''resellerId'', v_item, p->''hold''->>''currency'', (p->''hold''->>''amount'')::integer, ''held'', (p->''hold''->>''at'')::timestamp(3))\x3B
    END IF\x3B
  END IF\x3B

  IF v_entry IS NOT NULL THEN
    RETURN jsonb_build_object(''outcome'', ''posted'', ''entryId'', v_entry, ''alerts'', v_alerts)\x3B
  END IF\x3B
  -- The key was posted before (or by a concurrent call that committed first): nothing is written.
  -- A hold that was still held cannot have a settlement entry already: refuse rather than settle it.
  IF v_op IN (''capture'', ''release'') THEN
    RAISE EXCEPTION ''journal entry % exists but its hold was still held'', p->>''key'' USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  SELECT e.id INTO v_entry FROM "JournalEntry" e WHERE e.key = p->>''key''\x3B
  RETURN jsonb_build_object(''outcome'', ''exists'', ''entryId'', v_entry)\x3B
END
';
