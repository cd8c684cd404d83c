// The e-mail dialog's recipients: "To" (one order each) and the copies (BCC), with the exact
// addresses the server refused listed under each box.
import type { Messages } from "@/lib/i18n/messages/types";

const errorClass = "text-sm font-medium text-red-700";

type Props = {
  messages: Messages;
  /** The field's error text, if any. */
  err: (field: string) => string | undefined;
  invalidRecipients?: string[];
  invalidBcc?: string[];
  managerEmail: string | null;
};

export function MailRecipientFields({ messages: m, err, invalidRecipients, invalidBcc, managerEmail }: Props) {
  const toDescribedBy = ["recipients-help", err("recipients") ? "recipients-error" : null].filter(Boolean).join(" ");
  const bccDescribedBy = ["bcc-help", err("bcc") ? "bcc-error" : null].filter(Boolean).join(" ");
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor="recipients" className="text-sm font-medium text-slate-800">
          {m.mail_field_to}
        </label>
        <textarea
          id="recipients"
          name="recipients"
          rows={3}
          required
          autoComplete="off"
          spellCheck={false}
          aria-invalid={err("recipients") ? true : undefined}
          aria-describedby={toDescribedBy}
          className={`rounded-md border px-3 py-2 font-mono text-sm ${err("recipients") ? "border-red-700" : "border-slate-400"}`}
        />
        <p id="recipients-help" className="text-xs text-slate-600">
          {m.mail_field_to_help}
        </p>
        {err("recipients") ? (
          <div id="recipients-error" className={errorClass}>
            <p>{err("recipients")}</p>
            <AddressList label={m.mail_invalid_list} addresses={invalidRecipients} testId="invalid-recipients" />
          </div>
        ) : null}
      </div>

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
        {err("bccManager") ? (
          <p id="bccManager-error" className={errorClass}>
            {err("bccManager")}
          </p>
        ) : null}
        <label htmlFor="bcc" className="text-sm font-medium text-slate-800">
          {m.mail_field_bcc}
        </label>
        <input
          id="bcc"
          name="bcc"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={err("bcc") ? true : undefined}
          aria-describedby={bccDescribedBy}
          className={`rounded-md border px-3 py-2 text-base ${err("bcc") ? "border-red-700" : "border-slate-400"}`}
        />
        <p id="bcc-help" className="text-xs text-slate-600">
          {m.mail_field_bcc_help}
        </p>
        {err("bcc") ? (
          <div id="bcc-error" className={errorClass}>
            <p>{err("bcc")}</p>
            <AddressList label={m.mail_invalid_list} addresses={invalidBcc} testId="invalid-bcc" />
          </div>
        ) : null}
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
