// /orders/[id] — order detail: link, ready-to-send text, QR code, information, transactions, messages.
import { notFound } from "next/navigation";
import { OrderDetailView } from "@/components/orders/order-detail-view";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { languageOf } from "@/lib/i18n/locales";
import { getUiLanguage } from "@/lib/i18n/server";
import { findOrderInstalments } from "@/lib/instalments/find-order-instalments";
import { findOrderMessages } from "@/lib/orders/find-order-messages";
import { findOrderTimeline } from "@/lib/orders/find-order-timeline";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { availableActions } from "@/lib/orders/order-actions";
import { findOrderMessageText } from "@/lib/orders/order-message-text";
import { findOrderSentMessage } from "@/lib/orders/order-sent-message";
import { qrDataUrl } from "@/lib/orders/qr-code";
import { proposedValidityDay } from "@/lib/orders/validity";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; tab?: string; done?: string; error?: string; confirm?: string }>;
}) {
  const { actor } = await requireSession();
  const { id } = await params;
  const order = await getOrderOrThrow(getDb(), { actor, orderId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const lang = await getUiLanguage();
  const sp = await searchParams;
  return (
    <OrderDetailView
      order={order}
      actor={actor}
      lang={lang}
      t={translator(lang)}
      created={sp.created === "1"}
      notice={sp.done ? { ok: true, key: `done_${sp.done}` } : sp.error ? { ok: false, key: sp.error } : null}
      tab={sp.tab === "message" ? "message" : "info"}
      confirmDelete={sp.confirm === "delete"}
      qr={await qrDataUrl(order.paymentUrl)}
      actions={hasRole(actor, "OPERATOR") ? availableActions({ ...order, attempted: order.transactions.length > 0 }) : []}
      dates={proposedValidityDay(order)}
      timeline={await findOrderTimeline(getDb(), { actor, orderId: order.id })}
      messages={await findOrderMessages(getDb(), { actor, orderId: order.id })}
      instalments={order.installmentPlan ? await findOrderInstalments(getDb(), { actor, orderId: order.id }) : null}
      sentMessage={await findOrderSentMessage(getDb(), { actor, order })}
      messageText={await findOrderMessageText(getDb(), { actor, order, lang: languageOf(order.locale) ?? "fr" })}
    />
  );
}
