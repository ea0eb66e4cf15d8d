-- API key rows are cached in every app process (src/server/api-keys/key-cache.ts, decision 108).
-- A change to what decides whether a key may call (revocation, expiry, scopes, allowlist, mode,
-- owner) tells every process at commit through NOTIFY on the api_key channel, with the key's id.
-- A trigger and not the service, so no write path (console, scripts, SQL by hand) can forget it.
-- Last use is written once a minute per key and decides nothing, so it notifies nobody.
-- The runner splits scripts at every semicolon, so the body is an E'' string with \x3B for them.
CREATE FUNCTION api_key_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_LEVEL = ''STATEMENT'' THEN
    PERFORM pg_notify(''api_key'', ''all'')\x3B
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM pg_notify(''api_key'', OLD.id)\x3B
  ELSE
    PERFORM pg_notify(''api_key'', NEW.id)\x3B
    IF OLD.id <> NEW.id THEN PERFORM pg_notify(''api_key'', OLD.id)\x3B END IF\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER api_key_notify_change AFTER DELETE OR UPDATE OF
  "id", "resellerId", "mode", "secretHash", "scopes", "allowedCidrs", "createdById", "expiresAt", "revokedAt"
  ON "ApiKey" FOR EACH ROW EXECUTE FUNCTION api_key_notify();

-- TRUNCATE fires no row triggers.
CREATE TRIGGER api_key_notify_truncate AFTER TRUNCATE ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION api_key_notify();
