"use server";
// Server actions of the "order by SMS / WhatsApp" dialogs (F-CH-SMS, F-CH-WHATSAPP): create, live
// preview (variables, count, number), templates of a shop, channel and language.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, formValues } from "../auth/authed-action";
import type { FormState } from "./actions";
import { createPhoneOrder } from "./create-phone-order";
import { findPhoneTemplates, type PhoneTemplates } from "./find-phone-templates";
import { type PhonePreview, previewPhoneOrder } from "./preview-phone-order";
import { phoneTemplatesQuerySchema } from "./schemas";

const previewSchema = z.object({ values: z.record(z.string().max(100), z.string().max(10_000)) });

export const createPhoneOrderAction = authedAction({
  read: (_prev: FormState, formData: FormData) => ({ values: formValues(formData) }),
  run: createPhoneOrder,
  done: ({ id }, { values }) => {
    revalidatePath(values.mode === "TEST" ? "/test-orders" : "/orders");
    redirect(`/orders/${id}?created=1`);
  },
  refused: ({ fields, error }, { values }): FormState => ({ fields, error, values }),
});

export type PhonePreviewResult = { preview: PhonePreview } | { fields?: Record<string, string>; error?: string };

export const previewPhoneOrderAction = authedAction({
  read: (input: Record<string, string>) => ({ values: input }),
  schema: previewSchema,
  run: previewPhoneOrder,
  done: (preview): PhonePreviewResult => ({ preview }),
  refused: ({ fields, error }): PhonePreviewResult => ({ fields, error }),
  // A bad value set is a forged call, not a person's typing: no field to name.
  invalid: (): PhonePreviewResult => ({ error: "err_generic" }),
});

export type PhoneTemplatesResult = { templates: PhoneTemplates } | { fields?: Record<string, string>; error?: string };

export const loadPhoneTemplatesAction = authedAction({
  read: (input: { shopId: string; channel: string; language: string }) => input,
  schema: phoneTemplatesQuerySchema,
  run: findPhoneTemplates,
  done: (templates): PhoneTemplatesResult => ({ templates }),
  refused: ({ fields, error }): PhoneTemplatesResult => ({ fields, error }),
});
