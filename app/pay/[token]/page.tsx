// /pay/[token] — the buyer's hosted payment page (F-PAY-1, F-PAY-2).
import { notFound } from "next/navigation";
import { PayPage } from "@/components/pay/pay-page";
import { buyerLanguage, chosenBuyerLanguage, loadPaymentPage } from "@/lib/payments/buyer-language";

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ result?: string }>;
}) {
  const { token } = await params;
  const page = await loadPaymentPage(token);
  if (!page) notFound();
  const result = (await searchParams).result;
  return (
    <PayPage
      token={token}
      page={page}
      lang={await buyerLanguage(token)}
      chosen={await chosenBuyerLanguage()}
      resultId={typeof result === "string" ? result : undefined}
    />
  );
}
