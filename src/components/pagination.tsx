/** Previous/next links over offset pages, keeping the list's other query parameters. */
import Link from "next/link";

function href(basePath: string, params: Record<string, string | undefined>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${basePath}?${s}` : basePath;
}

export function Pagination({
  page,
  pageCount,
  total,
  basePath,
  params = {},
}: {
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  if (pageCount <= 1) return <p className="mt-3 text-sm text-slate-600">{total === 1 ? "1 item" : `${total} items`}</p>;
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        Page {page} of {pageCount} · {total} items
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(basePath, params, page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Previous
          </span>
        )}
        {page < pageCount ? (
          <Link className={link} href={href(basePath, params, page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
