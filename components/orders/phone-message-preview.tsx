import { Section } from "@/components/ui/section";
import type { Messages } from "@/lib/i18n/messages/types";

/** The SMS / WhatsApp text as it will be sent (variables filled), and to whom. */
export function PhoneMessagePreview({
  text,
  to,
  language,
  messages: m,
}: {
  text: string;
  to: string | null;
  language: string;
  messages: Messages;
}) {
  return (
    <Section
      id="phone-preview-title"
      title={m.phone_preview_title}
      className="rounded-lg border border-slate-200 bg-white p-6"
      titleClass="mb-2 text-lg font-semibold"
    >
      {to ? <p className="mb-2 text-sm text-slate-700">{m.phone_normalised.replace("{number}", to)}</p> : null}
      <p lang={language} className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-sm" data-testid="phone-preview">
        {text}
      </p>
      <p className="mt-2 text-xs text-slate-600">{m.phone_preview_note}</p>
    </Section>
  );
}
