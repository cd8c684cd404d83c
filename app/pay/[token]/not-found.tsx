// Unknown payment link: a clear page with HTTP 404, in the browser's language.
import { Notice } from "@/components/pay/notice";
import { payMessages } from "@/lib/i18n/messages/pay";
import { acceptedBuyerLanguage } from "@/lib/payments/buyer-language";

export default async function UnknownLink() {
  const m = payMessages(await acceptedBuyerLanguage());
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">{m.title}</h1>
      <Notice tone="neutral" title={m.not_found_title} body={m.not_found_body} />
    </main>
  );
}
