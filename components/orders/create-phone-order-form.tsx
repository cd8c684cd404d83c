"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { AdvancedOrderFields } from "@/components/orders/advanced-order-fields";
import { OrderCommonFields } from "@/components/orders/order-common-fields";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { normalisePhoneNumber, shopPhoneCountry } from "@/lib/channels/phone-number";
import { countSms } from "@/lib/channels/sms-segments";
import type { Messages } from "@/lib/i18n/messages/types";
import type { FormState } from "@/lib/orders/actions";
import type { PhoneTemplates } from "@/lib/orders/find-phone-templates";
import type { OrderCopy } from "@/lib/orders/get-order-copy";
import { createPhoneOrderAction, loadPhoneTemplatesAction, previewPhoneOrderAction } from "@/lib/orders/phone-actions";
import type { PhonePreview } from "@/lib/orders/preview-phone-order";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";
import { findUnknownVariables, renderText } from "@/lib/templates/render-template";
import { ConnectorWarning } from "./connector-warning";
import { formValues, useDialogSubmit, useShopLanguage } from "./dialog-hooks";
import { DialogActions, ShopField, UnknownVariablesNote } from "./order-dialog-parts";
import { PhoneMessagePreview } from "./phone-message-preview";
import { SmsCounter } from "./sms-counter";

// Typing in these changes the variables' values: the server renders them again (debounced).
const ORDER_FIELDS = new Set(["shopId", "reference", "amount", "currency", "validUntil", "language", "templateId"]);

type Props = {
  channel: "SMS" | "WHATSAPP";
  mode: "TEST" | "PRODUCTION";
  shops: ShopDefaults[];
  messages: Messages;
  credits: number;
  initial: { templates: PhoneTemplates; preview: PhonePreview; copy?: OrderCopy };
};

/**
 * The "order by SMS" and "order by WhatsApp" dialogs (F-CH-SMS, F-CH-WHATSAPP): one phone number
 * (shown back in E.164), the order, a text from a template. The text is rendered here as it is
 * typed, with the variables' values the server computed for this order, and counted with the
 * server's own counter (it is the authority when it takes the credits).
 */
export function CreatePhoneOrderForm({ channel, mode, shops, messages: m, credits, initial }: Props) {
  const text = (key: string) => (m as Record<string, string>)[key] ?? key;
  const sms = channel === "SMS";
  const formRef = useRef<HTMLFormElement>(null);
  const [templates, setTemplates] = useState<PhoneTemplates | null>(initial.templates);
  const copy = initial.copy;
  const copied = initial.templates.templates.find((t) => t.id === copy?.templateId);
  const [templateId, setTemplateId] = useState(copied?.id ?? "");
  const [message, setMessage] = useState(copy?.message || copied?.body || initial.templates.defaultBody);
  const [touched, setTouched] = useState(Boolean(copy?.message));
  const [preview, setPreview] = useState(initial.preview);
  const [phone, setPhone] = useState(copy?.phoneNumber ?? "");
  const [problems, setProblems] = useState<FormState>({});
  const { submitting, submit } = useDialogSubmit(createPhoneOrderAction, setProblems);
  const { shop, shopId, language, chooseShop, chooseLanguage } = useShopLanguage(
    shops,
    initial.templates.language,
    (id, lang) => loadPhoneTemplatesAction({ shopId: id, channel, language: lang }),
    (r) => {
      setTemplateId("");
      if (!("templates" in r)) return setTemplates(null);
      setTemplates(r.templates);
      if (!touched) setMessage(r.templates.defaultBody);
    },
    copy?.shopId,
  );
  const lastPreview = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const templateBody = templates?.templates.find((t) => t.id === templateId)?.body ?? templates?.defaultBody ?? "";
  const rendered = useMemo(() => renderText(message.trim() ? message : templateBody, preview.vars), [message, templateBody, preview.vars]);
  const count = useMemo(() => countSms(rendered), [rendered]);
  const unknown = useMemo(() => findUnknownVariables(message), [message]);
  const country = shopPhoneCountry(shop?.defaultLanguage ?? "fr");
  const typedPhone = phone.trim() ? normalisePhoneNumber(phone, country) : null;

  if (!shop) return null;
  const err = (k: string) => (problems.fields?.[k] ? text(problems.fields[k]) : undefined);

  function refreshPreview() {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++lastPreview.current;
      const r = await previewPhoneOrderAction(formValues(formRef.current));
      if (ticket === lastPreview.current && "preview" in r) setPreview(r.preview);
    }, 250);
  }

  function chooseTemplate(id: string) {
    setTemplateId(id);
    setMessage(templates?.templates.find((t) => t.id === id)?.body ?? templates?.defaultBody ?? "");
    setTouched(false);
  }

  return (
    <div className="flex flex-col gap-6">
      <form
        ref={formRef}
        onSubmit={submit}
        onChange={(e) => ORDER_FIELDS.has((e.target as Partial<HTMLInputElement>).name ?? "") && refreshPreview()}
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
        noValidate
      >
        {problems.fields || problems.error ? <FormAlert>{problems.error ? text(problems.error) : m.form_has_errors}</FormAlert> : null}
        <input type="hidden" name="mode" value={mode} />
        <input type="hidden" name="channel" value={channel} />
        <ShopField shops={shops} value={shopId} onChange={chooseShop} label={m.field_shop} error={err("shopId")} />
        {shop ? <ConnectorWarning mode={mode} shop={shop} messages={m} /> : null}

        <Field
          id="phoneNumber"
          type="tel"
          label={m.phone_field}
          help={m.phone_help.replace("{country}", country)}
          error={err("phoneNumber")}
          noteId="phoneNumber-e164"
          note={
            <p id="phoneNumber-e164" className="text-sm text-slate-800" data-testid="phone-e164">
              {typedPhone?.ok ? m.phone_normalised.replace("{number}", typedPhone.e164) : typedPhone ? m.phone_not_yet_valid : ""}
            </p>
          }
          required
          autoComplete="off"
          maxLength={40}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />

        <OrderCommonFields
          messages={m}
          shop={shop}
          error={err}
          values={copy}
          dialog="phone"
          language={{ value: language, onChange: chooseLanguage }}
          template={{ value: templateId, options: templates?.templates ?? [], onChange: chooseTemplate }}
        />
        {/* The buyer's e-mail for the receipt (issue 21), as in the URL dialog. */}
        <Field
          id="buyerEmail"
          type="email"
          label={m.field_buyer_email}
          optional={m.optional}
          error={err("buyerEmail")}
          defaultValue={copy?.buyerEmail}
          autoComplete="off"
        />
        {templates ? null : (
          <p role="status" className="text-sm text-amber-900">
            {m.phone_templates_error}
          </p>
        )}
        <TextAreaField
          id="message"
          label={m.phone_field_message}
          help={sms ? m.smsd_message_help : m.wa_message_help}
          error={err("message")}
          rows={5}
          value={message}
          maxLength={sms ? 1000 : 4096}
          onChange={(e) => {
            setMessage(e.target.value);
            setTouched(true);
          }}
        />
        <UnknownVariablesNote label={m.phone_unknown_vars} names={unknown} />
        {sms ? <SmsCounter count={count} max={preview.max} credits={credits} messages={m} /> : null}
        <AdvancedOrderFields messages={m} shop={shop} error={err} values={copy} unsupported={shop.connectorLimits[mode].unsupported} />
        <DialogActions mode={mode} label={sms ? m.smsd_submit : m.wa_submit} pending={submitting} messages={m} />
      </form>
      <PhoneMessagePreview text={rendered} to={typedPhone?.ok ? typedPhone.e164 : null} language={preview.language} messages={m} />
    </div>
  );
}
