-- CreateEnum
CREATE TYPE "AbuseCategory" AS ENUM ('phishing', 'malware', 'botnet', 'pharming', 'spam');

-- CreateEnum
CREATE TYPE "AbuseSource" AS ENUM ('storefront_form', 'console_form', 'mail');

-- CreateEnum
CREATE TYPE "AbuseStatus" AS ENUM ('received', 'acknowledged', 'actioned', 'closed');

-- CreateEnum
CREATE TYPE "DataRequestKind" AS ENUM ('access', 'correction', 'deletion', 'disclosure');

-- CreateEnum
CREATE TYPE "DataRequestStatus" AS ENUM ('awaiting_confirmation', 'open', 'acknowledged', 'completed', 'refused');

-- CreateTable
CREATE TABLE "AbuseReport" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "source" "AbuseSource" NOT NULL,
    "category" "AbuseCategory" NOT NULL,
    "domainName" TEXT NOT NULL,
    "domainId" TEXT,
    "resellerId" TEXT,
    "viaResellerId" TEXT,
    "reporterName" TEXT NOT NULL DEFAULT '',
    "reporterEmail" TEXT NOT NULL,
    "fromAuthority" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL,
    "status" "AbuseStatus" NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgeBy" TIMESTAMP(3) NOT NULL,
    "actionBy" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "actionedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "AbuseReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbuseEvidence" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AbuseEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbuseAction" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "registryCode" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AbuseAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbuseHold" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "registryHadHold" BOOLEAN NOT NULL,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "AbuseHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "DataRequestKind" NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "requesterName" TEXT NOT NULL DEFAULT '',
    "requesterEmail" TEXT NOT NULL,
    "requesterOrganisation" TEXT NOT NULL DEFAULT '',
    "domainName" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "status" "DataRequestStatus" NOT NULL,
    "identityMethod" TEXT,
    "identityConfirmedAt" TIMESTAMP(3),
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgeBy" TIMESTAMP(3),
    "answerBy" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionReason" TEXT,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AbuseReport_reference_key" ON "AbuseReport"("reference");

-- CreateIndex
CREATE INDEX "AbuseReport_status_receivedAt_idx" ON "AbuseReport"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "AbuseReport_resellerId_receivedAt_idx" ON "AbuseReport"("resellerId", "receivedAt");

-- CreateIndex
CREATE INDEX "AbuseReport_domainId_idx" ON "AbuseReport"("domainId");

-- CreateIndex
CREATE INDEX "AbuseEvidence_reportId_idx" ON "AbuseEvidence"("reportId");

-- CreateIndex
CREATE INDEX "AbuseAction_reportId_at_idx" ON "AbuseAction"("reportId", "at");

-- CreateIndex
CREATE INDEX "AbuseHold_domainId_idx" ON "AbuseHold"("domainId");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_reference_key" ON "DataRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_confirmTokenHash_key" ON "DataRequest"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "DataRequest_status_receivedAt_idx" ON "DataRequest"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "DataRequest_resellerId_receivedAt_idx" ON "DataRequest"("resellerId", "receivedAt");

-- CreateIndex
CREATE INDEX "DataRequest_registrantId_idx" ON "DataRequest"("registrantId");

-- AddForeignKey
ALTER TABLE "AbuseEvidence" ADD CONSTRAINT "AbuseEvidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AbuseReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbuseAction" ADD CONSTRAINT "AbuseAction_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AbuseReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Foreign keys the schema files leave out (no back-relations in other capabilities' files)
ALTER TABLE "AbuseReport" ADD CONSTRAINT "AbuseReport_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AbuseReport" ADD CONSTRAINT "AbuseReport_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AbuseHold" ADD CONSTRAINT "AbuseHold_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AbuseHold" ADD CONSTRAINT "AbuseHold_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "AbuseReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DataRequest" ADD CONSTRAINT "DataRequest_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DataRequest" ADD CONSTRAINT "DataRequest_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open abuse hold per domain, so two staff clicks cannot both place one
CREATE UNIQUE INDEX "AbuseHold_one_open_per_domain" ON "AbuseHold"("domainId") WHERE "liftedAt" IS NULL;
