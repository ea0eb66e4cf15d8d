-- CreateTable
CREATE TABLE "PrivacyProxyObject" (
    "registry" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyProxyObject_pkey" PRIMARY KEY ("registry")
);

-- CreateTable
CREATE TABLE "PrivacyProxyDomain" (
    "domainId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "relayToken" TEXT NOT NULL,
    "registry" TEXT,
    "proxyHandle" TEXT,
    "enabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivacyProxyDomain_pkey" PRIMARY KEY ("domainId")
);

-- CreateTable
CREATE TABLE "ResellerAgreementVersion" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptBy" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT NOT NULL,

    CONSTRAINT "ResellerAgreementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResellerAgreementAcceptance" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "acceptedById" TEXT NOT NULL,
    "acceptedByEmail" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResellerAgreementAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyProxyObject_handle_key" ON "PrivacyProxyObject"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyProxyDomain_relayToken_key" ON "PrivacyProxyDomain"("relayToken");

-- CreateIndex
CREATE INDEX "PrivacyProxyDomain_resellerId_idx" ON "PrivacyProxyDomain"("resellerId");

-- CreateIndex
CREATE UNIQUE INDEX "ResellerAgreementVersion_version_key" ON "ResellerAgreementVersion"("version");

-- CreateIndex
CREATE INDEX "ResellerAgreementVersion_publishedAt_idx" ON "ResellerAgreementVersion"("publishedAt");

-- CreateIndex
CREATE INDEX "ResellerAgreementAcceptance_versionId_idx" ON "ResellerAgreementAcceptance"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "ResellerAgreementAcceptance_resellerId_versionId_key" ON "ResellerAgreementAcceptance"("resellerId", "versionId");

-- Foreign keys kept out of the schema files, so Domain, Reseller and User need no back-relations.
ALTER TABLE "PrivacyProxyDomain" ADD CONSTRAINT "PrivacyProxyDomain_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PrivacyProxyDomain" ADD CONSTRAINT "PrivacyProxyDomain_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResellerAgreementAcceptance" ADD CONSTRAINT "ResellerAgreementAcceptance_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResellerAgreementAcceptance" ADD CONSTRAINT "ResellerAgreementAcceptance_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ResellerAgreementVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
