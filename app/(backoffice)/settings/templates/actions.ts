"use server";
// Server actions of Settings › Templates: authenticate, read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { createTemplate } from "@/lib/templates/create-template";
import { customizeBuiltInTemplate } from "@/lib/templates/customize-built-in-template";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { makeTemplateDefault } from "@/lib/templates/make-template-default";
import { previewTemplate, type TemplatePreview } from "@/lib/templates/preview-template";
import type { TemplateInput, TemplatePreviewInput } from "@/lib/templates/schemas";
import { updateTemplate } from "@/lib/templates/update-template";

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

/** Forbidden or someone else's: one message, whatever the case (nothing leaks); an administrator's setting says so. */
function refusal(e: unknown): string {
  if (isAppError(e) && e.code === "FORBIDDEN" && e.publicMessage === "err_tpl_admin_only") return "err_tpl_admin_only";
  if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return "err_forbidden";
  if (isAppError(e) && e.code === "VALIDATION") return "err_generic";
  throw e;
}

/** Creates (then opens the new template) or updates a template from the form. */
export async function saveTemplateAction(_prev: TemplateFormState, formData: FormData): Promise<TemplateFormState> {
  const { actor } = await requireSession();
  const id = text(formData, "id");
  const shopId = text(formData, "shopId");
  const template: TemplateInput = {
    name: text(formData, "name"),
    channel: text(formData, "channel"),
    kind: text(formData, "kind"),
    language: text(formData, "language"),
    subject: formData.has("subject") ? text(formData, "subject") : null,
    body: text(formData, "body"),
    isDefault: formData.get("isDefault") === "on",
  };
  let createdId: string;
  try {
    if (id) {
      const r = await updateTemplate(getDb(), { actor, templateId: id, template });
      revalidatePath(LIST);
      const preview = await previewTemplate(getDb(), { actor, shopId: r.template.shopId, template: r.template });
      return { saved: r.changed.length ? "changed" : "unchanged", warnings: r.warnings, preview };
    }
    createdId = (await createTemplate(getDb(), { actor, shopId, template })).template.id;
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields };
    return { error: refusal(e) };
  }
  revalidatePath(LIST);
  redirect(`${LIST}/${createdId}?done=created`);
}

/** The live preview of the form's current values (not saved). */
export async function previewTemplateAction(input: { shopId: string; template: TemplatePreviewInput }): Promise<TemplatePreview | null> {
  const { actor } = await requireSession();
  try {
    return await previewTemplate(getDb(), { actor, shopId: input.shopId, template: input.template });
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

async function listAction(formData: FormData, run: (templateId: string) => Promise<unknown>, done: string) {
  const shopId = text(formData, "shopId");
  let error: string | null = null;
  try {
    await run(text(formData, "id"));
  } catch (e) {
    error = refusal(e);
  }
  revalidatePath(LIST);
  redirect(listUrl(shopId, error ? `error=${error}` : `done=${done}`));
}

export async function duplicateTemplateAction(formData: FormData) {
  const { actor } = await requireSession();
  const uiLanguage = await getUiLanguage();
  await listAction(formData, (templateId) => duplicateTemplate(getDb(), { actor, templateId, uiLanguage }), "duplicate");
}

export async function makeTemplateDefaultAction(formData: FormData) {
  const { actor } = await requireSession();
  await listAction(formData, (templateId) => makeTemplateDefault(getDb(), { actor, templateId }), "default");
}

export async function deleteTemplateAction(formData: FormData) {
  const { actor } = await requireSession();
  await listAction(formData, (templateId) => deleteTemplate(getDb(), { actor, templateId }), "delete");
}

/** "Customise" a built-in template: the editable copy opens at once. */
export async function customizeTemplateAction(formData: FormData) {
  const { actor } = await requireSession();
  const shopId = text(formData, "shopId");
  const builtIn = { channel: text(formData, "channel"), kind: text(formData, "kind"), language: text(formData, "language") };
  let id: string;
  try {
    id = (await customizeBuiltInTemplate(getDb(), { actor, shopId, builtIn, uiLanguage: await getUiLanguage() })).template.id;
  } catch (e) {
    redirect(listUrl(shopId, `error=${refusal(e)}`));
  }
  revalidatePath(LIST);
  redirect(`${LIST}/${id}?done=customize`);
}
