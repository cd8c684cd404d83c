"use client";
// The URL dialog's "link text" (manual "Texte du lien", issue 21): the ready-to-send text of this
// order, prefilled from the shop's URL template in the chosen language, editable, with a live
// preview rendered with the order's values as typed (the link itself exists once created).
import { useEffect, useMemo, useState } from "react";
import { TextAreaField } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import { parseMajorAmount } from "@/lib/money/parse-amount";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";
import { messageVariables } from "@/lib/templates/message-variables";
import { renderText } from "@/lib/templates/render-template";
import { endOfDayInZone } from "@/lib/time/shop-time";

export type LinkTextValues = { reference: string; amount: string; currency: string; validUntil: string; language: string };

export function LinkTextField({
  messages: m,
  shop,
  typed,
  initial,
  error,
}: {
  messages: Messages;
  shop: ShopDefaults;
  /** The form's values as they are now (read on each change). */
  typed: LinkTextValues;
  initial?: string;
  error?: string;
}) {
  const template = shop.urlTexts[typed.language] ?? shop.urlTexts[shop.defaultLanguage] ?? "";
  const [text, setText] = useState(initial || template);
  const [touched, setTouched] = useState(Boolean(initial));
  // Untouched, the text follows the shop and language chosen.
  useEffect(() => {
    if (!touched) setText(template);
  }, [template, touched]);
  const preview = useMemo(() => {
    const amount = parseMajorAmount(typed.amount, typed.currency);
    let until: Date;
    try {
      until = endOfDayInZone(typed.validUntil || shop.defaultValidUntil, shop.timeZone);
    } catch {
      until = endOfDayInZone(shop.defaultValidUntil, shop.timeZone);
    }
    const vars = messageVariables(
      {
        reference: typed.reference,
        amount: amount.ok ? amount.minor : 0,
        currency: typed.currency,
        createdAt: new Date(),
        validUntil: until,
        paymentUrl: m.link_text_url_placeholder,
        shop: { name: shop.name, timeZone: shop.timeZone, url: null, contact: shop.managerEmail ?? null },
      },
      typed.language,
    );
    return renderText(text, vars);
  }, [text, typed, shop, m]);
  return (
    <div className="flex flex-col gap-2">
      <TextAreaField
        id="message"
        label={m.link_text}
        help={m.link_text_help}
        error={error}
        rows={4}
        maxLength={1000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setTouched(true);
        }}
      />
      <section aria-labelledby="link-text-preview" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <h3 id="link-text-preview" className="mb-1 font-medium text-slate-800">
          {m.link_text_preview}
        </h3>
        <p className="whitespace-pre-wrap" data-testid="link-text-preview" aria-live="polite">
          {preview}
        </p>
      </section>
    </div>
  );
}
