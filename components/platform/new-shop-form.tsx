"use client";
// A new shop under a company; its keys are shown once, after creation.
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldBinder, labelTexts, wholeNumber } from "@/components/ui/field-binding";
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
  const bind = fieldBinder(err, v, { idPrefix: "shop-" });
  const texts = labelTexts(m);
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
        <Field {...bind("name")} label={m.platform_shop_name} key={`a${state.created?.shopId}`} />
        <Field {...bind("timeZone")} label={m.platform_time_zone} defaultValue={v.timeZone ?? "Europe/Paris"} />
        <Field {...bind("currencies")} {...texts("platform_currencies")} defaultValue={v.currencies ?? "EUR"} />
        <Field {...bind("languages")} {...texts("platform_languages")} defaultValue={v.languages ?? "fr, en"} />
        <Field
          {...bind("defaultValidityDays")}
          {...wholeNumber(1, 90)}
          label={m.platform_validity}
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
