-- Decision 076: DomainOperation.operation holds one vocabulary, the registry port's operation names.
-- Rows the management services wrote under their own words are renamed. Where the old word said more
-- than the port name (which part of the domain changed, which transfer answer, a nightly check) that
-- is kept in the detail, in the shape of the port's input, so the history still shows it in words.

UPDATE "DomainOperation"
SET "operation" = 'updateDomain',
    "detail" = jsonb_build_object(
      'add', jsonb_build_object('nameservers', COALESCE("detail" -> 'add', '[]'::jsonb)),
      'remove', jsonb_build_object('nameservers', COALESCE("detail" -> 'remove', '[]'::jsonb)))
WHERE "operation" = 'update nameservers';

UPDATE "DomainOperation"
SET "operation" = 'updateDomain',
    "detail" = COALESCE("detail", '{"add": {"statuses": ["clientTransferProhibited"]}}'::jsonb)
WHERE "operation" = 'lock';

UPDATE "DomainOperation"
SET "operation" = 'updateDomain',
    "detail" = COALESCE("detail", '{"remove": {"statuses": ["clientTransferProhibited"]}}'::jsonb)
WHERE "operation" = 'unlock';

UPDATE "DomainOperation"
SET "operation" = 'updateDomain', "detail" = jsonb_build_object('ds', COALESCE("detail", '{}'::jsonb))
WHERE "operation" = 'update DS records';

UPDATE "DomainOperation"
SET "operation" = 'updateDomain', "detail" = '{"authInfo": "***"}'::jsonb
WHERE "operation" = 'reset auth code';

UPDATE "DomainOperation"
SET "operation" = 'transferDomain',
    "detail" = COALESCE("detail", '{}'::jsonb) || jsonb_build_object('op', substr("operation", length('transfer ') + 1))
WHERE "operation" IN ('transfer approve', 'transfer reject', 'transfer query');

UPDATE "DomainOperation"
SET "operation" = 'deleteDomain'
WHERE "operation" IN ('delete', 'delete (grace ended)');

UPDATE "DomainOperation"
SET "operation" = 'infoDomain'
WHERE "operation" = 'info';

UPDATE "DomainOperation"
SET "operation" = 'infoDomain',
    "detail" = jsonb_build_object(
      'reconciliation', jsonb_build_object('repaired', "message" LIKE 'Drift repaired%'))
WHERE "operation" = 'reconcile';

UPDATE "DomainOperation"
SET "operation" = 'deleteHost',
    "detail" = CASE WHEN "detail" -> 'host' IS NULL THEN "detail" ELSE jsonb_build_object('name', "detail" -> 'host') END
WHERE "operation" = 'delete host';

UPDATE "DomainOperation"
SET "operation" = 'checkHosts',
    "detail" = CASE WHEN "detail" -> 'host' IS NULL THEN "detail"
               ELSE jsonb_build_object('names', jsonb_build_array("detail" -> 'host')) END
WHERE "operation" = 'check host';

UPDATE "DomainOperation"
SET "operation" = 'createHost',
    "detail" = CASE WHEN "detail" -> 'host' IS NULL THEN "detail"
               ELSE ("detail" - 'host') || jsonb_build_object('name', "detail" -> 'host') END
WHERE "operation" = 'create host';

UPDATE "DomainOperation"
SET "operation" = 'updateHost',
    "detail" = CASE WHEN "detail" -> 'host' IS NULL THEN "detail"
               ELSE jsonb_build_object(
                 'name', "detail" -> 'host',
                 'add', jsonb_build_object('addresses', COALESCE("detail" -> 'add', '[]'::jsonb)),
                 'remove', jsonb_build_object('addresses', COALESCE("detail" -> 'remove', '[]'::jsonb))) END
WHERE "operation" = 'update host';

UPDATE "DomainOperation"
SET "detail" = ("detail" - 'handle') || jsonb_build_object('id', "detail" -> 'handle')
WHERE "operation" IN ('createContact', 'updateContact') AND "detail" -> 'handle' IS NOT NULL;
