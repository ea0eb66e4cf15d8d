import { db } from "@/server/db";

let dirtyQuery: string | undefined;

/**
 * One statement naming the tables a test left something in: rows, or an identity sequence that moved
 * (a row inserted and deleted again still advanced it, and tests may count on ids restarting at 1).
 */
async function buildDirtyQuery(): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string; sequences: string[] }[]>`
    select t.tablename, coalesce(array_agg(s.relname::text) filter (where s.relname is not null), '{}') as sequences
    from pg_tables t
    left join pg_depend d on d.refobjid = format('%I.%I', t.schemaname, t.tablename)::regclass
      and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    left join pg_class s on s.oid = d.objid and s.relkind = 'S'
    where t.schemaname = 'public' and t.tablename <> '_prisma_migrations'
    group by t.tablename`;
  if (!tables.length) return "";
  const quote = (name: string) => `"public"."${name.replace(/"/g, '""')}"`;
  const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return tables
    .map(({ tablename, sequences }) => {
      const moved = sequences.map((s) => ` or (select is_called from ${quote(s)})`).join("");
      return `select ${literal(quote(tablename))} as t where exists (select 1 from ${quote(tablename)})${moved}`;
    })
    .join(" union all ");
}

/**
 * Empties every table but the migration history before each test. Only the tables a test touched are
 * truncated: TRUNCATE makes new files for a table and each of its indexes, so emptying all ninety-odd
 * every time cost more than most tests, while asking which hold rows is one cheap statement.
 * The audit log refuses TRUNCATE by trigger; replica mode (superuser only, as the test database's
 * user is) skips triggers for this one transaction, so production code has no switch that lets it through.
 */
export async function resetDb(): Promise<void> {
  dirtyQuery ??= await buildDirtyQuery();
  if (!dirtyQuery) return;
  const dirty = (await db.$queryRawUnsafe<{ t: string }[]>(dirtyQuery)).map((r) => r.t);
  if (!dirty.length) return;
  await db.$transaction([
    db.$executeRawUnsafe("set local session_replication_role = replica"),
    db.$executeRawUnsafe(`truncate ${dirty.join(", ")} restart identity cascade`),
  ]);
}
