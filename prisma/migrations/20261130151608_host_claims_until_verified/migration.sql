-- DropIndex
DROP INDEX "HostName_host_key";

-- CreateIndex
CREATE INDEX "HostName_host_idx" ON "HostName"("host");

-- CreateIndex
CREATE UNIQUE INDEX "HostName_resellerId_host_key" ON "HostName"("resellerId", "host");

-- Hand-written (Prisma cannot express a partial index): one verified owner per host, while any
-- number of resellers may hold unverified claims on it.
CREATE UNIQUE INDEX "HostName_verified_host_key" ON "HostName"("host") WHERE "verifiedAt" IS NOT NULL;
