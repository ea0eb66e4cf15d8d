-- Passkeys of storefront registrants (decision 120). The schema diff that first held these tables went
-- into another engineer's migration and was taken out of it there, so they are written here by hand.

-- CreateTable
CREATE TABLE "RegistrantPasskey" (
    "id" TEXT NOT NULL,
    "registrantId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "rpId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "RegistrantPasskey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrantWebAuthnChallenge" (
    "challenge" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "registrantId" TEXT NOT NULL,
    "rpId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrantWebAuthnChallenge_pkey" PRIMARY KEY ("challenge")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrantPasskey_credentialId_key" ON "RegistrantPasskey"("credentialId");

-- CreateIndex
CREATE INDEX "RegistrantPasskey_registrantId_idx" ON "RegistrantPasskey"("registrantId");

-- CreateIndex
CREATE INDEX "RegistrantWebAuthnChallenge_registrantId_idx" ON "RegistrantWebAuthnChallenge"("registrantId");

-- CreateIndex
CREATE INDEX "RegistrantWebAuthnChallenge_expiresAt_idx" ON "RegistrantWebAuthnChallenge"("expiresAt");

-- A registrant's passkeys and open challenges go with the account, and a passkey with its reseller
ALTER TABLE "RegistrantPasskey" ADD CONSTRAINT "RegistrantPasskey_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RegistrantPasskey" ADD CONSTRAINT "RegistrantPasskey_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RegistrantWebAuthnChallenge" ADD CONSTRAINT "RegistrantWebAuthnChallenge_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
