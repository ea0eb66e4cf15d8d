-- CreateTable
CREATE TABLE "IncidentDraft" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "components" TEXT[],
    "severity" "IncidentSeverity" NOT NULL,
    "autoComponent" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "incidentId" TEXT,
    "discardedAt" TIMESTAMP(3),

    CONSTRAINT "IncidentDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentDraft_publishedAt_discardedAt_createdAt_idx" ON "IncidentDraft"("publishedAt", "discardedAt", "createdAt");

-- Foreign keys kept out of the schema files, so Incident and User need no back-relation fields
ALTER TABLE "IncidentDraft" ADD CONSTRAINT "IncidentDraft_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IncidentDraft" ADD CONSTRAINT "IncidentDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IncidentDraft" ADD CONSTRAINT "IncidentDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One pending draft per component the health check saw turn to an outage: a second run, or a second
-- worker, inserts nothing (decision 128)
CREATE UNIQUE INDEX "IncidentDraft_pending_auto_key" ON "IncidentDraft"("autoComponent")
  WHERE "autoComponent" IS NOT NULL AND "publishedAt" IS NULL AND "discardedAt" IS NULL;

-- A draft is published or discarded, never both
ALTER TABLE "IncidentDraft" ADD CONSTRAINT "IncidentDraft_one_ending_check" CHECK ("publishedAt" IS NULL OR "discardedAt" IS NULL);

-- The status page's failed-payment rate reads the payments that ended in the last hour, every five
-- minutes (decision 128). Kept out of billing.prisma: only that raw query uses it
CREATE INDEX "Payment_completedAt_idx" ON "Payment"("completedAt") WHERE "completedAt" IS NOT NULL;
