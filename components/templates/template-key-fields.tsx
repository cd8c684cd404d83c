"use client";
// The template's three keys — channel, purpose, language — as selects; changing the channel
// narrows the purposes (an SMS has no receipt).
import { SelectField } from "@/components/ui/field";
import { labelTexts, liveBinder } from "@/components/ui/field-binding";
import { isReceiptKind } from "@/emails/types";
import type { Messages } from "@/lib/i18n/messages/types";
import { KINDS_BY_CHANNEL, TEMPLATE_CHANNELS } from "@/lib/templates/schemas";

type Channel = (typeof TEMPLATE_CHANNELS)[number];

type Props = {
  messages: Messages;
  values: { channel: Channel; kind: string; language: string };
  languages: { value: string; label: string }[];
  /** Receipts among the purposes (administrators: they are settings). */
  receipts: boolean;
  err: (field: string) => string | undefined;
  change: (values: Partial<{ channel: Channel; kind: string; language: string }>) => void;
};

export function TemplateKeyFields({ messages: m, values: v, languages, receipts, err, change }: Props) {
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const texts = labelTexts(m);
  const live = liveBinder(err, v, change);
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField
        {...live("channel")}
        label={m.tpl_channel}
        options={TEMPLATE_CHANNELS.map((c) => ({ value: c, label: msg(c === "URL" ? "tpl_channel_URL" : `channel_${c}`) }))}
      />
      <SelectField
        {...live("kind")}
        {...texts("tpl_kind")}
        options={KINDS_BY_CHANNEL[v.channel]
          .filter((k) => receipts || !isReceiptKind(k))
          .map((k) => ({ value: k, label: msg(`tpl_kind_${k}`) }))}
      />
      <SelectField {...live("language")} {...texts("tpl_language")} options={languages} />
    </div>
  );
}
