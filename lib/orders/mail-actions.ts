"use server";
// Server actions of the "order by e-mail" dialog (F-CH-MAIL): create, preview, load templates.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, formValues } from "../auth/authed-action";
import type { FormState } from "./actions";
import { createMailOrders } from "./create-mail-orders";
import { findMailTemplates, type MailTemplates } from "./find-mail-templates";
import { type MailPreview, previewMailOrder } from "./preview-mail-order";
import { mailTemplatesQuerySchema } from "./schemas";

export type MailFormState = FormState & { invalidRecipients?: string[]; invalidBcc?: string[] };

const previewSchema = z.object({ values: z.record(z.string().max(100), z.string().max(200_000)) });

const addresses = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);

export const createMailOrdersAction = authedAction({
  read: (_prev: MailFormState, formData: FormData) => ({ values: formValues(formData) }),
  run: createMailOrders,
  done: ({ ids }, { values }) => {
    const list = values.mode === "TEST" ? "/test-orders" : "/orders";
    revalidatePath(list);
    if (ids.length === 1) redirect(`/orders/${ids[0]}?created=1`);
    redirect(`${list}?created=${ids.length}`);
  },
  refused: ({ fields, error, details }, { values }): MailFormState => ({
    fields,
    error,
    values,
    invalidRecipients: addresses(details?.invalidRecipients),
    invalidBcc: addresses(details?.invalidBcc),
  }),
});

export type PreviewResult = { preview: MailPreview } | { fields?: Record<string, string>; error?: string };

export const previewMailOrderAction = authedAction({
  read: (input: Record<string, string>) => ({ values: input }),
  schema: previewSchema,
  run: previewMailOrder,
  done: (preview): PreviewResult => ({ preview }),
  refused: ({ fields, error }): PreviewResult => ({ fields, error }),
  // A bad value set is a forged call, not a person's typing: no field to name.
  invalid: (): PreviewResult => ({ error: "err_generic" }),
});

export type TemplatesResult = { templates: MailTemplates } | { fields?: Record<string, string>; error?: string };

export const loadMailTemplatesAction = authedAction({
  read: (input: { shopId: string; language: string }) => input,
  schema: mailTemplatesQuerySchema,
  run: findMailTemplates,
  done: (templates): TemplatesResult => ({ templates }),
  refused: ({ fields, error }): TemplatesResult => ({ fields, error }),
});
