-- CreateIndex
CREATE INDEX "DomainOperation_orderItemId_idx" ON "DomainOperation"("orderItemId");

-- CreateIndex
CREATE INDEX "OrderItem_state_updatedAt_idx" ON "OrderItem"("state", "updatedAt");
