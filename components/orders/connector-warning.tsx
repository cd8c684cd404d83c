import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";

/** Issue 20: a PRODUCTION order of a shop without a verified payment processor cannot be paid (nor created). */
export function ConnectorWarning({ mode, shop, messages: m }: { mode: "TEST" | "PRODUCTION"; shop: ShopDefaults; messages: Messages }) {
  if (!shop.connectorLimits[mode].missing) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="connector-warning"
    >
      <p>{m.connector_missing_warning}</p>
      <Link href={`/settings/payment-processor?shop=${shop.id}`} className="font-medium underline">
        {m.connector_configure}
      </Link>
    </div>
  );
}
