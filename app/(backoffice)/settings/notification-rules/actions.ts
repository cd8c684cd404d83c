"use server";
// Server actions of Settings › Notification rules: authenticate, read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { deleteRule } from "@/lib/notifications/rules/delete-rule";
import type { RuleInput } from "@/lib/notifications/rules/schemas";
import { setRuleEnabled } from "@/lib/notifications/rules/set-rule-enabled";
import { updateRule } from "@/lib/notifications/rules/update-rule";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

/** The submitted values, as typed (shown again after an error). `emailTarget` ADDRESS means `emailAddress`. */
export type RuleFormValues = {
  kind: string;
  label: string;
  events: string[];
  channels: string[];
  alertEmail: string;
  retry: boolean;
  urlTest: string;
  urlProd: string;
  format: string;
  hashKey: string;
  emailTarget: string;
  emailAddress: string;
  templateId: string;
};
export type RuleFormState = { fields?: Record<string, string>; error?: string; values?: RuleFormValues; saved?: "changed" | "unchanged" };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const LIST = "/settings/notification-rules";
const listUrl = (shopId: string, query: string) => `${LIST}?shop=${encodeURIComponent(shopId)}&${query}`;

function valuesOf(formData: FormData): RuleFormValues {
  return {
    kind: text(formData, "kind"),
    label: text(formData, "label"),
    events: formData.getAll("events").map(String),
    channels: formData.getAll("channels").map(String),
    alertEmail: text(formData, "alertEmail"),
    retry: formData.get("retry") === "on",
    urlTest: text(formData, "urlTest"),
    urlProd: text(formData, "urlProd"),
    format: text(formData, "format"),
    hashKey: text(formData, "hashKey"),
    emailTarget: text(formData, "emailTarget"),
    emailAddress: text(formData, "emailAddress"),
    templateId: text(formData, "templateId"),
  };
}

const ruleOf = (v: RuleFormValues, sources: string[]): RuleInput => {
  const { emailAddress, emailTarget, hashKey, ...rest } = v;
  return {
    ...rest,
    sources,
    // A disabled select is not sent: the form format's key is the default one.
    hashKey: hashKey || undefined,
    emailTarget: emailTarget === "ADDRESS" ? emailAddress : emailTarget,
  };
};

/** Forbidden or someone else's: one message, whatever the case (nothing leaks). */
function refusal(e: unknown): string {
  if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return "err_forbidden";
  if (isAppError(e) && e.code === "VALIDATION") return "err_generic";
  throw e;
}

/** Creates (then back to the list) or updates a rule from the form. */
export async function saveRuleAction(_prev: RuleFormState, formData: FormData): Promise<RuleFormState> {
  const { actor } = await requireSession();
  const id = text(formData, "id");
  const shopId = text(formData, "shopId");
  const values = valuesOf(formData);
  const rule = ruleOf(values, formData.getAll("sources").map(String));
  try {
    if (id) {
      const { changed } = await updateRule(getDb(), { actor, ruleId: id, rule });
      revalidatePath(LIST);
      return { values, saved: changed.length ? "changed" : "unchanged" };
    }
    await createRule(getDb(), { actor, shopId, rule });
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    return { error: refusal(e), values };
  }
  revalidatePath(LIST);
  redirect(listUrl(shopId, "done=created"));
}

export async function setRuleEnabledAction(formData: FormData) {
  const { actor } = await requireSession();
  const shopId = text(formData, "shopId");
  const enabled = text(formData, "enabled") === "true";
  let done: string;
  try {
    const r = await setRuleEnabled(getDb(), { actor, ruleId: text(formData, "id"), enabled });
    done = `done=${!r.changed ? "unchanged" : enabled ? "enabled" : "disabled"}`;
  } catch (e) {
    done = `error=${refusal(e)}`;
  }
  revalidatePath(LIST);
  redirect(listUrl(shopId, done));
}

export async function deleteRuleAction(formData: FormData) {
  const { actor } = await requireSession();
  const shopId = text(formData, "shopId");
  let done: string;
  try {
    await deleteRule(getDb(), { actor, ruleId: text(formData, "id") });
    done = "done=deleted";
  } catch (e) {
    done = `error=${refusal(e)}`;
  }
  revalidatePath(LIST);
  redirect(listUrl(shopId, done));
}
