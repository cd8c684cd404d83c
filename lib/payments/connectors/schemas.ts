import { z } from "zod";

export const connectorModeSchema = z.enum(["TEST", "PRODUCTION"]);
export const connectorKindSchema = z.enum(["LYRA_FORM", "STRIPE"]);

/** The settings form's save: the kind and its fields (each connector's own schema checks them next). */
export const saveConnectorSchema = z.object({
  shopId: z.string().regex(/^\d{8}$/, "err_shop"),
  mode: connectorModeSchema,
  kind: connectorKindSchema,
  config: z.record(z.string().max(40), z.string().max(500)),
});

export const connectorTargetSchema = z.object({
  shopId: z.string().regex(/^\d{8}$/, "err_shop"),
  mode: connectorModeSchema,
});
