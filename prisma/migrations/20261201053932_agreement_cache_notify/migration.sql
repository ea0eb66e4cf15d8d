-- The API refuses live changes of a reseller past its agreement's accept-by date and keeps what each
-- reseller still has to accept in every app process's tagged cache (decision 118). These triggers
-- tell the processes at commit on the app_cache channel (decision 103): a published or changed
-- version names the tag "agreements", an acceptance names its reseller.
-- The runner splits scripts at every semicolon, so the body is an E'' string with \x3B for them.
CREATE FUNCTION agreement_cache_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''app_cache'', ''agreements'')\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER app_cache_agreement_version AFTER INSERT OR UPDATE OR DELETE ON "ResellerAgreementVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_cache_notify();
CREATE TRIGGER app_cache_agreement_acceptance AFTER INSERT OR UPDATE OR DELETE ON "ResellerAgreementAcceptance"
  FOR EACH ROW EXECUTE FUNCTION app_cache_notify('resellerId');

-- TRUNCATE fires no row triggers.
CREATE TRIGGER app_cache_agreement_version_truncate AFTER TRUNCATE ON "ResellerAgreementVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION agreement_cache_notify();
CREATE TRIGGER app_cache_agreement_acceptance_truncate AFTER TRUNCATE ON "ResellerAgreementAcceptance"
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify('all');
