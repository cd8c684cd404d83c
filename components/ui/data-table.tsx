import type { ReactNode } from "react";

/** The head row's look in the back-office lists. */
export const tableHeadClass = "bg-slate-100 text-xs uppercase text-slate-700";

/** One column head per label (`<th scope="col">`), each in `className`. */
export function ColumnHeads({ labels, className = "px-3 py-2" }: { labels: string[]; className?: string }) {
  return labels.map((label) => (
    <th key={label} scope="col" className={className}>
      {label}
    </th>
  ));
}

/**
 * A list's table in its white, scrollable frame: the caption, one head row (`columns`, as
 * ColumnHeads, after the caller's own `head` cells) and the rows (`children`, inside tbody).
 */
export function DataTable({
  testId,
  caption,
  head,
  columns = [],
  headCellClass,
  headClass = tableHeadClass,
  tableClass = "w-full text-left text-sm",
  children,
}: {
  testId?: string;
  caption?: ReactNode;
  head?: ReactNode;
  columns?: string[];
  headCellClass?: string;
  headClass?: string;
  tableClass?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={tableClass} data-testid={testId}>
        {caption}
        <thead className={headClass}>
          <tr>
            {head}
            <ColumnHeads labels={columns} className={headCellClass} />
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
