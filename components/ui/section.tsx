import type { ReactNode } from "react";

/**
 * A part of a page named by its heading (`aria-labelledby` points at the h2's `id`), so screen
 * readers list it as a region under that name.
 */
export function Section({
  id,
  title,
  className,
  titleClass = "text-lg font-semibold",
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  titleClass?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={titleClass}>
        {title}
      </h2>
      {children}
    </section>
  );
}
