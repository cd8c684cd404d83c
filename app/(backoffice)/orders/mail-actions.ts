"use server";
// Server actions of the "order by e-mail" dialog (F-CH-MAIL): create, preview, load templates.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSession } from "@/lib/auth/session";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { findMailTemplates, type MailTemplates } from "@/lib/orders/find-mail-templates";
import { type MailPreview, previewMailOrder } from "@/lib/orders/preview-mail-order";
import { mailTemplatesQuerySchema } from "@/lib/orders/schemas";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf, safeParseInput } from "@/lib/server/validation";
import type { FormState } from "./actions";

export type MailFormState = FormState & { invalidRecipients?: string[]; invalidBcc?: string[] };

const formValues = z.record(z.string().max(100), z.string().max(200_000));

/** A use case's refusal as the dialog shows it: field errors, or one error key. */
function refusal(e: unknown): { fields?: Record<string, string>; error?: string; details?: Record<string, unknown> } {
  if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields ?? {}, details: e.details };
  if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden" };
  throw e;
}

const addresses = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);

export async function createMailOrdersAction(_prev: MailFormState, formData: FormData): Promise<MailFormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  let ids: string[];
  try {
    ({ ids } = await createMailOrders(getDb(), { actor, values }));
  } catch (e) {
    const { fields, error, details } = refusal(e);
    return { fields, error, values, invalidRecipients: addresses(details?.invalidRecipients), invalidBcc: addresses(details?.invalidBcc) };
  }
  const list = values.mode === "TEST" ? "/test-orders" : "/orders";
  revalidatePath(list);
  if (ids.length === 1) redirect(`/orders/${ids[0]}?created=1`);
  redirect(`${list}?created=${ids.length}`);
}

export type PreviewResult = { preview: MailPreview } | { fields?: Record<string, string>; error?: string };

export async function previewMailOrderAction(input: Record<string, string>): Promise<PreviewResult> {
  const { actor } = await requireSession();
  const parsed = safeParseInput(formValues, input);
  if (!parsed.success) return { error: "err_generic" };
  try {
    return { preview: await previewMailOrder(getDb(), { actor, values: parsed.data }) };
  } catch (e) {
    const { fields, error } = refusal(e);
    return { fields, error };
  }
}

export type TemplatesResult = { templates: MailTemplates } | { fields?: Record<string, string>; error?: string };

export async function loadMailTemplatesAction(input: { shopId: string; language: string }): Promise<TemplatesResult> {
  const { actor } = await requireSession();
  const parsed = safeParseInput(mailTemplatesQuerySchema, input);
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error) };
  try {
    return { templates: await findMailTemplates(getDb(), { actor, ...parsed.data }) };
  } catch (e) {
    const { fields, error } = refusal(e);
    return { fields, error };
  }
}
