import { appUrl } from "../server/env";
import { deriveSecret } from "../server/secrets";

export type WhatsAppAccount = {
  baseUrl: string;
  phoneNumberId: string;
  token: string;
  /** A pre-approved template to send instead of free text (business-initiated conversations). */
  template: { name: string; params: string[] } | null;
  source: "environment" | "sandbox";
};

// The platform's WhatsApp Business account (WHATSAPP_API_URL, WHATSAPP_TOKEN,
// WHATSAPP_PHONE_NUMBER_ID, optional WHATSAPP_TEMPLATE_NAME), else the built-in sandbox gateway.

/** No WHATSAPP_API_URL: the sandbox gateway route answers and every message goes to it. */
export const isWhatsAppSandboxEnabled = () => !process.env.WHATSAPP_API_URL;

export const WHATSAPP_SANDBOX_PHONE_NUMBER_ID = "100000000000000";
export const whatsAppSandboxToken = () => deriveSecret("whatsapp-sandbox-gateway");

/** Template body parameters, in order: names of message variables (default: shop, amount, reference, end date, link). */
export const whatsAppTemplateParams = () =>
  (process.env.WHATSAPP_TEMPLATE_PARAMS || "shop_name,amount,reference,end_date,url")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The address the operator configured for a source: calls on its origin skip the SSRF guard. */
export const whatsAppOperatorUrl = (source: WhatsAppAccount["source"]) =>
  source === "environment" ? process.env.WHATSAPP_API_URL : appUrl();

export function resolveWhatsAppAccount(): WhatsAppAccount {
  const name = process.env.WHATSAPP_TEMPLATE_NAME?.trim();
  const template = name ? { name, params: whatsAppTemplateParams() } : null;
  if (isWhatsAppSandboxEnabled()) {
    return {
      source: "sandbox",
      baseUrl: `${appUrl()}/api/sandbox/whatsapp`,
      phoneNumberId: WHATSAPP_SANDBOX_PHONE_NUMBER_ID,
      token: whatsAppSandboxToken(),
      template,
    };
  }
  return {
    source: "environment",
    baseUrl: process.env.WHATSAPP_API_URL ?? "",
    phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID ?? "",
    token: process.env.WHATSAPP_TOKEN ?? "",
    template,
  };
}
