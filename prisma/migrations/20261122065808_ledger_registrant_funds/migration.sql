-- AlterEnum
ALTER TYPE "LedgerAccountKind" ADD VALUE 'registrant_funds';
