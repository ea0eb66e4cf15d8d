-- Audit entries move from one chain of plain SHA-256 hashes (anyone who can write the table can
-- recompute them) to one chain per tenant sealed by an HMAC whose key lives outside the database
-- (docs/decisions/070-audit-chains-per-tenant.md).

-- DropIndex
DROP INDEX "AuditEntry_hash_key";

-- AlterTable
ALTER TABLE "AuditEntry" DROP COLUMN "hash",
DROP COLUMN "prevHash",
ADD COLUMN     "chain" TEXT,
ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "mac" TEXT;

-- Existing entries join their tenant's chain in the order they were written. Their MACs need the key,
-- which the database never sees: sealLegacyAuditEntries (src/server/audit) adds them when the
-- migration run ends, and until then writers refuse to extend an unsealed chain.
UPDATE "AuditEntry" a SET "chain" = n.chain, "chainSeq" = n.pos
FROM (
  SELECT seq, coalesce("resellerId", 'registrar') AS chain,
         row_number() OVER (PARTITION BY coalesce("resellerId", 'registrar') ORDER BY seq) AS pos
  FROM "AuditEntry"
) n
WHERE a.seq = n.seq;

ALTER TABLE "AuditEntry" ALTER COLUMN "chain" SET NOT NULL,
ALTER COLUMN "chainSeq" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_chain_chainSeq_key" ON "AuditEntry"("chain", "chainSeq");

-- Append-only: entries are inserted sealed, never updated, deleted or truncated. The one update let
-- through gives an entry written before this migration its MAC and key id, once, changing nothing
-- else. The runner splits scripts at every semicolon, so the body is an E'' string with \x3B for them.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    IF NEW.mac IS NULL OR NEW."keyId" IS NULL THEN
      RAISE EXCEPTION ''audit entries are inserted with their MAC and key id'' USING ERRCODE = ''insufficient_privilege''\x3B
    END IF\x3B
    RETURN NEW\x3B
  END IF\x3B
  IF TG_OP = ''UPDATE'' THEN
    IF OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW."keyId" IS NOT NULL
       AND to_jsonb(NEW) - ''mac'' - ''keyId'' = to_jsonb(OLD) - ''mac'' - ''keyId'' THEN
      RETURN NEW\x3B
    END IF\x3B
  END IF\x3B
  RAISE EXCEPTION ''the audit log is append-only: % on % is not allowed'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3B
END';
CREATE TRIGGER audit_entry_append_only BEFORE INSERT OR UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
-- TRUNCATE fires no row triggers: it needs a statement trigger of its own.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
