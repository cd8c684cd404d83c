"use client";
import cardValidator from "card-validator";
import { useActionState, useState } from "react";
import { type PayFormState, payAction } from "@/app/pay/[token]/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fill, type PayMessages } from "@/lib/i18n/messages/pay";

type Props = { token: string; lang: string | null; payLabel: string; messages: PayMessages };

/**
 * Card form: standard autocomplete names so browsers and wallets fill it; works without JavaScript.
 * `lang`: the buyer's language choice, carried to the outcome page.
 */
export function CardForm({ token, lang, payLabel, messages: m }: Props) {
  const [state, action, pending] = useActionState<PayFormState, FormData>(payAction.bind(null, token, lang), {});
  // The brand as the buyer types (the server checks the number again): its name and CVC length.
  const [card, setCard] = useState<{ niceType: string; cvcSize: number } | null>(null);
  const onNumber = (value: string) => {
    const c = cardValidator.number(value.replace(/[\s-]/g, "")).card;
    setCard(c ? { niceType: c.niceType, cvcSize: c.code.size } : null);
  };
  const err = (k: string) => {
    const key = state.fields?.[k];
    return key ? ((m as Record<string, string>)[key] ?? m.err_generic) : undefined;
  };
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state.fields || state.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          {state.error ? ((m as Record<string, string>)[state.error] ?? m.err_generic) : m.errors_summary}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-semibold">{m.card_legend}</legend>
        <div className="flex flex-col gap-1">
          <Field
            id="cardNumber"
            label={m.card_number}
            error={err("cardNumber")}
            autoComplete="cc-number"
            inputMode="numeric"
            onChange={(e) => onNumber(e.currentTarget.value)}
            required
          />
          <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="card-brand">
            {card ? fill(m.card_brand, { brand: card.niceType }) : ""}
          </p>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field
            id="expiry"
            label={m.card_expiry}
            error={err("expiry")}
            autoComplete="cc-exp"
            placeholder="MM/YY"
            inputMode="numeric"
            maxLength={7}
            required
          />
          <Field
            id="cvc"
            label={m.card_cvc}
            help={m.card_cvc_help}
            error={err("cvc")}
            autoComplete="cc-csc"
            inputMode="numeric"
            maxLength={card?.cvcSize ?? 4}
            required
          />
        </div>
        <Field id="cardName" label={m.card_name} error={err("cardName")} autoComplete="cc-name" defaultValue={state.values?.cardName} />
      </fieldset>
      <button type="submit" className={`${buttonClass()} py-3 text-base`} disabled={pending}>
        {payLabel}
      </button>
      <p className="text-xs text-slate-700">{m.secure_note}</p>
    </form>
  );
}
