"use client";
// The platform console's small forms: new company, rename, suspend, invite the administrator.
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import { createCompanyAction, inviteCompanyAdminAction, renameCompanyAction, suspendCompanyAction } from "@/lib/platform/actions";

function Answer({ state, text }: { state: { error?: string; ok?: string; values?: Record<string, string> }; text: (k: string) => string }) {
  if (state.error)
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {text(state.error)}
      </p>
    );
  if (state.ok)
    return (
      <p role="status" className="text-sm font-medium text-green-800">
        {text(state.ok).replace("{email}", state.values?.email ?? "")}
      </p>
    );
  return null;
}

export function NewCompanyForm({ messages: m }: { messages: Messages }) {
  const { state, action, pending, text, err } = useFormAnswer(createCompanyAction, m);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" data-testid="new-company-form">
      <Field id="new-company-name" name="name" label={m.platform_company_name} error={err("name")} defaultValue={state.values?.name} />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {m.platform_create_company}
      </button>
      <Answer state={state} text={text} />
    </form>
  );
}

export function RenameCompanyForm({ companyId, name, messages: m }: { companyId: string; name: string; messages: Messages }) {
  const { state, action, pending, text, err } = useFormAnswer(renameCompanyAction, m);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" data-testid="rename-company-form">
      <input type="hidden" name="companyId" value={companyId} />
      <Field id="rename-name" name="name" label={m.platform_company_name} error={err("name")} defaultValue={state.values?.name ?? name} />
      <button type="submit" className={buttonClass("secondary")} disabled={pending}>
        {m.platform_rename}
      </button>
      <Answer state={state} text={text} />
    </form>
  );
}

export function SuspendCompanyForm({ companyId, suspended, messages: m }: { companyId: string; suspended: boolean; messages: Messages }) {
  const { state, action, pending, text } = useFormAnswer(suspendCompanyAction, m);
  return (
    <form action={action} className="flex flex-col items-start gap-2" data-testid="suspend-company-form">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="suspended" value={suspended ? "0" : "1"} />
      <p id="suspend-help" className="text-sm text-slate-700">
        {m.platform_suspend_help}
      </p>
      <button type="submit" aria-describedby="suspend-help" className={buttonClass(suspended ? "secondary" : "danger")} disabled={pending}>
        {suspended ? m.platform_unsuspend : m.platform_suspend}
      </button>
      <Answer state={state} text={text} />
    </form>
  );
}

export function InviteAdminForm({ companyId, messages: m }: { companyId: string; messages: Messages }) {
  const { state, action, pending, text, err } = useFormAnswer(inviteCompanyAdminAction, m);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4" data-testid="invite-admin-form">
      <input type="hidden" name="companyId" value={companyId} />
      <p className="text-sm text-slate-700">{m.platform_invite_help}</p>
      <Field id="invite-name" name="name" label={m.platform_admin_name} error={err("name")} defaultValue={v.name} key={`n-${state.ok}`} />
      <Field
        id="invite-email"
        name="email"
        type="email"
        label={m.platform_admin_email}
        error={err("email")}
        defaultValue={v.email}
        key={`e-${state.ok}`}
      />
      <SelectField
        id="invite-locale"
        name="locale"
        label={m.platform_admin_locale}
        defaultValue={v.locale ?? "fr"}
        options={[
          { value: "fr", label: m.platform_lang_fr },
          { value: "en", label: m.platform_lang_en },
        ]}
      />
      <div>
        <button type="submit" className={buttonClass()} disabled={pending}>
          {m.platform_invite}
        </button>
      </div>
      <Answer state={state} text={text} />
    </form>
  );
}
