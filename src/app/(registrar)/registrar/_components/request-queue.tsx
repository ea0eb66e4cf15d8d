/**
 * The registrar's queues of requests with clocks (data requests, reveal requests): the open ones or
 * the finished ones, each linking to its page, an offset page at a time. The rows are the caller's.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { pageParam } from "@/lib/pagination";

/** Which half of the queue the address asks for, and its page. */
export function queueParams(sp: { done?: string; page?: string }) {
  return { open: sp.done !== "1", page: pageParam(sp.page) };
}

export function RequestQueue({
  title,
  description,
  basePath,
  open,
  finishedLabel,
  headers,
  list,
  children,
}: {
  title: string;
  description: string;
  basePath: string;
  open: boolean;
  /** The link to the other half of the queue, from the open one. */
  finishedLabel: string;
  headers: string[];
  list: { page: number; pageCount: number; total: number; items: unknown[] };
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href={open ? `${basePath}?done=1` : basePath}>
            {open ? finishedLabel : "Open requests"}
          </Link>
        }
      />
      <DataTable
        caption={title}
        headers={headers}
        empty={list.items.length === 0 && <p className="px-4 py-6 text-sm text-slate-600">No requests here.</p>}
      >
        {children}
      </DataTable>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath={basePath}
        params={{ done: open ? undefined : "1" }}
      />
    </>
  );
}

/** A request's reference, linking to its page. */
export function RequestLink({ basePath, id, reference }: { basePath: string; id: string; reference: string }) {
  return (
    <Link className="font-medium text-indigo-700 underline" href={`${basePath}/${id}`}>
      {reference}
    </Link>
  );
}
