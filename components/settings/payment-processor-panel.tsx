"use client";
// One mode's payment processor (issue 20): its status, the kind and its fields (a saved secret is
// never sent back: its field stays empty and keeps it), Save, Test the connection, Remove, and the
// notification URL to register at the processor.
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { Messages } from "@/lib/i18n/messages/types";
import { type ConnectorActionState, connectorAction } from "@/lib/payments/connectors/connector-actions";
import type { ConnectorFormKind } from "@/lib/payments/connectors/connector-fields";

type Current = {
  kind: string;
  publicConfig: Record<string, string>;
  /** Formatted date of the last successful test, null when not verified. */
  verifiedOn: string | null;
  verifyError: string | null;
  notifyUrl: string;
};

export function PaymentProcessorPanel({
  shopId,
  mode,
  kinds,
  current,
  messages: m,
}: {
  shopId: string;
  mode: "TEST" | "PRODUCTION";
  kinds: ConnectorFormKind[];
  current: Current | null;
  messages: Messages;
}) {
  const [state, action, pending] = useActionState<ConnectorActionState, FormData>(connectorAction, {});
  const [kind, setKind] = useState(current?.kind ?? kinds[0]?.kind ?? "LYRA_FORM");
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const fields = kinds.find((k) => k.kind === kind)?.fields ?? [];
  const id = (name: string) => `${mode}-${name}`;
  const sameKind = current?.kind === kind;
  const status = !current
    ? msg(`pp_status_none_${mode}`)
    : current.verifiedOn
      ? m.pp_status_verified.replace("{date}", current.verifiedOn)
      : current.verifyError
        ? m.pp_status_failed.replace("{error}", current.verifyError)
        : m.pp_status_saved;
  const done =
    state.done === "saved" ? m.pp_saved : state.done === "verified" ? m.pp_tested_ok : state.done === "removed" ? m.pp_removed : "";
  const hidden = (
    <>
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="mode" value={mode} />
    </>
  );
  return (
    <section
      aria-labelledby={`pp-${mode}`}
      className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
      data-testid={`processor-${mode}`}
      data-verified={current?.verifiedOn ? "true" : "false"}
    >
      <h2 id={`pp-${mode}`} className="text-lg font-semibold">
        {msg(`pp_mode_${mode}`)}
      </h2>
      <p className="font-medium" data-testid={`processor-status-${mode}`}>
        {status}
      </p>
      {done ? (
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      ) : null}
      {state.failed ? <FormAlert>{m.pp_tested_failed.replace("{error}", state.failed)}</FormAlert> : null}
      {state.error || state.fields ? <FormAlert>{state.error ? msg(state.error) : m.form_has_errors}</FormAlert> : null}
      <form action={action} className="flex flex-col gap-3" noValidate>
        {hidden}
        <input type="hidden" name="intent" value="save" />
        <SelectField
          id={id("kind")}
          name="kind"
          label={m.pp_kind}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={kinds.map((k) => ({ value: k.kind, label: msg(`pp_kind_${k.kind}`) }))}
        />
        {fields.map((f) => (
          <Field
            key={`${kind}-${f.name}`}
            id={id(f.name)}
            name={`config.${f.name}`}
            label={msg(`pp_field_${kind}_${f.name}`)}
            type={f.secret ? "password" : "text"}
            autoComplete={f.secret ? "new-password" : "off"}
            defaultValue={f.secret || !sameKind ? "" : (current?.publicConfig[f.name] ?? "")}
            help={f.secret && sameKind ? m.pp_secret_saved : undefined}
            error={state.fields?.[f.name] ? msg(state.fields[f.name] ?? "") : undefined}
          />
        ))}
        <div>
          <button type="submit" className={buttonClass("primary")} disabled={pending} data-intent="save">
            {m.pp_save}
          </button>
        </div>
      </form>
      {current ? (
        <div className="flex flex-wrap gap-2">
          <form action={action}>
            {hidden}
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className={buttonClass("secondary")} disabled={pending} data-intent="verify">
              {m.pp_test}
            </button>
          </form>
          <form action={action}>
            {hidden}
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className={buttonClass("secondary")} disabled={pending} data-intent="remove">
              {m.pp_remove}
            </button>
          </form>
        </div>
      ) : null}
      {current ? (
        <div className="text-sm">
          <h3 className="font-semibold">{m.pp_urls}</h3>
          <p className="text-slate-700">{m.pp_notify_url}</p>
          <p className="break-all font-mono" data-testid={`processor-notify-url-${mode}`}>
            {current.notifyUrl}
          </p>
          <p className="mt-2 text-slate-700">{m.pp_return_url}</p>
        </div>
      ) : null}
    </section>
  );
}
