/** A timestamp shown the same on server and client: UTC, minute precision, machine-readable. */
export function formatDateTime(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function DateTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <span className="text-slate-500">—</span>;
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
