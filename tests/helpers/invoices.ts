import { db } from "./db";

/** The shop's data collection form: none, or in (or out of) invoice mode, published or not. */
export async function setForm(shopId: string, form: { invoiceMode: boolean; published: boolean } | null) {
  await db.dataCollectionForm.deleteMany({ where: { shopId } });
  if (!form) return;
  await db.dataCollectionForm.create({
    data: {
      shopId,
      fields: [{ key: "email", required: true }],
      invoiceMode: form.invoiceMode,
      publishedAt: form.published ? new Date() : null,
    },
  });
}

/** An import file's text: the header, then one line per row. */
export const csv = (...lines: string[]) => Buffer.from(`${lines.join("\n")}\n`);
export const HEADER = "reference,amount,currency,validity_end,description,buyer_email";
