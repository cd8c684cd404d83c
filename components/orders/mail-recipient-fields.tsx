// The e-mail dialog's recipients: "To" (one order each) and the copies (BCC), with the exact
// addresses the server refused listed under each box.
import { Field, FieldError, TextAreaField } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";

type Props = {
  messages: Messages;
  /** The field's error text, if any. */
  err: (field: string) => string | undefined;
  invalidRecipients?: string[];
  invalidBcc?: string[];
  managerEmail: string | null;
  /** "Create from": the source order's recipients and copies. */
  values?: { recipients?: string; bcc?: string };
};

export function MailRecipientFields({ messages: m, err, invalidRecipients, invalidBcc, managerEmail, values }: Props) {
  return (
    <>
      <TextAreaField
        id="recipients"
        label={m.mail_field_to}
        help={m.mail_field_to_help}
        error={err("recipients")}
        errorDetail={<AddressList label={m.mail_invalid_list} addresses={invalidRecipients} testId="invalid-recipients" />}
        rows={3}
        defaultValue={values?.recipients}
        required
        autoComplete="off"
        spellCheck={false}
        className="px-3 py-2 font-mono text-sm"
      />

      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{m.mail_bcc_legend}</legend>
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id="bccManager"
            name="bccManager"
            value="on"
            disabled={!managerEmail}
            aria-describedby={err("bccManager") ? "bccManager-error" : undefined}
            className="mt-1 size-4"
          />
          <label htmlFor="bccManager" className="text-sm">
            {m.mail_field_bcc_manager} ({managerEmail ?? m.mail_no_manager})
          </label>
        </div>
        <FieldError id="bccManager" error={err("bccManager")} />
        <Field
          id="bcc"
          label={m.mail_field_bcc}
          help={m.mail_field_bcc_help}
          error={err("bcc")}
          errorDetail={<AddressList label={m.mail_invalid_list} addresses={invalidBcc} testId="invalid-bcc" />}
          type="text"
          defaultValue={values?.bcc}
          autoComplete="off"
          spellCheck={false}
        />
      </fieldset>
    </>
  );
}

/** The exact addresses the server refused, as typed. */
function AddressList({ label, addresses, testId }: { label: string; addresses?: string[]; testId: string }) {
  if (!addresses?.length) return null;
  return (
    <div className="mt-1">
      <p>{label}</p>
      <ul className="list-disc pl-6 font-mono" data-testid={testId}>
        {addresses.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </div>
  );
}
