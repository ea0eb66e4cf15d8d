-- CreateEnum
CREATE TYPE "MarkupKind" AS ENUM ('percent', 'fixed');

-- CreateEnum
CREATE TYPE "RoundingRule" AS ENUM ('none', 'cents99', 'whole');

-- CreateEnum
CREATE TYPE "LedgerAccountKind" AS ENUM ('reseller_available', 'reseller_held', 'registrar_revenue', 'registry_cost', 'registry_payable', 'payments_received', 'refunds_paid', 'manual_adjustments');

-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('held', 'captured', 'released');

-- CreateEnum
CREATE TYPE "PaymentPurpose" AS ENUM ('topup', 'order');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('pending', 'succeeded', 'canceled', 'refunded');

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('domain', 'ssl', 'tmch');

-- CreateEnum
CREATE TYPE "PriceOperation" AS ENUM ('register', 'renew', 'transfer', 'restore', 'privacy');

-- CreateEnum
CREATE TYPE "PremiumRuleKind" AS ENUM ('percent', 'fixed');

-- CreateEnum
CREATE TYPE "OrderItemKind" AS ENUM ('domain_register', 'domain_renew', 'domain_transfer', 'domain_restore', 'ssl_issue', 'ssl_reissue', 'ssl_renew', 'tmch_mark', 'sunrise_application', 'landrush_application', 'pre_registration', 'privacy');

-- CreateEnum
CREATE TYPE "OrderItemState" AS ENUM ('pending_payment', 'paid', 'queued', 'provisioning', 'pending_registry', 'completed', 'failed', 'refunded');

-- CreateEnum
CREATE TYPE "OrderChannel" AS ENUM ('storefront', 'console', 'api');

-- CreateTable
CREATE TABLE "ResellerBilling" (
    "resellerId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "creditLimit" INTEGER NOT NULL DEFAULT 0,
    "lowBalanceThreshold" INTEGER NOT NULL DEFAULT 0,
    "lowBalanceWarnedAt" TIMESTAMP(3),
    "markupKind" "MarkupKind" NOT NULL DEFAULT 'percent',
    "markupValue" INTEGER NOT NULL DEFAULT 2500,
    "rounding" "RoundingRule" NOT NULL DEFAULT 'cents99',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResellerBilling_pkey" PRIMARY KEY ("resellerId")
);

-- CreateTable
CREATE TABLE "RetailOverride" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "operation" "PriceOperation" NOT NULL,
    "amount" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetailOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "operation" "PriceOperation" NOT NULL,
    "amount" INTEGER NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "resellerId" TEXT,
    "currency" TEXT NOT NULL,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memo" TEXT NOT NULL DEFAULT '',
    "resellerId" TEXT,
    "orderId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalLine" (
    "id" BIGSERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "JournalLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "HoldStatus" NOT NULL DEFAULT 'held',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "purpose" "PaymentPurpose" NOT NULL,
    "orderId" TEXT,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "paymentIntent" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'pending',
    "checkoutUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "registryOperator" TEXT,
    "minPeriod" INTEGER NOT NULL DEFAULT 1,
    "maxPeriod" INTEGER NOT NULL DEFAULT 10,
    "transferLockDays" INTEGER NOT NULL DEFAULT 60,
    "transferRules" TEXT NOT NULL DEFAULT '',
    "dnssec" TEXT NOT NULL DEFAULT 'supported',
    "launchPhase" TEXT NOT NULL DEFAULT 'open',
    "policySummary" TEXT NOT NULL DEFAULT '',
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryCost" (
    "productId" TEXT NOT NULL,
    "operation" "PriceOperation" NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "amount" INTEGER NOT NULL,

    CONSTRAINT "RegistryCost_pkey" PRIMARY KEY ("productId","operation")
);

-- CreateTable
CREATE TABLE "WholesaleTier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "premiumRuleKind" "PremiumRuleKind" NOT NULL DEFAULT 'percent',
    "premiumRuleValue" INTEGER NOT NULL DEFAULT 1000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WholesaleTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WholesalePrice" (
    "tierId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "operation" "PriceOperation" NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WholesalePrice_pkey" PRIMARY KEY ("tierId","productId","operation","currency")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "currency" TEXT NOT NULL,
    "perUsdMicros" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("currency")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "channel" "OrderChannel" NOT NULL DEFAULT 'console',
    "currency" TEXT NOT NULL,
    "retailTotal" INTEGER NOT NULL,
    "wholesaleTotal" INTEGER NOT NULL,
    "placedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "kind" "OrderItemKind" NOT NULL,
    "productId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "period" INTEGER NOT NULL DEFAULT 1,
    "premium" BOOLEAN NOT NULL DEFAULT false,
    "retailAmount" INTEGER NOT NULL,
    "wholesaleAmount" INTEGER NOT NULL,
    "registryCost" INTEGER NOT NULL,
    "registryCurrency" TEXT NOT NULL DEFAULT 'USD',
    "state" "OrderItemState" NOT NULL,
    "failureReason" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderItemTransition" (
    "id" BIGSERIAL NOT NULL,
    "itemId" TEXT NOT NULL,
    "fromState" "OrderItemState",
    "toState" "OrderItemState" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderItemTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RetailOverride_resellerId_productId_operation_key" ON "RetailOverride"("resellerId", "productId", "operation");

-- CreateIndex
CREATE INDEX "Promotion_resellerId_productId_operation_startsAt_idx" ON "Promotion"("resellerId", "productId", "operation", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_code_key" ON "LedgerAccount"("code");

-- CreateIndex
CREATE INDEX "LedgerAccount_resellerId_idx" ON "LedgerAccount"("resellerId");

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_key_key" ON "JournalEntry"("key");

-- CreateIndex
CREATE INDEX "JournalEntry_resellerId_createdAt_idx" ON "JournalEntry"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "JournalEntry_orderId_idx" ON "JournalEntry"("orderId");

-- CreateIndex
CREATE INDEX "JournalLine_entryId_idx" ON "JournalLine"("entryId");

-- CreateIndex
CREATE INDEX "JournalLine_accountId_id_idx" ON "JournalLine"("accountId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Hold_orderItemId_key" ON "Hold"("orderItemId");

-- CreateIndex
CREATE INDEX "Hold_resellerId_status_idx" ON "Hold"("resellerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_providerRef_key" ON "Payment"("providerRef");

-- CreateIndex
CREATE INDEX "Payment_resellerId_createdAt_idx" ON "Payment"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_code_key" ON "Product"("code");

-- CreateIndex
CREATE UNIQUE INDEX "WholesaleTier_name_key" ON "WholesaleTier"("name");

-- CreateIndex
CREATE INDEX "Order_resellerId_createdAt_idx" ON "Order"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_registrantId_idx" ON "Order"("registrantId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_resellerId_idempotencyKey_key" ON "Order"("resellerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "OrderItem_resellerId_state_idx" ON "OrderItem"("resellerId", "state");

-- CreateIndex
CREATE INDEX "OrderItem_orderId_idx" ON "OrderItem"("orderId");

-- CreateIndex
CREATE INDEX "OrderItemTransition_itemId_idx" ON "OrderItemTransition"("itemId");

-- AddForeignKey
ALTER TABLE "ResellerBilling" ADD CONSTRAINT "ResellerBilling_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "WholesaleTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetailOverride" ADD CONSTRAINT "RetailOverride_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalLine" ADD CONSTRAINT "JournalLine_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalLine" ADD CONSTRAINT "JournalLine_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryCost" ADD CONSTRAINT "RegistryCost_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WholesalePrice" ADD CONSTRAINT "WholesalePrice_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "WholesaleTier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WholesalePrice" ADD CONSTRAINT "WholesalePrice_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItemTransition" ADD CONSTRAINT "OrderItemTransition_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Written by hand (docs/decisions/041-ledger.md) ----------------------------------------------
-- Foreign keys to tenancy tables (kept out of the Prisma models so tenancy.prisma needs no back-relations).
ALTER TABLE "ResellerBilling" ADD CONSTRAINT "ResellerBilling_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RetailOverride" ADD CONSTRAINT "RetailOverride_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "WholesalePrice" ADD CONSTRAINT "WholesalePrice_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "RegistryCost" ADD CONSTRAINT "RegistryCost_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "ResellerBilling" ADD CONSTRAINT "ResellerBilling_creditLimit_check" CHECK ("creditLimit" >= 0);
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_dates_check" CHECK ("endsAt" > "startsAt");

-- Every journal entry balances per currency, checked at commit so an entry's lines can be inserted
-- one statement at a time within its transaction. The migration runner splits scripts at every
-- semicolon, so function bodies are E'' strings with \x3B standing for the semicolons.
CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE bad record\x3B
BEGIN
  SELECT currency, sum(amount) AS total INTO bad FROM "JournalLine"
   WHERE "entryId" = NEW."entryId" GROUP BY currency HAVING sum(amount) <> 0 LIMIT 1\x3B
  IF FOUND THEN
    RAISE EXCEPTION ''journal entry % does not balance in % (off by %)'', NEW."entryId", bad.currency, bad.total
      USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  RETURN NULL\x3B
END';
CREATE CONSTRAINT TRIGGER journal_line_balances AFTER INSERT ON "JournalLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances();

-- The ledger is append-only: corrections are new entries.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''the ledger is append-only: % on % is not allowed'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3B
END';
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON "JournalEntry" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON "JournalLine" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
