"use client";
import { useMemo, useRef, useState, useTransition } from "react";
import { AdvancedOrderFields } from "@/components/orders/advanced-order-fields";
import { OrderCommonFields } from "@/components/orders/order-common-fields";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { Messages } from "@/lib/i18n/messages/types";
import type { MailTemplates } from "@/lib/orders/find-mail-templates";
import type { OrderCopy } from "@/lib/orders/get-order-copy";
import { createMailOrdersAction, loadMailTemplatesAction, type MailFormState, previewMailOrderAction } from "@/lib/orders/mail-actions";
import type { MailPreview } from "@/lib/orders/preview-mail-order";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";
import { findUnknownVariables } from "@/lib/templates/render-template";
import { ConnectorWarning } from "./connector-warning";
import { formValues, useDialogSubmit, useShopLanguage } from "./dialog-hooks";
import { MailBodyField } from "./mail-body-field";
import { MailPreviewPanel } from "./mail-preview-panel";
import { MailRecipientFields } from "./mail-recipient-fields";
import { DialogActions, ShopField, UnknownVariablesNote } from "./order-dialog-parts";

type Props = {
  mode: "TEST" | "PRODUCTION";
  shops: ShopDefaults[];
  messages: Messages;
  initialTemplates?: MailTemplates;
  /** "Create from" (issue 21): the source order's values, everything but the reference. */
  initial?: OrderCopy;
};
type Problems = Omit<MailFormState, "values"> & { previewFailed?: boolean };

/** The "order by e-mail" dialog (F-CH-MAIL): one order per recipient, its message from a template. */
export function CreateMailOrderForm({ mode, shops, messages: m, initialTemplates, initial }: Props) {
  const text = (key: string) => (m as Record<string, string>)[key] ?? key;
  const formRef = useRef<HTMLFormElement>(null);
  const [templates, setTemplates] = useState(initialTemplates);
  const [templatesFailed, setTemplatesFailed] = useState(!initialTemplates);
  const copied = initialTemplates?.templates.find((t) => t.id === initial?.templateId);
  const [templateId, setTemplateId] = useState(copied?.id ?? "");
  const start = copied ?? initialTemplates?.defaultTemplate;
  const [subject, setSubject] = useState(initial?.subject || start?.subject || "");
  const [body, setBody] = useState(initial?.message || start?.body || "");
  // The editor reads its content once: a new key mounts it again with the loaded body.
  const [editorKey, setEditorKey] = useState(0);
  const [touched, setTouched] = useState({ subject: Boolean(initial?.subject), body: Boolean(initial?.message) });
  const [problems, setProblems] = useState<Problems>({});
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const { submitting, submit } = useDialogSubmit(createMailOrdersAction, setProblems);
  const [previewing, startPreview] = useTransition();
  const { shop, shopId, language, chooseShop, chooseLanguage } = useShopLanguage(
    shops,
    initialTemplates?.language ?? shops[0]?.defaultLanguage ?? "fr",
    (id, lang) => loadMailTemplatesAction({ shopId: id, language: lang }),
    (r) => {
      setTemplateId("");
      if (!("templates" in r)) return setTemplatesFailed(true);
      setTemplatesFailed(false);
      setTemplates(r.templates);
      fill(r.templates.defaultTemplate, false);
    },
    initial?.shopId,
  );
  const unknown = useMemo(() => findUnknownVariables(`${subject}\n${body}`), [subject, body]);

  if (!shop) return null;
  const err = (k: string) => (problems.fields?.[k] ? text(problems.fields[k]) : undefined);

  function fill(t: { subject: string; body: string }, force: boolean) {
    if (force || !touched.subject) setSubject(t.subject);
    if (force || !touched.body) {
      setBody(t.body);
      setEditorKey((k) => k + 1);
    }
    if (force) setTouched({ subject: false, body: false });
  }

  function chooseTemplate(id: string) {
    setTemplateId(id);
    const t = templates?.templates.find((x) => x.id === id) ?? templates?.defaultTemplate;
    if (t) fill(t, true);
  }

  function showPreview() {
    startPreview(async () => {
      const r = await previewMailOrderAction(formValues(formRef.current));
      if ("preview" in r) {
        setProblems({});
        setPreview(r.preview);
      } else {
        setProblems({ fields: r.fields, error: r.error, previewFailed: true });
        setPreview(null);
      }
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <form ref={formRef} onSubmit={submit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
        {problems.fields || problems.error ? (
          <FormAlert>
            {problems.error ? text(problems.error) : problems.previewFailed ? m.mail_preview_failed : m.form_has_errors}
          </FormAlert>
        ) : null}
        <input type="hidden" name="mode" value={mode} />
        <ShopField shops={shops} value={shopId} onChange={chooseShop} label={m.field_shop} error={err("shopId")} />
        {shop ? <ConnectorWarning mode={mode} shop={shop} messages={m} /> : null}

        <MailRecipientFields
          messages={m}
          err={err}
          invalidRecipients={problems.invalidRecipients}
          invalidBcc={problems.invalidBcc}
          managerEmail={shop.managerEmail ?? null}
          values={initial}
        />

        <OrderCommonFields
          messages={m}
          shop={shop}
          error={err}
          values={initial}
          dialog="mail"
          language={{ value: language, onChange: chooseLanguage }}
          template={{ value: templateId, options: templates?.templates ?? [], onChange: chooseTemplate }}
        />
        {/* Settings › Templates in a new tab: this draft stays as it is (issue 21). */}
        <p className="-mt-2 text-sm">
          <a href="/settings/templates" target="_blank" rel="noopener" className="text-brand-700 underline" data-testid="templates-link">
            {m.mail_templates_link}
            <span className="sr-only"> ({m.opens_new_tab})</span>
          </a>
        </p>
        {templatesFailed ? (
          <p role="status" className="text-sm text-amber-900">
            {m.mail_templates_error}
          </p>
        ) : null}
        <Field
          id="subject"
          label={m.mail_field_subject}
          error={err("subject")}
          value={subject}
          maxLength={255}
          autoComplete="off"
          onChange={(e) => {
            setSubject(e.target.value);
            setTouched((t) => ({ ...t, subject: true }));
          }}
        />
        <MailBodyField
          messages={m}
          value={body}
          error={err("message")}
          editorKey={editorKey}
          onChange={(html) => {
            setBody(html);
            setTouched((t) => ({ ...t, body: true }));
          }}
        />
        <AdvancedOrderFields messages={m} shop={shop} error={err} values={initial} unsupported={shop.connectorLimits[mode].unsupported} />
        <UnknownVariablesNote label={m.mail_unknown_vars} names={unknown} />
        <DialogActions mode={mode} label={m.mail_submit} pending={submitting} messages={m}>
          <button type="button" className={buttonClass("secondary")} onClick={showPreview} disabled={previewing}>
            {m.mail_preview}
          </button>
        </DialogActions>
      </form>
      {preview ? (
        <MailPreviewPanel
          preview={preview}
          labels={{
            title: m.mail_preview_title,
            recipient: m.mail_preview_for,
            nobody: m.mail_preview_nobody,
            subject: m.mail_preview_subject,
            html: m.mail_preview_html,
            frame: m.mail_preview_frame,
            text: m.mail_preview_text,
            note: m.mail_preview_note,
          }}
        />
      ) : null}
    </div>
  );
}
