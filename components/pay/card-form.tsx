"use client";
import { useActionState } from "react";
import { type PayFormState, payAction } from "@/app/pay/[token]/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { PayMessages } from "@/lib/i18n/messages/pay";

/** Card form: standard autocomplete names so browsers and wallets fill it; works without JavaScript. */
export function CardForm({ token, payLabel, messages: m }: { token: string; payLabel: string; messages: PayMessages }) {
  const [state, action, pending] = useActionState<PayFormState, FormData>(payAction.bind(null, token), {});
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
        <Field id="cardNumber" label={m.card_number} error={err("cardNumber")} autoComplete="cc-number" inputMode="numeric" required />
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
            maxLength={4}
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
