"use client";
// The first run's form: the platform operator, and optionally the first merchant.
import Link from "next/link";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { CheckboxField, Field } from "@/components/ui/field";
import { fieldBinder } from "@/components/ui/field-binding";
import { ErrorSummary } from "@/components/ui/form-alert";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import { completeSetupAction } from "@/lib/platform/setup-actions";
import { ShopKeysOnce } from "./shop-keys-once";

const LABELS: Record<string, string> = {
  operatorName: "setup_name",
  operatorEmail: "setup_email",
  operatorPassword: "setup_password",
  "merchant.companyName": "setup_company_name",
  "merchant.shopName": "setup_shop_name",
  "merchant.adminName": "setup_admin_name",
  "merchant.adminEmail": "setup_admin_email",
  "merchant.adminPassword": "setup_admin_password",
};

export function SetupForm({ token, messages: m }: { token: string; messages: Messages }) {
  const form = useFormAnswer(completeSetupAction, m);
  const { state, text, err, action, pending } = form;
  const v = state.values;
  const [withMerchant, setWithMerchant] = useState(false);
  const merchant = v?.withMerchant ?? withMerchant;
  const bind = fieldBinder(err, v);
  const merchantField = fieldBinder(err, v, { idPrefix: "merchant-", errorPrefix: "merchant." });
  if (state.done) {
    const d = state.done;
    return (
      <div className="flex flex-col gap-4" data-testid="setup-done">
        <h2 className="text-lg font-semibold">{m.setup_done_title}</h2>
        <p>{m.setup_done_body}</p>
        {d.merchant ? (
          <>
            <p>{m.setup_done_merchant}</p>
            <ShopKeysOnce shopId={d.merchant.shopId} keys={d.merchant.keys} text={text} />
          </>
        ) : null}
        <p>
          <Link href="/signin" className={buttonClass()}>
            {m.setup_signin}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="flex flex-col gap-6" data-testid="setup-form">
      <ErrorSummary
        state={state}
        text={text}
        target={(f) => ({ id: f.replace(".", "-"), label: text(LABELS[f] ?? f) })}
        fallback={text("form_has_errors")}
      />
      <input type="hidden" name="token" value={token} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{m.setup_operator}</legend>
        <Field {...bind("operatorName")} label={m.setup_name} autoComplete="name" />
        <Field {...bind("operatorEmail")} type="email" label={m.setup_email} autoComplete="email" />
        <Field
          {...bind("operatorPassword")}
          type="password"
          label={m.setup_password}
          help={m.setup_password_help}
          autoComplete="new-password"
        />
      </fieldset>
      <CheckboxField
        id="withMerchant"
        label={m.setup_with_merchant}
        value="1"
        checked={merchant}
        onChange={(e) => setWithMerchant(e.target.checked)}
      />
      {merchant ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{m.setup_merchant}</legend>
          <Field {...merchantField("companyName")} label={m.setup_company_name} />
          <Field {...merchantField("shopName")} label={m.setup_shop_name} />
          <Field {...merchantField("adminName")} label={m.setup_admin_name} />
          <Field {...merchantField("adminEmail")} type="email" label={m.setup_admin_email} />
          <Field
            {...merchantField("adminPassword")}
            type="password"
            label={m.setup_admin_password}
            help={m.setup_password_help}
            autoComplete="new-password"
          />
        </fieldset>
      ) : null}
      <div>
        <button type="submit" className={buttonClass()} disabled={pending} data-testid="setup-submit">
          {m.setup_submit}
        </button>
      </div>
    </form>
  );
}
