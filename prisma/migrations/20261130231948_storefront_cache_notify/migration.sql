-- Storefront settings are cached in every app process (src/server/cache, decision 095). Every write
-- to a table they are read from tells the processes, at commit, through NOTIFY on the app_cache
-- channel: a trigger and not the services, so no write path (console, seed, scripts, SQL by hand)
-- can forget it. The payload is "all" or space-separated tags ("reseller:ID host:NAME").
-- The runner splits scripts at every semicolon, so the body is an E'' string with \x3B for them.
CREATE FUNCTION app_cache_notify() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  tags text\x3B
BEGIN
  IF TG_LEVEL = ''STATEMENT'' OR TG_ARGV[0] = ''all'' THEN
    PERFORM pg_notify(''app_cache'', ''all'')\x3B
    RETURN NULL\x3B
  END IF\x3B
  IF TG_OP <> ''INSERT'' THEN
    tags := ''reseller:'' || (to_jsonb(OLD) ->> TG_ARGV[0])\x3B
    IF TG_ARGV[1] IS NOT NULL THEN tags := tags || '' host:'' || (to_jsonb(OLD) ->> TG_ARGV[1])\x3B END IF\x3B
    PERFORM pg_notify(''app_cache'', tags)\x3B
  END IF\x3B
  IF TG_OP <> ''DELETE'' THEN
    tags := ''reseller:'' || (to_jsonb(NEW) ->> TG_ARGV[0])\x3B
    IF TG_ARGV[1] IS NOT NULL THEN tags := tags || '' host:'' || (to_jsonb(NEW) ->> TG_ARGV[1])\x3B END IF\x3B
    PERFORM pg_notify(''app_cache'', tags)\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

-- Per reseller: the tenant row, its branding and legal texts, its host names, its price rules.
CREATE TRIGGER app_cache_reseller AFTER INSERT OR UPDATE OR DELETE ON "Reseller"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('id');
CREATE TRIGGER app_cache_reseller_branding AFTER INSERT OR UPDATE OR DELETE ON "ResellerBranding"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId');
-- lastCheckedAt and lastCheckError change on every verification attempt and route nothing.
CREATE TRIGGER app_cache_host_name AFTER INSERT OR DELETE OR UPDATE OF "host", "verifiedAt", "kind", "resellerId" ON "HostName"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId', 'host');
-- lowBalanceWarnedAt and creditLimit do not change a price.
CREATE TRIGGER app_cache_reseller_billing AFTER INSERT OR DELETE OR UPDATE OF "tierId", "markupKind", "markupValue", "rounding" ON "ResellerBilling"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId');
CREATE TRIGGER app_cache_retail_override AFTER INSERT OR UPDATE OR DELETE ON "RetailOverride"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId');
CREATE TRIGGER app_cache_promotion AFTER INSERT OR UPDATE OR DELETE ON "Promotion"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId');

-- Shared by every storefront: the registrar's disclosure, the catalogue and wholesale prices.
CREATE TRIGGER app_cache_registrar AFTER INSERT OR UPDATE OR DELETE ON "Registrar"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_product AFTER INSERT OR UPDATE OR DELETE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_wholesale_tier AFTER INSERT OR UPDATE OR DELETE ON "WholesaleTier"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_wholesale_price AFTER INSERT OR UPDATE OR DELETE ON "WholesalePrice"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_exchange_rate AFTER INSERT OR UPDATE OR DELETE ON "ExchangeRate"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_registry_cost AFTER INSERT OR UPDATE OR DELETE ON "RegistryCost"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');

-- TRUNCATE fires no row triggers (tests empty tables this way).
CREATE TRIGGER app_cache_reseller_truncate AFTER TRUNCATE ON "Reseller"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_reseller_branding_truncate AFTER TRUNCATE ON "ResellerBranding"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_host_name_truncate AFTER TRUNCATE ON "HostName"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_reseller_billing_truncate AFTER TRUNCATE ON "ResellerBilling"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_retail_override_truncate AFTER TRUNCATE ON "RetailOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_promotion_truncate AFTER TRUNCATE ON "Promotion"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_registrar_truncate AFTER TRUNCATE ON "Registrar"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_product_truncate AFTER TRUNCATE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_wholesale_tier_truncate AFTER TRUNCATE ON "WholesaleTier"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_wholesale_price_truncate AFTER TRUNCATE ON "WholesalePrice"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_exchange_rate_truncate AFTER TRUNCATE ON "ExchangeRate"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
CREATE TRIGGER app_cache_registry_cost_truncate AFTER TRUNCATE ON "RegistryCost"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
