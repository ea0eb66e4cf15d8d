-- CreateTable
CREATE TABLE "ContactVerification" (
    "contactId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "lastSentAt" TIMESTAMP(3) NOT NULL,
    "sendWindowStart" TIMESTAMP(3) NOT NULL,
    "sendsInWindow" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactVerification_pkey" PRIMARY KEY ("contactId")
);

-- CreateTable
CREATE TABLE "ContactVerificationToken" (
    "tokenHash" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactVerificationToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "WapsHold" (
    "id" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "registryHadHold" BOOLEAN NOT NULL,
    "liftedAt" TIMESTAMP(3),
    "liftError" TEXT,

    CONSTRAINT "WapsHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactVerification_resellerId_idx" ON "ContactVerification"("resellerId");

-- CreateIndex
CREATE INDEX "ContactVerificationToken_contactId_idx" ON "ContactVerificationToken"("contactId");

-- CreateIndex
CREATE INDEX "WapsHold_domainId_idx" ON "WapsHold"("domainId");

-- CreateIndex
CREATE INDEX "WapsHold_liftedAt_idx" ON "WapsHold"("liftedAt");

-- Foreign keys the schema files leave out (no back-relations in domains.prisma)
ALTER TABLE "ContactVerification" ADD CONSTRAINT "ContactVerification_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactVerificationToken" ADD CONSTRAINT "ContactVerificationToken_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WapsHold" ADD CONSTRAINT "WapsHold_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open WAPS hold per domain, so two sweeps cannot both place one
CREATE UNIQUE INDEX "WapsHold_one_open_per_domain" ON "WapsHold"("domainId") WHERE "liftedAt" IS NULL;
