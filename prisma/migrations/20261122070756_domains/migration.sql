-- CreateEnum
CREATE TYPE "DomainState" AS ENUM ('pending_create', 'active', 'pending_transfer_in', 'pending_transfer_out', 'expired', 'redemption', 'pending_delete', 'deleted', 'transferred_away');

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "name" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "street1" TEXT NOT NULL,
    "street2" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "verificationDeadline" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactHandle" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactHandle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "name" TEXT NOT NULL,
    "unicodeName" TEXT NOT NULL,
    "tld" TEXT NOT NULL,
    "state" "DomainState" NOT NULL,
    "registryStatuses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "roid" TEXT,
    "registeredAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "autoRenew" BOOLEAN NOT NULL DEFAULT true,
    "privacy" BOOLEAN NOT NULL DEFAULT false,
    "transferLock" BOOLEAN NOT NULL DEFAULT true,
    "authInfoEnc" TEXT,
    "nameservers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dsRecords" JSONB NOT NULL DEFAULT '[]',
    "registrantContactId" TEXT,
    "adminContactId" TEXT,
    "techContactId" TEXT,
    "billingContactId" TEXT,
    "transferLockedUntil" TIMESTAMP(3),
    "pendingTransferDeadline" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Host" (
    "id" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "addresses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Host_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DomainOperation" (
    "id" BIGSERIAL NOT NULL,
    "resellerId" TEXT NOT NULL,
    "domainId" TEXT,
    "domainName" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "code" INTEGER,
    "message" TEXT NOT NULL,
    "svTRID" TEXT,
    "clTRID" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "orderItemId" TEXT,
    "detail" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DomainOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_resellerId_registrantId_idx" ON "Contact"("resellerId", "registrantId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactHandle_registry_handle_key" ON "ContactHandle"("registry", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "ContactHandle_contactId_registry_key" ON "ContactHandle"("contactId", "registry");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_name_key" ON "Domain"("name");

-- CreateIndex
CREATE INDEX "Domain_resellerId_expiresAt_id_idx" ON "Domain"("resellerId", "expiresAt", "id");

-- CreateIndex
CREATE INDEX "Domain_resellerId_state_expiresAt_idx" ON "Domain"("resellerId", "state", "expiresAt");

-- CreateIndex
CREATE INDEX "Domain_resellerId_tld_expiresAt_idx" ON "Domain"("resellerId", "tld", "expiresAt");

-- CreateIndex
CREATE INDEX "Domain_resellerId_name_idx" ON "Domain"("resellerId", "name");

-- CreateIndex
CREATE INDEX "Domain_registrantId_idx" ON "Domain"("registrantId");

-- CreateIndex
CREATE INDEX "Domain_state_expiresAt_idx" ON "Domain"("state", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Host_name_key" ON "Host"("name");

-- CreateIndex
CREATE INDEX "DomainOperation_domainId_at_idx" ON "DomainOperation"("domainId", "at");

-- CreateIndex
CREATE INDEX "DomainOperation_resellerId_at_idx" ON "DomainOperation"("resellerId", "at");

-- AddForeignKey
ALTER TABLE "ContactHandle" ADD CONSTRAINT "ContactHandle_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Host" ADD CONSTRAINT "Host_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DomainOperation" ADD CONSTRAINT "DomainOperation_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;
