-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "idnTables" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Catalogues seeded before this column: the demo registry's tables (prisma/seed/catalog-data.ts).
UPDATE "Product" SET "idnTables" = ARRAY['latin','greek','cyrillic','chinese','japanese','korean','arabic','hebrew','devanagari','thai']::TEXT[] WHERE "kind" = 'domain' AND "code" IN ('com', 'net');
UPDATE "Product" SET "idnTables" = ARRAY['latin']::TEXT[] WHERE "kind" = 'domain' AND "code" IN ('org', 'co');
UPDATE "Product" SET "idnTables" = ARRAY['latin','japanese']::TEXT[] WHERE "kind" = 'domain' AND "code" = 'shop';
