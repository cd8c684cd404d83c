// /orders/[id] — order detail: link, ready-to-send text, QR code, information, transactions.
import { notFound } from "next/navigation";
import { OrderDetailView } from "@/components/orders/order-detail-view";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { qrDataUrl } from "@/lib/orders/payment-link";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { actor } = await requireSession();
  const { id } = await params;
  const order = await getOrderOrThrow(getDb(), { actor, orderId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const lang = await getUiLanguage();
  return (
    <OrderDetailView
      order={order}
      actor={actor}
      lang={lang}
      t={translator(lang)}
      created={(await searchParams).created === "1"}
      qr={await qrDataUrl(order.paymentUrl)}
    />
  );
}
