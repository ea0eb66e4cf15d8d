-- CreateTable
CREATE TABLE "HealthThreshold" (
    "id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "resellerId" TEXT,
    "limit" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "HealthThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthFinding" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedValue" DOUBLE PRECISION NOT NULL,
    "limit" DOUBLE PRECISION NOT NULL,
    "lastValue" DOUBLE PRECISION NOT NULL,
    "lastEvaluatedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "acknowledgeNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedValue" DOUBLE PRECISION,

    CONSTRAINT "HealthFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HealthThreshold_resellerId_idx" ON "HealthThreshold"("resellerId");

-- CreateIndex
CREATE UNIQUE INDEX "HealthThreshold_metric_scope_key" ON "HealthThreshold"("metric", "scope");

-- CreateIndex
CREATE INDEX "HealthFinding_resellerId_openedAt_idx" ON "HealthFinding"("resellerId", "openedAt");

-- CreateIndex
CREATE INDEX "HealthFinding_closedAt_openedAt_idx" ON "HealthFinding"("closedAt", "openedAt");

-- One open finding per reseller and figure: the evaluation opens it once, not once per page view.
CREATE UNIQUE INDEX "HealthFinding_one_open_per_metric" ON "HealthFinding"("resellerId", "metric") WHERE "closedAt" IS NULL;

-- Foreign keys kept out of the schema file, so Reseller needs no back-relations.
ALTER TABLE "HealthThreshold" ADD CONSTRAINT "HealthThreshold_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HealthFinding" ADD CONSTRAINT "HealthFinding_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
