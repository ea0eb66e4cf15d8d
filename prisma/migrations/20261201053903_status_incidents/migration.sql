-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('minor', 'major', 'critical');

-- CreateEnum
CREATE TYPE "IncidentState" AS ENUM ('investigating', 'identified', 'monitoring', 'resolved');

-- CreateEnum
CREATE TYPE "ComponentState" AS ENUM ('operational', 'degraded', 'down');

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "components" TEXT[],
    "severity" "IncidentSeverity" NOT NULL,
    "state" "IncidentState" NOT NULL DEFAULT 'investigating',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "state" "IncidentState" NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComponentHealthSample" (
    "id" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "state" "ComponentState" NOT NULL,
    "detail" TEXT NOT NULL,
    "latencyMs" INTEGER,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComponentHealthSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_resolvedAt_idx" ON "Incident"("resolvedAt");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_at_idx" ON "IncidentUpdate"("incidentId", "at");

-- CreateIndex
CREATE INDEX "ComponentHealthSample_component_checkedAt_idx" ON "ComponentHealthSample"("component", "checkedAt");

-- CreateIndex
CREATE INDEX "ComponentHealthSample_checkedAt_idx" ON "ComponentHealthSample"("checkedAt");

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who opened an incident and who wrote each update: staff accounts are disabled, never deleted.
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every console page shows the open incidents from a per-process cache (src/server/status), so any
-- change to an incident tells every process at commit, on the app_cache channel with the tag
-- "incidents" (decision 114). A trigger and not the service, so no write path can forget it.
-- The runner splits scripts at every semicolon, so the body is an E'' string with \x3B for them.
CREATE FUNCTION incident_cache_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''app_cache'', ''incidents'')\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER incident_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION incident_cache_notify();
CREATE TRIGGER incident_update_cache_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncidentUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION incident_cache_notify();
