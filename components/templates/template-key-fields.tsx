"use client";
// The template's three keys — channel, purpose, language — as selects; changing the channel
// narrows the purposes (an SMS has no receipt).
import { Field } from "@/components/ui/field";
import { isReceiptKind } from "@/emails/types";
import type { Messages } from "@/lib/i18n/messages/types";
import { KINDS_BY_CHANNEL, TEMPLATE_CHANNELS } from "@/lib/templates/schemas";

type Channel = (typeof TEMPLATE_CHANNELS)[number];
const selectClass = (error?: string) => `rounded-md border bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-400"}`;
const describedBy = (id: string, error?: string) => (error ? `${id}-help ${id}-error` : `${id}-help`);

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
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field id="channel" label={m.tpl_channel} error={err("channel")}>
        <select
          id="channel"
          name="channel"
          value={v.channel}
          onChange={(e) => change({ channel: e.target.value as Channel })}
          aria-invalid={err("channel") ? true : undefined}
          aria-describedby={err("channel") ? "channel-error" : undefined}
          className={selectClass(err("channel"))}
        >
          {TEMPLATE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {msg(c === "URL" ? "tpl_channel_URL" : `channel_${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="kind" label={m.tpl_kind} help={m.tpl_kind_help} error={err("kind")}>
        <select
          id="kind"
          name="kind"
          value={v.kind}
          onChange={(e) => change({ kind: e.target.value })}
          aria-invalid={err("kind") ? true : undefined}
          aria-describedby={describedBy("kind", err("kind"))}
          className={selectClass(err("kind"))}
        >
          {KINDS_BY_CHANNEL[v.channel]
            .filter((k) => receipts || !isReceiptKind(k))
            .map((k) => (
              <option key={k} value={k}>
                {msg(`tpl_kind_${k}`)}
              </option>
            ))}
        </select>
      </Field>
      <Field id="language" label={m.tpl_language} help={m.tpl_language_help} error={err("language")}>
        <select
          id="language"
          name="language"
          value={v.language}
          onChange={(e) => change({ language: e.target.value })}
          aria-invalid={err("language") ? true : undefined}
          aria-describedby={describedBy("language", err("language"))}
          className={selectClass(err("language"))}
        >
          {languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
