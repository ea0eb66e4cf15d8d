/** Offset pagination shared by console lists: page numbers in the URL, a fixed page size per list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function toPage<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
