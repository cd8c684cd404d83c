import {
  BookOpen,
  Building2,
  ChartColumn,
  ClipboardList,
  CreditCard,
  FileText,
  FlaskConical,
  KeyRound,
  Landmark,
  type LucideIcon,
  Mail,
  MessageSquare,
  ScrollText,
  Send,
  Store,
  Users,
  Webhook,
} from "lucide-react";
import Link from "next/link";
import type { T } from "@/lib/i18n";

/** Each entry's icon (decorative: the entry's text names it). An entry without one shows none. */
const ICONS: Record<string, LucideIcon> = {
  "/orders": FileText,
  "/test-orders": FlaskConical,
  "/transactions": CreditCard,
  "/analytics": ChartColumn,
  "/notifications/deliveries": Send,
  "/mailbox": Mail,
  "/outbox": MessageSquare,
  "/settings/shop": Store,
  "/settings/collect-form": ClipboardList,
  "/settings/api-keys": KeyRound,
  "/settings/payment-processor": Landmark,
  "/settings/company": Building2,
  "/settings/notification-rules": Webhook,
  "/settings/templates": FileText,
  "/settings/users": Users,
  "/settings/audit-log": ScrollText,
  "/settings/api": BookOpen,
};

function NavIcon({ href }: { href: string }) {
  const Icon = ICONS[href];
  return Icon ? <Icon aria-hidden size={16} className="shrink-0 text-slate-500" /> : null;
}

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
      { href: "/settings/payment-processor", label: "nav_payment_processor", adminOnly: true },
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
    <nav
      aria-label="Menu"
      className="w-full shrink-0 border-b border-slate-200 bg-white p-4 text-sm md:min-h-screen md:w-60 md:border-r md:border-b-0"
    >
      {SECTIONS.map((s) => (
        <div key={s.title} className="mb-6">
          <h2 className="mb-2 text-xs font-bold uppercase tracking-wide text-slate-600">{t(s.title)}</h2>
          <ul className="flex flex-col gap-1">
            {s.items
              .filter((i) => (!i.adminOnly || role === "ADMIN") && (!i.catcherOnly || mailCatcher) && (!i.outboxOnly || sandboxOutbox))
              .map((i) => (
                <li key={i.href}>
                  <Link href={i.href} className="flex items-center gap-2 rounded px-2 py-1.5 text-slate-800 hover:bg-brand-50">
                    <NavIcon href={i.href} />
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
