"use client";
// A new shop under a company; its keys are shown once, after creation.
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/form-alert";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import { createShopAction } from "@/lib/platform/actions";
import { ShopKeysOnce } from "./shop-keys-once";

const LABELS: Record<string, string> = {
  name: "platform_shop_name",
  timeZone: "platform_time_zone",
  currencies: "platform_currencies",
  languages: "platform_languages",
  defaultValidityDays: "platform_validity",
};

export function NewShopForm({ companyId, messages: m }: { companyId: string; messages: Messages }) {
  const form = useFormAnswer(createShopAction, m);
  const { state, action, pending, text, err } = form;
  const v = state.created ? {} : (state.values ?? {});
  return (
    <div className="flex flex-col gap-4">
      {state.created ? <ShopKeysOnce shopId={state.created.shopId} keys={state.created.keys} text={text} /> : null}
      <form action={action} noValidate className="flex flex-col gap-4" data-testid="new-shop-form">
        <ErrorSummary
          state={state}
          text={text}
          target={(f) => ({ id: `shop-${f}`, label: text(LABELS[f] ?? f) })}
          fallback={text("form_has_errors")}
        />
        <input type="hidden" name="companyId" value={companyId} />
        <Field
          id="shop-name"
          name="name"
          label={m.platform_shop_name}
          error={err("name")}
          defaultValue={v.name}
          key={`a${state.created?.shopId}`}
        />
        <Field
          id="shop-timeZone"
          name="timeZone"
          label={m.platform_time_zone}
          error={err("timeZone")}
          defaultValue={v.timeZone ?? "Europe/Paris"}
        />
        <Field
          id="shop-currencies"
          name="currencies"
          label={m.platform_currencies}
          help={m.platform_currencies_help}
          error={err("currencies")}
          defaultValue={v.currencies ?? "EUR"}
        />
        <Field
          id="shop-languages"
          name="languages"
          label={m.platform_languages}
          help={m.platform_languages_help}
          error={err("languages")}
          defaultValue={v.languages ?? "fr, en"}
        />
        <Field
          id="shop-defaultValidityDays"
          name="defaultValidityDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          label={m.platform_validity}
          error={err("defaultValidityDays")}
          defaultValue={v.defaultValidityDays ?? "7"}
        />
        <div>
          <button type="submit" className={buttonClass()} disabled={pending} data-testid="create-shop">
            {m.platform_create_shop}
          </button>
        </div>
      </form>
    </div>
  );
}
