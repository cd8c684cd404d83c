"use server";
// Server actions of the "order by SMS / WhatsApp" dialogs (F-CH-SMS, F-CH-WHATSAPP): create, live
// preview (variables, count, number), templates of a shop, channel and language.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSession } from "@/lib/auth/session";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { findPhoneTemplates, type PhoneTemplates } from "@/lib/orders/find-phone-templates";
import { type PhonePreview, previewPhoneOrder } from "@/lib/orders/preview-phone-order";
import { phoneTemplatesQuerySchema } from "@/lib/orders/schemas";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf, safeParseInput } from "@/lib/server/validation";
import type { FormState } from "./actions";

const formValues = z.record(z.string().max(100), z.string().max(10_000));

/** A use case's refusal as the dialog shows it: field errors, or one error key. */
function refusal(e: unknown): { fields?: Record<string, string>; error?: string } {
  if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields ?? {} };
  if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden" };
  throw e;
}

export async function createPhoneOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  let id: string;
  try {
    ({ id } = await createPhoneOrder(getDb(), { actor, values }));
  } catch (e) {
    return { ...refusal(e), values };
  }
  revalidatePath(values.mode === "TEST" ? "/test-orders" : "/orders");
  redirect(`/orders/${id}?created=1`);
}

export type PhonePreviewResult = { preview: PhonePreview } | { fields?: Record<string, string>; error?: string };

export async function previewPhoneOrderAction(input: Record<string, string>): Promise<PhonePreviewResult> {
  const { actor } = await requireSession();
  const parsed = safeParseInput(formValues, input);
  if (!parsed.success) return { error: "err_generic" };
  try {
    return { preview: await previewPhoneOrder(getDb(), { actor, values: parsed.data }) };
  } catch (e) {
    return refusal(e);
  }
}

export type PhoneTemplatesResult = { templates: PhoneTemplates } | { fields?: Record<string, string>; error?: string };

export async function loadPhoneTemplatesAction(input: {
  shopId: string;
  channel: string;
  language: string;
}): Promise<PhoneTemplatesResult> {
  const { actor } = await requireSession();
  const parsed = safeParseInput(phoneTemplatesQuerySchema, input);
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error) };
  try {
    return { templates: await findPhoneTemplates(getDb(), { actor, ...parsed.data }) };
  } catch (e) {
    return refusal(e);
  }
}
