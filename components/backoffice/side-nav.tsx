import Link from "next/link";
import type { T } from "@/lib/i18n";

type Item = { href: string; label: string; adminOnly?: boolean; catcherOnly?: boolean; outboxOnly?: boolean };

const SECTIONS: { title: string; items: Item[] }[] = [
  {
    title: "nav_management",
    items: [
      { href: "/orders", label: "nav_orders" },
      { href: "/test-orders", label: "nav_test_orders" },
      { href: "/transactions", label: "nav_transactions" },
      { href: "/analytics", label: "nav_analytics" },
      { href: "/notifications/deliveries", label: "nav_notifications" },
      { href: "/mailbox", label: "nav_mailbox", catcherOnly: true },
      { href: "/outbox", label: "nav_outbox", outboxOnly: true },
    ],
  },
  {
    title: "nav_settings",
    items: [
      { href: "/settings/shop", label: "nav_shop" },
      { href: "/settings/collect-form", label: "nav_collect_form" },
      { href: "/settings/api-keys", label: "nav_api_keys", adminOnly: true },
      { href: "/settings/company", label: "nav_company" },
      { href: "/settings/notification-rules", label: "nav_rules" },
      { href: "/settings/templates", label: "nav_templates" },
      { href: "/settings/users", label: "nav_users" },
      { href: "/settings/audit-log", label: "nav_audit_log", adminOnly: true },
      { href: "/settings/api", label: "nav_api" },
    ],
  },
];

/** The manual's menu: Management and Settings (entries a role cannot open are not shown). */
export function SideNav({ t, role, mailCatcher, sandboxOutbox }: { t: T; role: string; mailCatcher: boolean; sandboxOutbox: boolean }) {
  return (
    <nav aria-label="Menu" className="w-60 shrink-0 border-r border-slate-200 bg-white p-4 text-sm">
      {SECTIONS.map((s) => (
        <div key={s.title} className="mb-6">
          <h2 className="mb-2 text-xs font-bold uppercase tracking-wide text-slate-600">{t(s.title)}</h2>
          <ul className="flex flex-col gap-1">
            {s.items
              .filter((i) => (!i.adminOnly || role === "ADMIN") && (!i.catcherOnly || mailCatcher) && (!i.outboxOnly || sandboxOutbox))
              .map((i) => (
                <li key={i.href}>
                  <Link href={i.href} className="block rounded px-2 py-1.5 text-slate-800 hover:bg-brand-50">
                    {t(i.label)}
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
