// /transactions/[id] — one transaction: tabs "Transaction" and "Buyer", validate / cancel, its order.
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { TransactionDetailView } from "@/components/transactions/transaction-detail-view";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getTransactionOrThrow } from "@/lib/payments/get-transaction";
import { validationExpiryDays } from "@/lib/payments/transaction-status";
import { getDb } from "@/lib/server/db";

export default async function TransactionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string; done?: string; error?: string }>;
}) {
  const { actor } = await requireSession();
  const { id } = await params;
  const tx = await orNotFound(getTransactionOrThrow(getDb(), { actor, transactionId: id }));
  const lang = await getUiLanguage();
  const sp = await searchParams;
  return (
    <TransactionDetailView
      tx={tx}
      t={translator(lang)}
      lang={lang}
      tab={sp.tab === "buyer" ? "buyer" : "transaction"}
      canOperate={hasRole(actor, "OPERATOR")}
      expiryDays={validationExpiryDays()}
      notice={sp.done ? { ok: true, key: `done_${sp.done}` } : sp.error ? { ok: false, key: sp.error } : null}
    />
  );
}
