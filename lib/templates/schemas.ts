import { z } from "zod";
import { TEMPLATE_KINDS, type TemplateChannel, type TemplateKind } from "../../emails/types";
import { PAGE_LANGUAGES } from "../i18n/locales";

// Messages are keys of the message catalogue (lib/i18n/messages/templates.ts).

/** Channels a shop writes templates for (F-TPL-1, F-TPL-2). */
export const TEMPLATE_CHANNELS = ["MAIL", "SMS", "WHATSAPP", "URL"] as const satisfies readonly TemplateChannel[];

/** Receipts are e-mails only, reminders e-mails and SMS; every channel has an order message. */
export const KINDS_BY_CHANNEL: Record<TemplateChannel, readonly TemplateKind[]> = {
  MAIL: TEMPLATE_KINDS,
  SMS: ["ORDER", "REMINDER"],
  WHATSAPP: ["ORDER"],
  URL: ["ORDER"],
};

/** The lists of Settings › Templates, in display order: one per channel and kind. */
export const TEMPLATE_GROUPS = TEMPLATE_CHANNELS.flatMap((channel) => KINDS_BY_CHANNEL[channel].map((kind) => ({ channel, kind })));

/** What is stored. An SMS is also checked once rendered, at send time (SMS_MAX_LENGTH). */
export const BODY_MAX_LENGTH: Record<TemplateChannel, number> = { MAIL: 100_000, SMS: 1000, WHATSAPP: 1000, URL: 2000 };
export const SMS_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 100;
export const SUBJECT_MAX_LENGTH = 255;

const isChannel = (v: unknown): v is TemplateChannel => (TEMPLATE_CHANNELS as readonly unknown[]).includes(v);
const emptyToNull = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? null : v);

/** An HTML body "has text" when something remains once tags are removed (or it shows an image). */
export const hasContent = (channel: TemplateChannel, body: string) =>
  channel === "MAIL"
    ? /<img\s/i.test(body) ||
      body
        .replace(/<[^>]*>/g, "")
        .replace(/&nbsp;/g, " ")
        .trim() !== ""
    : body.trim() !== "";

/** One template as the form or a client sends it (F-TPL-1). */
export const templateSchema = z
  .object({
    name: z.string({ error: "err_tpl_name" }).trim().min(1, { error: "err_tpl_name" }).max(NAME_MAX_LENGTH, { error: "err_tpl_name" }),
    channel: z.enum(TEMPLATE_CHANNELS, { error: "err_tpl_channel" }),
    kind: z.enum(TEMPLATE_KINDS, { error: "err_tpl_kind" }),
    language: z.enum(PAGE_LANGUAGES, { error: "err_tpl_language" }),
    subject: z.preprocess(
      emptyToNull,
      z.string({ error: "err_tpl_subject_too_long" }).trim().max(SUBJECT_MAX_LENGTH, { error: "err_tpl_subject_too_long" }).nullable(),
    ),
    body: z.string({ error: "err_tpl_body_required" }).max(BODY_MAX_LENGTH.MAIL, { error: "err_tpl_body_too_long" }),
    isDefault: z.boolean({ error: "err_generic" }).default(false),
  })
  .superRefine(
    (t, ctx) => {
      // Also when other fields are wrong, so that every bad field is named at once.
      if (!isChannel(t.channel)) return;
      if (
        typeof t.kind === "string" &&
        (TEMPLATE_KINDS as readonly string[]).includes(t.kind) &&
        !KINDS_BY_CHANNEL[t.channel].includes(t.kind)
      ) {
        ctx.addIssue({ code: "custom", path: ["kind"], message: "err_tpl_kind_channel" });
      }
      if (t.channel === "MAIL" && (t.subject == null || (typeof t.subject === "string" && t.subject.trim() === ""))) {
        ctx.addIssue({ code: "custom", path: ["subject"], message: "err_tpl_subject_required" });
      }
      if (typeof t.body !== "string") return;
      if (t.body.length > BODY_MAX_LENGTH[t.channel]) ctx.addIssue({ code: "custom", path: ["body"], message: "err_tpl_body_too_long" });
      else if (!hasContent(t.channel, t.body)) ctx.addIssue({ code: "custom", path: ["body"], message: "err_tpl_body_required" });
    },
    { when: ({ value }) => typeof value === "object" && value !== null },
  )
  .transform((t) => ({ ...t, body: t.body.trim(), subject: t.channel === "MAIL" ? t.subject : null }));

export type TemplateFields = z.infer<typeof templateSchema>;
/** As typed in the form or sent by a client: every field, not yet checked. */
export type TemplateInput = { [K in keyof TemplateFields]?: unknown };

/** What the preview renders: a template, named or not, checked only enough to be rendered. */
export const templatePreviewSchema = z.object({
  channel: z.enum(TEMPLATE_CHANNELS, { error: "err_tpl_channel" }),
  kind: z.enum(TEMPLATE_KINDS, { error: "err_tpl_kind" }),
  language: z.enum(PAGE_LANGUAGES, { error: "err_tpl_language" }),
  subject: z.string().max(SUBJECT_MAX_LENGTH, { error: "err_tpl_subject_too_long" }).nullish(),
  body: z.string().max(BODY_MAX_LENGTH.MAIL, { error: "err_tpl_body_too_long" }),
});

/** Checked by the preview itself: a stored row or the form's values as they are. */
export type TemplatePreviewInput = { channel: string; kind: string; language: string; subject?: string | null; body: string };

/** A built-in template, designated by what it is for ("Customise" copies it). */
export const builtInRefSchema = z
  .object({
    channel: z.enum(TEMPLATE_CHANNELS, { error: "err_tpl_channel" }),
    kind: z.enum(TEMPLATE_KINDS, { error: "err_tpl_kind" }),
    language: z.enum(PAGE_LANGUAGES, { error: "err_tpl_language" }),
  })
  .refine((r) => KINDS_BY_CHANNEL[r.channel].includes(r.kind), { path: ["kind"], error: "err_tpl_kind_channel" });

export const templateIdSchema = z.uuid({ error: "err_tpl_not_found" });
