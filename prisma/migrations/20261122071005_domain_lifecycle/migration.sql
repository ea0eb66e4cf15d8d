-- CreateEnum
CREATE TYPE "BulkAction" AS ENUM ('renew', 'nameservers', 'lock', 'unlock', 'auto_renew_on', 'auto_renew_off');

-- CreateEnum
CREATE TYPE "BulkJobStatus" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "BulkItemStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "RenewalNoticeKind" AS ENUM ('before_30_days', 'before_7_days', 'after_expiry');

-- CreateEnum
CREATE TYPE "RegistrantChangeStatus" AS ENUM ('pending', 'completed', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "ReconciliationStatus" AS ENUM ('running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "createdById" TEXT,
    "action" "BulkAction" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL DEFAULT 'selection',
    "status" "BulkJobStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJobItem" (
    "id" TEXT NOT NULL,
    "bulkJobId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "domainName" TEXT NOT NULL,
    "domainId" TEXT,
    "status" "BulkItemStatus" NOT NULL DEFAULT 'pending',
    "code" INTEGER,
    "message" TEXT NOT NULL DEFAULT '',
    "orderId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BulkJobItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalNotice" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "kind" "RenewalNoticeKind" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "mailId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenewalNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainLifecycle" (
    "domainId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registryExpiresAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "graceEndsAt" TIMESTAMP(3),
    "redemptionEndsAt" TIMESTAMP(3),
    "purgeAt" TIMESTAMP(3),
    "autoRenewTriedAt" TIMESTAMP(3),
    "autoRenewFailure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DomainLifecycle_pkey" PRIMARY KEY ("domainId")
);

-- CreateTable
CREATE TABLE "PollMessageLog" (
    "id" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "message" TEXT NOT NULL,
    "domainName" TEXT,
    "event" JSONB,
    "outcome" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollMessageLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrantChange" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "requestedById" TEXT,
    "newContact" JSONB NOT NULL,
    "priorEmail" TEXT NOT NULL,
    "priorTokenHash" TEXT NOT NULL,
    "newTokenHash" TEXT NOT NULL,
    "priorConfirmedAt" TIMESTAMP(3),
    "newConfirmedAt" TIMESTAMP(3),
    "lockOptOut" BOOLEAN NOT NULL DEFAULT false,
    "status" "RegistrantChangeStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "RegistrantChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "status" "ReconciliationStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "checked" INTEGER NOT NULL DEFAULT 0,
    "drifted" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriftFinding" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "domainName" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "ours" TEXT NOT NULL,
    "theirs" TEXT NOT NULL,
    "repaired" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriftFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkJob_resellerId_createdAt_idx" ON "BulkJob"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkJobItem_bulkJobId_position_idx" ON "BulkJobItem"("bulkJobId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_bulkJobId_domainName_key" ON "BulkJobItem"("bulkJobId", "domainName");

-- CreateIndex
CREATE INDEX "RenewalNotice_resellerId_sentAt_idx" ON "RenewalNotice"("resellerId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalNotice_domainId_kind_expiresAt_key" ON "RenewalNotice"("domainId", "kind", "expiresAt");

-- CreateIndex
CREATE INDEX "DomainLifecycle_resellerId_idx" ON "DomainLifecycle"("resellerId");

-- CreateIndex
CREATE INDEX "PollMessageLog_processedAt_idx" ON "PollMessageLog"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PollMessageLog_registry_messageId_key" ON "PollMessageLog"("registry", "messageId");

-- CreateIndex
CREATE INDEX "RegistrantChange_domainId_status_idx" ON "RegistrantChange"("domainId", "status");

-- CreateIndex
CREATE INDEX "ReconciliationRun_startedAt_idx" ON "ReconciliationRun"("startedAt");

-- CreateIndex
CREATE INDEX "DriftFinding_runId_idx" ON "DriftFinding"("runId");

-- CreateIndex
CREATE INDEX "DriftFinding_resellerId_at_idx" ON "DriftFinding"("resellerId", "at");

-- AddForeignKey
ALTER TABLE "BulkJobItem" ADD CONSTRAINT "BulkJobItem_bulkJobId_fkey" FOREIGN KEY ("bulkJobId") REFERENCES "BulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftFinding" ADD CONSTRAINT "DriftFinding_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
