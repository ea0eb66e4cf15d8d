/**
 * A plain table with a caption for screen readers. On small screens each row becomes a card and each
 * cell shows its column's name (globals.css, .table-cards), so nothing scrolls sideways; the names
 * come from `headers`, matched to the row's Td cells in order.
 */
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type RowProps = { children?: ReactNode };
type CellProps = { children?: ReactNode; className?: string; label?: string };

/** Gives each Td of each row its column's name; rows or cells of other shapes are left as they are. */
function labelCells(rows: ReactNode, headers: string[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<RowProps>(row) || row.type !== "tr") return row;
    let column = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<CellProps>(cell)) return cell;
      const label = headers[column++];
      return cell.type === Td && label && cell.props.label === undefined
        ? cloneElement(cell as ReactElement<CellProps>, { label })
        : cell;
    });
    return cloneElement(row, {}, cells);
  });
}

export function DataTable({
  caption,
  headers,
  children,
  empty,
}: {
  caption: string;
  headers: string[];
  children: React.ReactNode;
  empty?: React.ReactNode;
}) {
  return (
    <div className="table-cards overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}:${h}`} scope="col" className="px-4 py-3 font-semibold whitespace-nowrap text-slate-700">
                {/* A column of buttons has no visible heading; it still needs a name. */}
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{labelCells(children, headers)}</tbody>
      </table>
      {empty}
    </div>
  );
}

export function Td({
  children,
  className = "",
  label,
}: {
  children: React.ReactNode;
  className?: string;
  label?: string;
}) {
  return (
    <td data-label={label} className={`px-4 py-3 align-top text-slate-800 ${className}`}>
      {children}
    </td>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}
