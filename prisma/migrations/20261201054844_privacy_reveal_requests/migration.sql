-- CreateEnum
CREATE TYPE "RevealRequesterKind" AS ENUM ('law_enforcement', 'rights_holder', 'complainant');

-- CreateEnum
CREATE TYPE "RevealStatus" AS ENUM ('received', 'acknowledged', 'disclosed', 'refused');

-- CreateTable
CREATE TABLE "RevealRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "domainName" TEXT NOT NULL,
    "requesterKind" "RevealRequesterKind" NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterEmail" TEXT NOT NULL,
    "requesterOrganisation" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "evidenceSha256" TEXT NOT NULL,
    "status" "RevealStatus" NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgeBy" TIMESTAMP(3) NOT NULL,
    "registrantAnswerBy" TIMESTAMP(3) NOT NULL,
    "decideBy" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "registrantAnsweredAt" TIMESTAMP(3),
    "registrantPosition" TEXT,
    "registrantAnswer" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionReason" TEXT,

    CONSTRAINT "RevealRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RevealRequest_reference_key" ON "RevealRequest"("reference");

-- CreateIndex
CREATE INDEX "RevealRequest_status_receivedAt_idx" ON "RevealRequest"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "RevealRequest_domainId_status_idx" ON "RevealRequest"("domainId", "status");

-- Foreign keys kept out of the schema files, so Domain and Reseller need no back-relation fields
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RevealRequest" ADD CONSTRAINT "RevealRequest_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
