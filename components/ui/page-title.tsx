import type { ReactNode } from "react";

/** The page's title: the h1 (id `title`) its section is labelled by; `margin` is the space under it. */
export function PageTitle({ margin, testId, children }: { margin?: string; testId?: string; children: ReactNode }) {
  return (
    <h1 id="title" className={margin ? `${margin} text-2xl font-semibold` : "text-2xl font-semibold"} data-testid={testId}>
      {children}
    </h1>
  );
}
