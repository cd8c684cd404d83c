import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../server/db";
import { uuid7 } from "../server/uuid7";
import { safeParseInput } from "../server/validation";
import { isWhatsAppSandboxEnabled, WHATSAPP_SANDBOX_PHONE_NUMBER_ID, whatsAppSandboxToken } from "./whatsapp-account";

// The built-in WhatsApp gateway used when WHATSAPP_API_URL is not set: it answers the Cloud API's
// POST /{phoneNumberId}/messages like Meta does (bearer token, JSON, messages[0].id, errors as
// { error: { code, message } }) and keeps each accepted message for the test outbox. Numbers
// ending in 0000 are "not on WhatsApp" (code 131026).

export type SandboxAnswer = { status: number; body: Record<string, unknown> };

const graphError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}): SandboxAnswer => ({
  status,
  body: { error: { message, type: "OAuthException", code, fbtrace_id: crypto.randomBytes(8).toString("base64url"), ...extra } },
});

const messageSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  to: z.string().regex(/^\+?[1-9]\d{6,14}$/),
  type: z.enum(["text", "template"]),
  text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }).optional(),
  template: z
    .object({
      name: z.string().min(1).max(512),
      language: z.object({ code: z.string().min(2).max(15) }),
      components: z
        .array(z.object({ type: z.string(), parameters: z.array(z.object({ type: z.string(), text: z.string().optional() })) }))
        .optional(),
    })
    .optional(),
});

const safeEqual = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function receiveSandboxWhatsApp(
  db: Db,
  input: {
    phoneNumberId: string;
    authorization: string | null;
    shopId: string | null;
    body: unknown;
  },
): Promise<SandboxAnswer> {
  if (!isWhatsAppSandboxEnabled() || input.phoneNumberId !== WHATSAPP_SANDBOX_PHONE_NUMBER_ID) {
    return graphError(400, 100, `Unsupported post request. Object with ID '${input.phoneNumberId}' does not exist`, { error_subcode: 33 });
  }
  const [scheme, token] = (input.authorization ?? "").split(" ");
  if (scheme !== "Bearer" || !token || !safeEqual(token, whatsAppSandboxToken())) {
    return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
  }
  const parsed = safeParseInput(messageSchema, input.body);
  const msg = parsed.success ? parsed.data : null;
  if (!msg || (msg.type === "text" && !msg.text) || (msg.type === "template" && !msg.template)) {
    return graphError(400, 100, "(#100) Invalid parameter");
  }
  const to = msg.to.replace(/^\+/, "");
  if (to.endsWith("0000")) {
    return graphError(400, 131026, "(#131026) Message undeliverable", {
      error_data: { messaging_product: "whatsapp", details: "The recipient is not a WhatsApp user." },
    });
  }
  const text =
    msg.type === "text"
      ? msg.text!.body
      : `[${msg.template!.name} · ${msg.template!.language.code}] ${(msg.template!.components ?? [])
          .flatMap((c) => c.parameters.map((p) => p.text ?? ""))
          .join(" | ")}`;
  const id = `wamid.${crypto.randomBytes(18).toString("base64url")}`;
  const shopId = input.shopId && /^\d{8}$/.test(input.shopId) ? input.shopId : null;
  await db.sql(
    `INSERT INTO "SandboxMessage" (id, channel, "shopId", account, "from", "to", body, "providerMessageId", status)
     VALUES ($1, 'WHATSAPP', $2, $3, NULL, $4, $5, $6, 'accepted')`,
    [uuid7(), shopId, input.phoneNumberId, `+${to}`, text, id],
  );
  return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: msg.to, wa_id: to }], messages: [{ id }] } };
}
