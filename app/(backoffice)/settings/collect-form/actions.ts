"use server";
// Server actions of Settings › Data collection form: authenticate, read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { publishCollectForm, unpublishCollectForm } from "@/lib/collect-form/publish-collect-form";
import { updateCollectForm } from "@/lib/collect-form/update-collect-form";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

/** The submitted rows, as typed (shown again after an error), in display order. */
export type CollectFormRowValues = { key: string; collect: boolean; required: boolean; label: string };
export type CollectFormValues = { rows: CollectFormRowValues[]; invoiceMode: boolean };
export type CollectFormState = {
  fields?: Record<string, string>;
  error?: string;
  values?: CollectFormValues;
  saved?: "changed" | "unchanged";
};
export type CollectFormPublicationState = { done?: "published" | "unpublished" | "unchanged"; error?: string };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const PATHS = ["/settings/collect-form", "/orders/new"];
const revalidate = () => {
  for (const p of PATHS) revalidatePath(p);
};

export async function updateCollectFormAction(_prev: CollectFormState, formData: FormData): Promise<CollectFormState> {
  const { actor } = await requireSession();
  const shopId = text(formData, "shopId");
  const values: CollectFormValues = {
    rows: formData.getAll("row").map((k) => {
      const key = String(k);
      return {
        key,
        collect: formData.get(`collect-${key}`) === "on",
        required: formData.get(`required-${key}`) === "on",
        label: text(formData, `label-${key}`),
      };
    }),
    invoiceMode: formData.get("invoiceMode") === "on",
  };
  try {
    const { changed } = await updateCollectForm(getDb(), { actor, shopId, form: { fields: values.rows, invoiceMode: values.invoiceMode } });
    revalidate();
    return { values, saved: changed.length ? "changed" : "unchanged" };
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
}

async function publication(formData: FormData, publish: boolean): Promise<CollectFormPublicationState> {
  const { actor } = await requireSession();
  const input = { actor, shopId: text(formData, "shopId") };
  try {
    const { changed } = publish ? await publishCollectForm(getDb(), input) : await unpublishCollectForm(getDb(), input);
    revalidate();
    return { done: !changed ? "unchanged" : publish ? "published" : "unpublished" };
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden" };
    if (isAppError(e) && e.code === "CONFLICT") return { error: e.publicMessage };
    throw e;
  }
}

export async function publishCollectFormAction(
  _prev: CollectFormPublicationState,
  formData: FormData,
): Promise<CollectFormPublicationState> {
  return publication(formData, true);
}

export async function unpublishCollectFormAction(
  _prev: CollectFormPublicationState,
  formData: FormData,
): Promise<CollectFormPublicationState> {
  return publication(formData, false);
}
