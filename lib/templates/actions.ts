"use server";
// Server actions of Settings › Templates: read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { UserActor } from "../auth/actor";
import { authedAction } from "../auth/authed-action";
import { getUiLanguage } from "../i18n/server";
import type { Db } from "../server/db";
import { createTemplate } from "./create-template";
import { customizeBuiltInTemplate } from "./customize-built-in-template";
import { deleteTemplate } from "./delete-template";
import { duplicateTemplate } from "./duplicate-template";
import { makeTemplateDefault } from "./make-template-default";
import { previewTemplate, type TemplatePreview } from "./preview-template";
import type { TemplateInput, TemplatePreviewInput } from "./schemas";
import { updateTemplate } from "./update-template";

export type TemplateFormState = {
  fields?: Record<string, string>;
  error?: string;
  saved?: "changed" | "unchanged";
  /** Unknown %variables% of what was just saved. */
  warnings?: string[];
  preview?: TemplatePreview;
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const LIST = "/settings/templates";
const listUrl = (shopId: string, query: string) => `${LIST}?shop=${encodeURIComponent(shopId)}&${query}`;

const templateOf = (formData: FormData): TemplateInput => ({
  name: text(formData, "name"),
  channel: text(formData, "channel"),
  kind: text(formData, "kind"),
  language: text(formData, "language"),
  subject: formData.has("subject") ? text(formData, "subject") : null,
  body: text(formData, "body"),
  isDefault: formData.get("isDefault") === "on",
});

/** Creates (then opens the new template) or updates a template from the form. */
export const saveTemplateAction = authedAction({
  read: (_prev: TemplateFormState, formData: FormData) => ({
    id: text(formData, "id"),
    shopId: text(formData, "shopId"),
    template: templateOf(formData),
  }),
  run: async (db, { actor, id, shopId, template }): Promise<{ createdId: string } | { updated: TemplateFormState }> => {
    if (!id) return { createdId: (await createTemplate(db, { actor, shopId, template })).template.id };
    const r = await updateTemplate(db, { actor, templateId: id, template });
    const preview = await previewTemplate(db, { actor, shopId: r.template.shopId, template: r.template });
    return { updated: { saved: r.changed.length ? "changed" : "unchanged", warnings: r.warnings, preview } };
  },
  done: (r): TemplateFormState => {
    revalidatePath(LIST);
    if ("updated" in r) return r.updated;
    redirect(`${LIST}/${r.createdId}?done=created`);
  },
  refused: ({ fields, error }): TemplateFormState => (fields ? { fields } : { error }),
});

/** The live preview of the form's current values (not saved). */
export const previewTemplateAction = authedAction({
  read: (input: { shopId: string; template: TemplatePreviewInput }) => input,
  run: previewTemplate,
  done: (preview): TemplatePreview | null => preview,
  refused: () => null,
});

/** An action of the list's rows: back to the list with what happened. */
const listAction = (done: string, run: (db: Db, input: { actor: UserActor; templateId: string }) => Promise<unknown>) =>
  authedAction({
    read: (formData: FormData) => ({ shopId: text(formData, "shopId"), templateId: text(formData, "id") }),
    run,
    done: (_r, { shopId }) => back(shopId, `done=${done}`),
    // A field error of a list action has no field to show it on: the generic message.
    refused: ({ error }, { shopId }) => back(shopId, `error=${error ?? "err_generic"}`),
  });

function back(shopId: string, query: string): never {
  revalidatePath(LIST);
  redirect(listUrl(shopId, query));
}

export const duplicateTemplateAction = listAction("duplicate", async (db, input) =>
  duplicateTemplate(db, { ...input, uiLanguage: await getUiLanguage() }),
);
export const makeTemplateDefaultAction = listAction("default", makeTemplateDefault);
export const deleteTemplateAction = listAction("delete", deleteTemplate);

/** "Customise" a built-in template: the editable copy opens at once. */
export const customizeTemplateAction = authedAction({
  read: (formData: FormData) => ({
    shopId: text(formData, "shopId"),
    builtIn: { channel: text(formData, "channel"), kind: text(formData, "kind"), language: text(formData, "language") },
  }),
  run: async (db, input) => (await customizeBuiltInTemplate(db, { ...input, uiLanguage: await getUiLanguage() })).template.id,
  done: (id) => {
    revalidatePath(LIST);
    redirect(`${LIST}/${id}?done=customize`);
  },
  refused: ({ error }, { shopId }) => redirect(listUrl(shopId, `error=${error ?? "err_generic"}`)),
});
