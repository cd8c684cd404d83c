// The frame of the settings pages: title and introduction, the notes above the content.
import Link from "next/link";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui/page-title";

/** A settings page: its title, what it is for (and a smaller note under it), then its content. */
export function SettingsPage({
  title,
  intro,
  note,
  width = "max-w-3xl",
  children,
}: {
  title: string;
  intro: string;
  note?: string;
  width?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="title" className={width}>
      <PageTitle margin="mb-2">{title}</PageTitle>
      <p className={`${note ? "mb-1" : "mb-6"} text-slate-700`}>{intro}</p>
      {note ? <p className="mb-6 text-sm text-slate-600">{note}</p> : null}
      {children}
    </section>
  );
}

/** A page under a settings list (one rule, one template): the way back, its title, whose it is. */
export function SettingsSubPage({
  back,
  title,
  subtitle,
  width = "max-w-3xl",
  children,
}: {
  back: { href: string; label: string };
  title: string;
  subtitle: ReactNode;
  width?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="title" className={width}>
      <p className="mb-2">
        <Link href={back.href} className="text-sm text-brand-700 underline">
          {back.label}
        </Link>
      </p>
      <PageTitle margin="mb-1">{title}</PageTitle>
      <p className="mb-6 text-slate-700">{subtitle}</p>
      {children}
    </section>
  );
}

/** Why the page cannot be changed by this user (their role reads it only), or what they may not do. */
export function RoleNote({ children, testId = "read-only-note" }: { children: ReactNode; testId?: string }) {
  return (
    <p className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid={testId}>
      {children}
    </p>
  );
}

/** What the last action on a settings list did (`?done=`, its key in data-notice) or why it failed. */
export function ActionNotices({ done, error }: { done?: { key: string; text: string }; error?: string }) {
  return (
    <>
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-notice={done.key}>
          {done.text}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm font-medium text-red-900">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The shop a settings page shows, above its content. */
export function ShopHeading({ name, id }: { name: string; id: string }) {
  return (
    <p className="mb-2 font-semibold" data-testid="shop-heading">
      {name} ({id})
    </p>
  );
}
