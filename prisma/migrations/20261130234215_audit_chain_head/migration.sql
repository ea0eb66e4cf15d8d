-- ---- Written by hand (docs/decisions/102-engine-on-raw-sql.md) ----------------------------------------
-- No schema change: prisma/migrations/schema.snapshot.prisma stays as the previous migration left it.

-- An audit append took three round trips: the chain's advisory lock, the read of its head, the
-- insert. The lock and the read are one call here. The read must come after the lock in a statement
-- of its own, so it sees the entry of the writer that held the lock before: a VOLATILE PL/pgSQL
-- function takes a new snapshot for each statement under READ COMMITTED, one SELECT would not.
-- The body is an E'' string with \x3B for its semicolons (the migration runner splits at each one).
CREATE FUNCTION audit_chain_head(p_chain text) RETURNS TABLE ("chainSeq" bigint, mac text)
LANGUAGE plpgsql VOLATILE AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(''audit:'' || p_chain, 0))\x3B
  RETURN QUERY SELECT a."chainSeq", a.mac FROM "AuditEntry" a WHERE a.chain = p_chain ORDER BY a."chainSeq" DESC LIMIT 1\x3B
END
';
