"use server";
// Server actions of Settings › Data collection form: read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { authedAction } from "../auth/authed-action";
import { publishCollectForm, unpublishCollectForm } from "./publish-collect-form";
import { updateCollectForm } from "./update-collect-form";

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

const valuesOf = (formData: FormData): CollectFormValues => ({
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
});

export const updateCollectFormAction = authedAction({
  read: (_prev: CollectFormState, formData: FormData) => ({ shopId: text(formData, "shopId"), values: valuesOf(formData) }),
  run: (db, { actor, shopId, values }) =>
    updateCollectForm(db, { actor, shopId, form: { fields: values.rows, invoiceMode: values.invoiceMode } }),
  done: ({ changed }, { values }): CollectFormState => {
    revalidate();
    return { values, saved: changed.length ? "changed" : "unchanged" };
  },
  refused: ({ fields, error }, { values }): CollectFormState => ({ fields, error, values }),
});

const publication = (publish: boolean) =>
  authedAction({
    read: (_prev: CollectFormPublicationState, formData: FormData) => ({ shopId: text(formData, "shopId") }),
    run: (db, input) => (publish ? publishCollectForm(db, input) : unpublishCollectForm(db, input)),
    done: ({ changed }): CollectFormPublicationState => {
      revalidate();
      return { done: !changed ? "unchanged" : publish ? "published" : "unpublished" };
    },
    refused: ({ error }): CollectFormPublicationState => ({ error }),
  });

export const publishCollectFormAction = publication(true);
export const unpublishCollectFormAction = publication(false);
