import type { CountryCode } from "libphonenumber-js";
import { localeOfPhoneCountry, normalisePhoneNumber } from "../channels/phone-number";
import { isPageLanguage, localeOf } from "../i18n/locales";
import type { AmountUpdate } from "../orders/amount-update";
import type { CreateOrderInput } from "../orders/create-order";
import type { Channel, ThreeDsPreference } from "../server/generated/prisma/enums";
import { LyraError } from "./error-codes";
import type { CreatePaymentOrderRequest } from "./schemas";

const THREE_DS: Record<string, ThreeDsPreference> = {
  AUTO: "NO_PREFERENCE",
  NO_PREFERENCE: "NO_PREFERENCE",
  FRICTIONLESS: "FRICTIONLESS",
  NO_CHALLENGE_REQUESTED: "FRICTIONLESS",
  DISABLED: "FRICTIONLESS",
  CHALLENGE_REQUESTED: "CHALLENGE",
  CHALLENGE_MANDATE: "CHALLENGE",
  ENABLED: "CHALLENGE",
};
const ALIAS = { PAYMENT: "NONE", ASK_REGISTER_PAY: "PROPOSE", REGISTER_PAY: "AUTOMATIC" } as const;

const EMAIL_RE = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const splitEmails = (s: string) =>
  s
    .split(/[;,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** "fr" / "fr-FR" / "fr_fr" → "fr_FR". */
export function normaliseLocale(locale: string): string {
  const [l, c] = locale.split(/[_-]/) as [string, string | undefined];
  const lang = l.toLowerCase();
  if (c) return `${lang}_${c.toUpperCase()}`;
  return isPageLanguage(lang) ? localeOf(lang) : `${lang}_${lang.toUpperCase()}`;
}

type Fields = Omit<CreatePaymentOrderRequest, "amount" | "currency">;

/**
 * API request → the domain's order fields, with the cross-field rules of the spec (channel
 * options per channel, REGISTER actions need an e-mail, no alias with the data collection form).
 * Phone numbers are normalised to E.164, a number without "+" being of `phoneCountry` (the shop's);
 * an SMS without a locale takes the one of its number's country.
 */
/**
 * allowDCFAmountUpdate (issue 12): NONE, or our RANGE / FREE with bounds in minor units in
 * allowDCFAmountUpdateMin / Max (the spec documents no values beyond NONE). Undefined: not given.
 */
function toAmountUpdate(r: Fields): AmountUpdate | null | undefined {
  const mode = r.allowDCFAmountUpdate;
  const { allowDCFAmountUpdateMin: min, allowDCFAmountUpdateMax: max } = r;
  if (mode === undefined || mode === "NONE") {
    if (min !== undefined || max !== undefined)
      throw new LyraError("INT_051", "Invalid input allowDCFAmountUpdateMin/Max: only with allowDCFAmountUpdate RANGE or FREE");
    return mode === "NONE" ? null : undefined;
  }
  if (min === undefined) throw new LyraError("INT_051", `Invalid input allowDCFAmountUpdateMin: required with ${mode}`);
  if (mode === "FREE") {
    if (max !== undefined) throw new LyraError("INT_051", "Invalid input allowDCFAmountUpdateMax: not with FREE");
    return { mode, min };
  }
  if (max === undefined) throw new LyraError("INT_051", "Invalid input allowDCFAmountUpdateMax: required with RANGE");
  return { mode, min, max };
}

export function toOrderFields(
  r: Fields,
  channel: Channel,
  opts: { phoneCountry?: CountryCode } = {},
): Omit<CreateOrderInput, "actor" | "shopId" | "mode" | "amountMinor" | "currency"> {
  const co = r.channelOptions;
  let recipient: string | undefined;
  let bcc: string | undefined;
  let subject: string | undefined;
  let message: string | undefined;
  let phoneLocale: string | null = null;
  const phone = (typed: string, code: "INT_838" | "INT_837", field: string) => {
    const p = normalisePhoneNumber(typed, opts.phoneCountry ?? "FR");
    if (!p.ok) throw new LyraError(code, `Invalid input ${field} [value=${JSON.stringify(typed).slice(0, 60)}]: not a valid phone number`);
    return p;
  };
  if (channel === "MAIL") {
    const mo = co?.mailOptions;
    if (!mo) throw new LyraError("INT_841", "channelOptions.mailOptions is required for channelType MAIL");
    if (!mo.recipient) throw new LyraError("INT_850", "channelOptions.mailOptions.recipient is required");
    const bad = [...splitEmails(mo.recipient), ...splitEmails(mo.bcc ?? "")].filter((e) => !EMAIL_RE.test(e));
    if (bad.length || !splitEmails(mo.recipient).length)
      throw new LyraError("PSP_1032", `Invalid recipient e-mail [value=${bad.join(";") || mo.recipient}]`);
    // Only a recipient (no subject, body nor template): the shop's default e-mail template, as Lyra does.
    recipient = splitEmails(mo.recipient).join(";");
    bcc = mo.bcc ? splitEmails(mo.bcc).join(";") : undefined;
    subject = mo.subject;
    message = mo.body;
  } else if (channel === "SMS") {
    const so = co?.smsOptions;
    if (!so) throw new LyraError("INT_836", "channelOptions.smsOptions is required for channelType SMS");
    if (!so.phoneNumber) throw new LyraError("INT_838", "channelOptions.smsOptions.phoneNumber is required");
    const p = phone(so.phoneNumber, "INT_838", "channelOptions.smsOptions.phoneNumber");
    recipient = p.e164;
    phoneLocale = localeOfPhoneCountry(p.country);
    message = so.message;
  } else if (channel === "WHATSAPP") {
    const wo = co?.whatsAppOptions;
    if (!wo) throw new LyraError("INT_839", "channelOptions.whatsAppOptions is required for channelType WHATSAPP");
    if (!wo.phoneNumber) throw new LyraError("INT_837", "channelOptions.whatsAppOptions.phoneNumber is required");
    recipient = phone(wo.phoneNumber, "INT_837", "channelOptions.whatsAppOptions.phoneNumber").e164;
  }

  const formAction = r.formAction ?? "PAYMENT";
  if (formAction !== "PAYMENT" && !r.customer?.email)
    throw new LyraError("INT_811", `customer.email is required with formAction ${formAction}`);
  if (formAction !== "PAYMENT" && r.dataCollectionForm)
    throw new LyraError("INT_875", `formAction ${formAction} cannot be combined with dataCollectionForm`);
  const aliasMode = ALIAS[formAction];
  // An alias request forces strong authentication (F-ORD-7).
  const threeDs = aliasMode !== "NONE" ? "CHALLENGE" : r.strongAuthentication ? THREE_DS[r.strongAuthentication] : undefined;
  const card = r.transactionOptions?.cardOptions;
  const inst = r.transactionOptions?.installmentOptions;
  if (inst?.schedules && (inst.count !== undefined || inst.period !== undefined || inst.firstAmount !== undefined)) {
    throw new LyraError("INT_945", "Invalid input installmentOptions: count/period/firstAmount and schedules are exclusive");
  }

  const apiData: Record<string, unknown> = {
    strongAuthentication: r.strongAuthentication,
    customer: r.customer,
    paymentMethods: r.paymentMethods,
    subMerchantDetails: r.subMerchantDetails,
    acquirerTransientData: r.acquirerTransientData,
    returnMode: r.returnMode,
    returnUrl: r.returnUrl,
    cancelUrl: r.cancelUrl,
    successUrl: r.successUrl,
    refusedUrl: r.refusedUrl,
    errorUrl: r.errorUrl,
    postWalletUrl: r.postWalletUrl,
    redirectSuccessTimeout: r.redirectSuccessTimeout,
    redirectErrorTimeout: r.redirectErrorTimeout,
    paymentMethodToken: r.paymentMethodToken,
    installmentNumber: card?.installmentNumber,
    template: co?.mailOptions?.template,
  };
  return {
    reference: r.orderId,
    validUntil: r.expirationDate,
    locale: r.locale ? normaliseLocale(r.locale) : (phoneLocale ?? undefined),
    buyerEmail: r.paymentReceiptEmail ?? r.customer?.email,
    description: r.description,
    merchantComment: r.merchantComment,
    taxAmount: r.taxAmount,
    taxRate: r.taxRate,
    metadata: r.metadata,
    aliasMode: r.formAction ? aliasMode : undefined,
    threeDsPreference: threeDs,
    dataCollectionForm: r.dataCollectionForm,
    validationMode: card?.manualValidation ? (card.manualValidation === "YES" ? "MANUAL" : "AUTOMATIC") : undefined,
    captureDelay: card?.captureDelay,
    ipnTargetUrl: r.ipnTargetUrl,
    amountUpdate: toAmountUpdate(r),
    // A schedule's date is the day as written (YYYY-MM-DD, a time part ignored), in the shop's zone.
    installmentPlan: inst
      ? inst.schedules
        ? { kind: "SCHEDULE", schedules: inst.schedules.map((s) => ({ date: s.date.slice(0, 10), amount: s.amount })) }
        : { kind: "PERIOD", count: inst.count, period: inst.period, firstAmount: inst.firstAmount }
      : undefined,
    recipient,
    bcc,
    subject,
    message,
    apiData: JSON.parse(JSON.stringify(apiData)),
  };
}
