-- CreateIndex
CREATE INDEX "DomainOperation_domainName_at_idx" ON "DomainOperation"("domainName", "at");
