"use server";
// Server actions of Settings › Notification rules: read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { UserActor } from "../../auth/actor";
import { authedAction } from "../../auth/authed-action";
import type { Db } from "../../server/db";
import { createRule } from "./create-rule";
import { deleteRule } from "./delete-rule";
import type { RuleInput } from "./schemas";
import { setRuleEnabled } from "./set-rule-enabled";
import { updateRule } from "./update-rule";

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
  formUrlTest: string;
  formUrlProd: string;
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
    formUrlTest: text(formData, "formUrlTest"),
    formUrlProd: text(formData, "formUrlProd"),
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

/** Creates (then back to the list) or updates a rule from the form. */
export const saveRuleAction = authedAction({
  read: (_prev: RuleFormState, formData: FormData) => {
    const values = valuesOf(formData);
    return {
      id: text(formData, "id"),
      shopId: text(formData, "shopId"),
      values,
      rule: ruleOf(values, formData.getAll("sources").map(String)),
    };
  },
  run: async (db, { actor, id, shopId, rule }) => {
    if (id) return (await updateRule(db, { actor, ruleId: id, rule })).changed;
    await createRule(db, { actor, shopId, rule });
    return null;
  },
  done: (changed, { values, shopId }): RuleFormState => {
    revalidatePath(LIST);
    if (changed) return { values, saved: changed.length ? "changed" : "unchanged" };
    redirect(listUrl(shopId, "done=created"));
  },
  refused: ({ fields, error }, { values }): RuleFormState => (fields ? { fields, values } : { error, values }),
});

/** An action of the list's rows: back to the list with what happened. */
const listAction = <R>(
  run: (db: Db, input: { actor: UserActor; ruleId: string; enabled: boolean }) => Promise<R>,
  done: (r: R, enabled: boolean) => string,
) =>
  authedAction({
    read: (formData: FormData) => ({
      shopId: text(formData, "shopId"),
      ruleId: text(formData, "id"),
      enabled: text(formData, "enabled") === "true",
    }),
    run,
    done: (r, { shopId, enabled }) => back(shopId, `done=${done(r, enabled)}`),
    // A field error of a list action has no field to show it on: the generic message.
    refused: ({ error }, { shopId }) => back(shopId, `error=${error ?? "err_generic"}`),
  });

function back(shopId: string, query: string): never {
  revalidatePath(LIST);
  redirect(listUrl(shopId, query));
}

export const setRuleEnabledAction = listAction(setRuleEnabled, (r, enabled) =>
  !r.changed ? "unchanged" : enabled ? "enabled" : "disabled",
);
export const deleteRuleAction = listAction(deleteRule, () => "deleted");
