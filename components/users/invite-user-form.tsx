"use client";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/form-alert";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import { inviteUserAction, type UserFormState, updateUserAccessAction } from "@/lib/users/actions";
import { UserAccessFields } from "./user-access-fields";

const LABELS: Record<string, string> = {
  email: "users_email",
  name: "users_name",
  role: "users_role",
  shopIds: "users_shops",
  locale: "users_language",
};

/** A user form's frame: the refused fields linked to their inputs (the shops to the first box), then the fields and the submit button. */
function UserForm({
  form: { state, action, pending, text },
  shops,
  submit,
  children,
}: {
  form: ReturnType<typeof useFormAnswer<UserFormState>>;
  shops: { id: string }[];
  /** The submit button's catalogue key. */
  submit: string;
  children: ReactNode;
}) {
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      <ErrorSummary
        state={state}
        text={text}
        target={(f) => ({ id: f === "shopIds" ? `shopIds-${shops[0]?.id ?? ""}` : f, label: text(LABELS[f] ?? f) })}
        fallback={text("users_form_errors")}
      />
      {children}
      <p>
        <button type="submit" className={buttonClass()} disabled={pending}>
          {text(submit)}
        </button>
      </p>
    </form>
  );
}

/** Settings › Users › Invite: e-mail, name, role, shops, the e-mail's language. */
export function InviteUserForm({ shops, lang, messages }: { shops: { id: string; name: string }[]; lang: string; messages: Messages }) {
  const form = useFormAnswer<UserFormState>(inviteUserAction, messages);
  const { text, err } = form;
  const v = form.state.values;
  return (
    <UserForm form={form} shops={shops} submit="users_send_invite">
      <Field id="email" label={text("users_email")} type="email" autoComplete="off" required defaultValue={v?.email} error={err("email")} />
      <Field id="name" label={text("users_name")} autoComplete="off" defaultValue={v?.name} error={err("name")} />
      <UserAccessFields
        text={text}
        err={err}
        shops={shops}
        role={v?.role || "OPERATOR"}
        allShops={v ? v.access === "all" : false}
        shopIds={v?.shopIds ?? (shops.length === 1 ? [shops[0]!.id] : [])}
      />
      <SelectField
        id="locale"
        label={text("users_language")}
        defaultValue={v?.locale || lang}
        options={["fr", "en"].map((l) => ({ value: l, label: text(`users_language_${l}`) }))}
      />
    </UserForm>
  );
}

/** A user's page: their role and shops. */
export function UserAccessForm({
  user,
  shops,
  messages,
}: {
  user: { id: string; role: string; allShops: boolean; shopIds: string[] };
  shops: { id: string; name: string }[];
  messages: Messages;
}) {
  const form = useFormAnswer<UserFormState>(updateUserAccessAction, messages);
  const { text, err } = form;
  const v = form.state.values;
  return (
    <UserForm form={form} shops={shops} submit="users_save">
      <input type="hidden" name="userId" value={user.id} />
      <UserAccessFields
        text={text}
        err={err}
        shops={shops}
        role={v?.role || user.role}
        allShops={v ? v.access === "all" : user.allShops}
        shopIds={v?.shopIds ?? user.shopIds}
      />
    </UserForm>
  );
}
