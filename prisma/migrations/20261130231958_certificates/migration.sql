-- CreateEnum
CREATE TYPE "CertificateLevel" AS ENUM ('dv', 'ov', 'ev');

-- CreateEnum
CREATE TYPE "CertificateCoverage" AS ENUM ('single', 'wildcard', 'multi');

-- CreateEnum
CREATE TYPE "CertificateSubscriptionState" AS ENUM ('pending_dcv', 'active', 'expired', 'revoked', 'failed');

-- CreateEnum
CREATE TYPE "CertificateRequestPurpose" AS ENUM ('issue', 'reissue', 'replacement');

-- CreateEnum
CREATE TYPE "CertificateRequestState" AS ENUM ('new', 'pending_dcv', 'processing', 'issued', 'rejected');

-- CreateEnum
CREATE TYPE "IssuedCertificateStatus" AS ENUM ('issued', 'replaced', 'revoked', 'expired');

-- CreateTable
CREATE TABLE "CertificateSubscription" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "orderItemId" TEXT NOT NULL,
    "productCode" TEXT NOT NULL,
    "level" "CertificateLevel" NOT NULL,
    "coverage" "CertificateCoverage" NOT NULL,
    "sanCount" INTEGER NOT NULL,
    "termYears" INTEGER NOT NULL,
    "names" TEXT[],
    "organisation" JSONB,
    "state" "CertificateSubscriptionState" NOT NULL DEFAULT 'pending_dcv',
    "termEndsAt" TIMESTAMP(3),
    "nextReplacementAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateRequest" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "orderItemId" TEXT,
    "purpose" "CertificateRequestPurpose" NOT NULL,
    "externalId" TEXT NOT NULL,
    "csrPem" TEXT NOT NULL,
    "csrInspection" JSONB NOT NULL,
    "names" TEXT[],
    "dcvMethod" TEXT NOT NULL,
    "dcvEmail" JSONB,
    "dcv" JSONB NOT NULL DEFAULT '[]',
    "caAdapter" TEXT NOT NULL,
    "caOrderId" TEXT,
    "state" "CertificateRequestState" NOT NULL DEFAULT 'new',
    "replacesId" TEXT,
    "keyCompromise" BOOLEAN NOT NULL DEFAULT false,
    "validityDays" INTEGER NOT NULL,
    "rejectionReason" TEXT,
    "lastPolledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedCertificate" (
    "id" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "caAdapter" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "chainPem" TEXT NOT NULL,
    "spkiSha256" TEXT NOT NULL,
    "names" TEXT[],
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "status" "IssuedCertificateStatus" NOT NULL DEFAULT 'issued',
    "revocationReason" TEXT,
    "revokeRequestedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "replacedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssuedCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CertificateSubscription_orderItemId_key" ON "CertificateSubscription"("orderItemId");

-- CreateIndex
CREATE INDEX "CertificateSubscription_resellerId_createdAt_idx" ON "CertificateSubscription"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "CertificateSubscription_registrantId_idx" ON "CertificateSubscription"("registrantId");

-- CreateIndex
CREATE INDEX "CertificateSubscription_nextReplacementAt_idx" ON "CertificateSubscription"("nextReplacementAt");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateRequest_orderItemId_key" ON "CertificateRequest"("orderItemId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateRequest_externalId_key" ON "CertificateRequest"("externalId");

-- CreateIndex
CREATE INDEX "CertificateRequest_state_lastPolledAt_idx" ON "CertificateRequest"("state", "lastPolledAt");

-- CreateIndex
CREATE INDEX "CertificateRequest_caOrderId_idx" ON "CertificateRequest"("caOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCertificate_requestId_key" ON "IssuedCertificate"("requestId");

-- CreateIndex
CREATE INDEX "IssuedCertificate_resellerId_notAfter_idx" ON "IssuedCertificate"("resellerId", "notAfter");

-- CreateIndex
CREATE INDEX "IssuedCertificate_spkiSha256_idx" ON "IssuedCertificate"("spkiSha256");

-- CreateIndex
CREATE INDEX "IssuedCertificate_revokeRequestedAt_idx" ON "IssuedCertificate"("revokeRequestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCertificate_caAdapter_serialNumber_key" ON "IssuedCertificate"("caAdapter", "serialNumber");

-- AddForeignKey
ALTER TABLE "CertificateRequest" ADD CONSTRAINT "CertificateRequest_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "CertificateSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCertificate" ADD CONSTRAINT "IssuedCertificate_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "CertificateSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedCertificate" ADD CONSTRAINT "IssuedCertificate_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CertificateRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Foreign keys to other capabilities' tables, kept out of the schema files (no back-references there)
ALTER TABLE "CertificateSubscription" ADD CONSTRAINT "CertificateSubscription_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CertificateSubscription" ADD CONSTRAINT "CertificateSubscription_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CertificateRequest" ADD CONSTRAINT "CertificateRequest_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The catalogue's certificate slots go on sale (a database seeded before this migration), with what
-- each product covers and terms of one to five years
UPDATE "Product" SET active = true, "maxPeriod" = 5, details = '{"level":"dv","coverage":"single","sanCount":1}' WHERE code = 'ssl-dv-single';
UPDATE "Product" SET active = true, "maxPeriod" = 5, details = '{"level":"dv","coverage":"wildcard","sanCount":1}' WHERE code = 'ssl-dv-wildcard';
UPDATE "Product" SET active = true, "maxPeriod" = 5, details = '{"level":"ov","coverage":"single","sanCount":1}' WHERE code = 'ssl-ov-single';
UPDATE "Product" SET active = true, "maxPeriod" = 5, details = '{"level":"ev","coverage":"single","sanCount":1}' WHERE code = 'ssl-ev-single';
