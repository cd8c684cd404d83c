// A payment on the processor's hosted page (issue 20), in the three steps of every attempt: reserve
// (the order locked and payable, a PENDING attempt naming the connector, committed), call the
// connector for where the buyer goes next (no transaction open), keep the processor's reference.
// The card is typed at the processor: the attempt's card columns stay empty until its answer
// (recordProcessorOutcome) fills the transaction.
import { readInstalmentPlan } from "../instalments/plan";
import { firstInstalmentAmount } from "../instalments/schedule-instalments";
import type { Db } from "../server/db";
import { appUrl } from "../server/env";
import { AppError } from "../server/errors";
import type { ShopConnectorRow } from "./connectors/shop-connector";
import type { StartPaymentResult } from "./connectors/types";
import { checkPayRateLimits } from "./pay-order";
import { amountToCharge, lockPayableOrder } from "./payable-order";
import { reserveBuyerAttempt } from "./pending-attempt";

export type StartConnectorPaymentInput = {
  token: string;
  connector: ShopConnectorRow;
  saveCard?: boolean;
  lang: string;
  clientAddress?: string;
};

/** The notification URL registered for a connector (also shown in the settings, to paste at the processor). */
export const connectorNotifyUrl = (shopConnectorId: string) => `${appUrl()}/api/connectors/${shopConnectorId}/notify`;
export const connectorReturnUrl = (token: string, attemptId: string) => `${appUrl()}/pay/${encodeURIComponent(token)}/return/${attemptId}`;

/** Allocates the next number of `scope` for `day` (one statement: two attempts never share one). */
export async function nextProcessorNumber(db: Db, scope: string, day: string): Promise<number> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO "ProcessorCounter" (scope, value) VALUES (${`${scope}:${day}`}, 1)
    ON CONFLICT (scope) DO UPDATE SET value = "ProcessorCounter".value + 1 RETURNING value`;
  return rows[0]?.value ?? 1;
}

export async function startConnectorPayment(
  db: Db,
  input: StartConnectorPaymentInput,
): Promise<StartPaymentResult & { attemptId: string }> {
  await checkPayRateLimits(db, input.token, input.clientAddress);
  const c = input.connector;
  const now = new Date();
  const reserved = await db.$transaction(
    async (tx) => {
      const order = await lockPayableOrder(tx, input.token, now);
      if (order.mode !== c.mode || order.shopId !== c.shopId) throw new AppError("CONFLICT", "connector of another shop or mode");
      if (readInstalmentPlan(order.installmentPlan) && !c.connector.capabilities.instalments) throw optionUnsupported();
      if (order.amountUpdate && !c.connector.capabilities.buyerAmount) throw optionUnsupported();
      const extra = await tx.paymentOrder.findUniqueOrThrow({ where: { id: order.id }, select: { reference: true } });
      // Paid in instalments: the first is charged now, the others later on the kept card (stripe20).
      const amount = firstInstalmentAmount(order) ?? amountToCharge(order, undefined);
      // An instalment plan keeps the card at the processor for the later charges (stripe20).
      const saveCard =
        c.connector.capabilities.aliases &&
        (!!readInstalmentPlan(order.installmentPlan) ||
          order.aliasMode === "AUTOMATIC" ||
          (order.aliasMode === "PROPOSE" && input.saveCard === true));
      const attemptId = await reserveBuyerAttempt(tx, order, {
        kind: "PAYMENT",
        amount,
        // Typed at the processor: known when it answers.
        brand: "",
        last4: "",
        expiryMonth: 0,
        expiryYear: 0,
        cardName: null,
        saveCard,
        lang: input.lang,
        challengeId: null,
        createdAt: now,
      });
      await tx.paymentAttempt.update({ where: { id: attemptId }, data: { connectorId: c.id } });
      return { attemptId, amount, saveCard, order, reference: extra.reference };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  const { order, attemptId } = reserved;
  let next: StartPaymentResult;
  try {
    next = await c.connector.startPayment({
      config: c.config,
      shopConnectorId: c.id,
      order: {
        id: order.id,
        reference: reserved.reference,
        shopId: order.shopId,
        mode: order.mode,
        validationMode: order.validationMode === "MANUAL" ? "MANUAL" : "AUTOMATIC",
        captureDelay: order.captureDelay,
        buyerEmail: order.buyerEmail,
        lang: input.lang,
      },
      attemptId,
      amount: reserved.amount,
      currency: order.currency,
      saveCard: reserved.saveCard,
      returnUrl: connectorReturnUrl(input.token, attemptId),
      notifyUrl: connectorNotifyUrl(c.id),
      now,
      allocateTransId: (scope, day) => nextProcessorNumber(db, scope, day),
    });
  } catch (e) {
    // The buyer never reached the processor: nothing can be charged, the order is payable again.
    await db.paymentAttempt.updateMany({
      where: { id: attemptId, status: "PENDING" },
      data: { status: "ABANDONED", settledAt: new Date() },
    });
    throw e;
  }
  if (next.processorRef) await db.paymentAttempt.update({ where: { id: attemptId }, data: { processorRef: next.processorRef } });
  return { ...next, attemptId };
}

export const optionUnsupported = () =>
  new AppError("ORDER_NOT_PAYABLE", "an option of this order is not supported by the shop's payment processor", {
    publicMessage: "payments_unavailable",
  });
