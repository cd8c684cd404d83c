import Link from "next/link";
import type { ReactNode } from "react";

/** The page's title: the h1 (id `title`) its section is labelled by; `margin` is the space under it. */
export function PageTitle({ margin, testId, children }: { margin?: string; testId?: string; children: ReactNode }) {
  return (
    <h1 id="title" className={margin ? `${margin} text-2xl font-semibold` : "text-2xl font-semibold"} data-testid={testId}>
      {children}
    </h1>
  );
}

/** A detail page's head: its title, and on the right the way back to its list. */
export function DetailHeading({ back, children }: { back: { href: string; label: string }; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <PageTitle>{children}</PageTitle>
      <Link href={back.href} className="text-sm text-brand-700 underline">
        {back.label}
      </Link>
    </div>
  );
}
