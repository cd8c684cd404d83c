import { appUrl } from "../server/env";
import { decryptSecret, deriveSecret } from "../server/secrets";

export type SmsAccount = {
  baseUrl: string;
  login: string;
  password: string;
  sender: string;
  /** Where the account comes from: the company's settings, the environment, or the sandbox. */
  source: "company" | "environment" | "sandbox";
};

// Which SMS account sends a company's messages: the company's own (Settings › Company) when it
// has one, else the platform's (SMS_PROVIDER_URL, _LOGIN, _PASSWORD, SMS_SENDER: the seeded demo
// company and every new company use it), else the built-in sandbox gateway.

export type CompanySmsColumns = {
  smsProviderUrl: string | null;
  smsLogin: string | null;
  smsPasswordEnc: string | null;
  smsSender: string | null;
};

export type SmsGatewaySource = SmsAccount["source"];

/** No platform account: the sandbox gateway routes answer (and companies without their own use them). */
export const isSmsSandboxEnabled = () => !process.env.SMS_PROVIDER_URL;

const hasOwnAccount = (c: CompanySmsColumns) => Boolean(c.smsProviderUrl && c.smsLogin && c.smsPasswordEnc);

export function smsGatewaySource(c: CompanySmsColumns): SmsGatewaySource {
  if (hasOwnAccount(c)) return "company";
  return isSmsSandboxEnabled() ? "sandbox" : "environment";
}

/** The sandbox's account: fixed login, password derived from APP_SECRET (it signs the callbacks). */
export const smsSandboxAccount = () => ({
  baseUrl: `${appUrl()}/api/sandbox/sms`,
  login: "ACsandbox",
  password: deriveSecret("sms-sandbox-gateway"),
});

const DEFAULT_SENDER = "PAYMENT";

/** The address the operator configured for a source (trusted by the SSRF guard); a company's: none. */
export const smsOperatorUrl = (source: SmsGatewaySource) =>
  source === "environment" ? process.env.SMS_PROVIDER_URL : source === "sandbox" ? appUrl() : null;

/** The account to send with (the password decrypted). Throws if the stored password cannot be read. */
export function resolveSmsAccount(c: CompanySmsColumns): SmsAccount {
  const source = smsGatewaySource(c);
  const sender = c.smsSender || process.env.SMS_SENDER || DEFAULT_SENDER;
  if (source === "company") {
    return { source, baseUrl: c.smsProviderUrl!, login: c.smsLogin!, password: decryptSecret(c.smsPasswordEnc!), sender };
  }
  if (source === "environment") {
    return {
      source,
      baseUrl: process.env.SMS_PROVIDER_URL!,
      login: process.env.SMS_PROVIDER_LOGIN ?? "",
      password: process.env.SMS_PROVIDER_PASSWORD ?? "",
      sender,
    };
  }
  return { source, ...smsSandboxAccount(), sender };
}

/** Where providers post delivery reports; the message id finds the message (and its account). */
export const smsStatusCallbackUrl = (messageId: string) => `${appUrl()}/api/channels/sms/status?message=${messageId}`;
