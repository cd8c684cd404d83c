"use client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Section } from "@/components/ui/section";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { confirmTwoFactorAction, type EnrolmentState } from "@/lib/account/actions";
import type { Messages } from "@/lib/i18n/messages/types";

/** The enrolment's last step: the first code confirms it, then the recovery codes, shown this once. */
export function EnrolTwoFactorForm({ messages: m, next }: { messages: Messages; next: string }) {
  const { state, action, pending, text, err } = useFormAnswer<EnrolmentState>(confirmTwoFactorAction, m);
  if (state.recoveryCodes) {
    return (
      <Section id="recovery-title" title={m.two_factor_recovery_title} className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{m.two_factor_recovery_intro}</p>
        <ul className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-base" data-testid="recovery-codes">
          {state.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Link href={next} className={buttonClass()} data-testid="two-factor-continue">
          {m.two_factor_continue}
        </Link>
      </Section>
    );
  }
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {state.error ? <FormAlert>{text(state.error)}</FormAlert> : null}
      <Field
        id="code"
        label={m.two_factor_confirm_code}
        error={err("code")}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        required
      />
      <button type="submit" className={buttonClass()} disabled={pending} data-testid="two-factor-confirm">
        {m.two_factor_confirm}
      </button>
    </form>
  );
}
