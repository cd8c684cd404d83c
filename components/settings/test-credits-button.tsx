"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { addTestSmsCreditsAction, type TestCreditsState } from "@/lib/companies/actions";
import type { Messages } from "@/lib/i18n/messages/types";

/** Sandbox only: free credits to try the SMS channel. */
export function TestCreditsButton({ messages: m }: { messages: Messages }) {
  const [state, action, pending] = useActionState<TestCreditsState, FormData>(addTestSmsCreditsAction, {});
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  return (
    <form action={action} className="flex flex-col gap-1">
      <button type="submit" className={buttonClass("secondary")} disabled={pending} aria-describedby="test-credits-help">
        {m.company_add_credits}
      </button>
      <p id="test-credits-help" className="text-xs text-slate-600">
        {m.company_add_credits_help}
      </p>
      <p role="status" className={`text-sm font-medium ${state.error ? "text-red-700" : "text-green-800"}`}>
        {state.error ? msg(state.error) : state.credits !== undefined ? m.company_credits_added : ""}
      </p>
    </form>
  );
}
