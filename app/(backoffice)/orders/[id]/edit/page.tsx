// /orders/[id]/edit — "modify and resend" (F-ACT): an order in progress, refused or expired.
import { notFound } from "next/navigation";
import { CreateUrlOrderForm } from "@/components/orders/create-url-order-form";
import { PageTitle } from "@/components/ui/page-title";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { modifyOrderAction } from "@/lib/orders/actions";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { fixedOptions } from "@/lib/orders/modify-order";
import { availableActions } from "@/lib/orders/order-actions";
import { maxValidityDay } from "@/lib/orders/validity";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";
import { dayInZone } from "@/lib/time/shop-time";

export default async function EditOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const { id } = await params;
  const order = await getOrderOrThrow(getDb(), { actor, orderId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!hasRole(actor, "OPERATOR") || !availableActions(order).includes("modifyResend")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const copy = await getOrderCopy(getDb(), { actor, orderId: id });
  // The 90-day maximum counts from the order's creation (issue 21).
  const maxDay = maxValidityDay(order.shop.timeZone, order.createdAt);
  const shops = (await findShopDefaults(getDb(), { actor }))
    .filter((s) => s.id === order.shopId)
    // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM-DD" strings, compared as text
    .map((s) => ({ ...s, maxValidUntil: maxDay < s.maxValidUntil ? maxDay : s.maxValidUntil }));
  const validUntil = dayInZone(order.validUntil, order.shop.timeZone);
  return (
    <section aria-labelledby="title" className="max-w-xl">
      <PageTitle margin="mb-6">
        {t("edit_title")} {order.reference ?? ""}
      </PageTitle>
      <CreateUrlOrderForm
        mode={order.mode}
        shops={shops}
        messages={lang === "en" ? en : fr}
        initial={{
          ...copy,
          reference: order.reference ?? "",
          validUntil: validUntil < (shops[0]?.today ?? "") ? (shops[0]?.defaultValidUntil ?? validUntil) : validUntil,
        }}
        submit={{
          action: modifyOrderAction.bind(null, order.id),
          label: t("edit_submit"),
          recipient: order.channel === "MAIL" && !order.recipient?.includes(";") ? (order.recipient ?? "") : undefined,
          channel: order.channel,
          hide: fixedOptions(order),
        }}
      />
    </section>
  );
}
