"use server";
// Settings › Payment processor (administrators): save a mode's connector, test the connection,
// remove it. Each parses its form, calls one use case, and says what happened.
import { revalidatePath } from "next/cache";
import { authedAction } from "../../auth/authed-action";
import { removeShopConnector, saveShopConnector, verifyShopConnector } from "./save-shop-connector";
import { connectorTargetSchema, saveConnectorSchema } from "./schemas";

export type ConnectorActionState = {
  done?: "saved" | "verified" | "removed";
  failed?: string;
  error?: string;
  fields?: Record<string, string>;
};

const PATH = "/settings/payment-processor";

const save = authedAction({
  role: "ADMIN",
  read: (_prev: ConnectorActionState, formData: FormData) => ({
    shopId: formData.get("shopId"),
    mode: formData.get("mode"),
    kind: formData.get("kind"),
    config: Object.fromEntries(
      [...formData.entries()].filter(([k]) => k.startsWith("config.")).map(([k, v]) => [k.slice("config.".length), String(v).trim()]),
    ),
  }),
  schema: saveConnectorSchema,
  run: saveShopConnector,
  done: (): ConnectorActionState => ({ done: "saved" }),
  refused: (r): ConnectorActionState => ({ error: r.error, fields: r.fields }),
});

const verify = authedAction({
  role: "ADMIN",
  read: (_prev: ConnectorActionState, formData: FormData) => ({ shopId: formData.get("shopId"), mode: formData.get("mode") }),
  schema: connectorTargetSchema,
  run: verifyShopConnector,
  done: (r): ConnectorActionState => (r.ok ? { done: "verified" } : { failed: `${r.code}: ${r.message}` }),
  refused: (r): ConnectorActionState => ({ error: r.error ?? "err_generic" }),
});

const remove = authedAction({
  role: "ADMIN",
  read: (_prev: ConnectorActionState, formData: FormData) => ({ shopId: formData.get("shopId"), mode: formData.get("mode") }),
  schema: connectorTargetSchema,
  run: removeShopConnector,
  done: (): ConnectorActionState => ({ done: "removed" }),
  refused: (r): ConnectorActionState => ({ error: r.error ?? "err_generic" }),
});

/** One state per mode's panel: the intent says which of the three it is. */
export async function connectorAction(prev: ConnectorActionState, formData: FormData): Promise<ConnectorActionState> {
  const intent = formData.get("intent");
  const state = await (intent === "verify" ? verify : intent === "remove" ? remove : save)(prev, formData);
  if (state.done) revalidatePath(PATH);
  return state;
}
