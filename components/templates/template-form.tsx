"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { CheckboxField, controlClass, Field, FieldRow } from "@/components/ui/field";
import { labelTexts, liveBinder } from "@/components/ui/field-binding";
import { ErrorSummary } from "@/components/ui/form-alert";
import { formattingLabels, RichTextEditor } from "@/components/ui/rich-text-editor";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { builtInTemplate } from "@/emails";
import type { Messages } from "@/lib/i18n/messages/types";
import { previewTemplateAction, saveTemplateAction } from "@/lib/templates/actions";
import type { TemplatePreview as Preview } from "@/lib/templates/preview-template";
import { findUnknownVariables } from "@/lib/templates/render-template";
import { BODY_MAX_LENGTH, KINDS_BY_CHANNEL, NAME_MAX_LENGTH, SUBJECT_MAX_LENGTH, type TEMPLATE_CHANNELS } from "@/lib/templates/schemas";
import { TemplateKeyFields } from "./template-key-fields";
import { TemplatePreview } from "./template-preview";
import { UnknownVariables } from "./unknown-variables";
import { VariableList } from "./variable-list";

type Channel = (typeof TEMPLATE_CHANNELS)[number];
export type TemplateValues = {
  name: string;
  channel: Channel;
  kind: string;
  language: string;
  subject: string;
  body: string;
  isDefault: boolean;
};

const LABELS: Record<string, string> = {
  name: "tpl_name",
  channel: "tpl_channel",
  kind: "tpl_kind",
  language: "tpl_language",
  subject: "tpl_subject",
  body: "tpl_body",
};
const builtIn = (v: Pick<TemplateValues, "channel" | "kind" | "language">) =>
  builtInTemplate(v.channel, (KINDS_BY_CHANNEL[v.channel].includes(v.kind as "ORDER") ? v.kind : "ORDER") as "ORDER", v.language);

/** At the end of the text: in the last paragraph of an HTML body, after a space in plain text. */
const appendVariable = (body: string, name: string, html: boolean) => {
  const v = `%${name}%`;
  if (!html) return body ? `${body}${/\s$/.test(body) ? "" : " "}${v}` : v;
  return /<\/p>\s*$/.test(body) ? body.replace(/<\/p>\s*$/, ` ${v}</p>`) : `${body}<p>${v}</p>`;
};

/**
 * The template editor: name, channel, purpose, language, subject and body (rich text for e-mails,
 * plain text otherwise), default; the variables, unknown ones flagged while typing, and a live
 * preview rendered by the server with a sample order. Receipts and "default" are offered to
 * administrators only (they are settings).
 */
export function TemplateForm({
  shopId,
  templateId,
  initial,
  preview: initialPreview,
  savedWarnings,
  notice,
  languages,
  isAdmin,
  messages: m,
}: {
  shopId: string;
  templateId: string | null;
  initial: TemplateValues;
  preview: Preview | null;
  savedWarnings: string[];
  notice: string | null;
  languages: { value: string; label: string }[];
  isAdmin: boolean;
  messages: Messages;
}) {
  const { state, action, pending, text: msg, err } = useFormAnswer(saveTemplateAction, m);
  const texts = labelTexts(m);
  const [v, setV] = useState(initial);
  // Bumped when the body is replaced from outside the editor (variable inserted, channel changed).
  const [editorKey, setEditorKey] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const isMail = v.channel === "MAIL";
  const live = liveBinder(err, v, change);

  function change(next: Partial<TemplateValues>) {
    const merged = { ...v, ...next };
    if (!KINDS_BY_CHANNEL[merged.channel].includes(merged.kind as "ORDER")) merged.kind = "ORDER";
    // Still the built-in text of the previous choice: follow the new choice.
    const before = builtIn(v);
    const choiceChanged = merged.channel !== v.channel || merged.kind !== v.kind || merged.language !== v.language;
    if (choiceChanged && v.body === before.body && v.subject === (before.subject ?? "")) {
      const after = builtIn(merged);
      merged.body = after.body;
      merged.subject = after.subject ?? "";
      setEditorKey((k) => k + 1);
    } else if ((merged.channel === "MAIL") !== (v.channel === "MAIL")) {
      setEditorKey((k) => k + 1);
    }
    setV(merged);
  }

  function insert(name: string) {
    setV({ ...v, body: appendVariable(v.body, name, isMail) });
    if (isMail) setEditorKey((k) => k + 1);
    else textarea.current?.focus();
  }

  // Live preview: the server renders the values as typed, shortly after the last change.
  const [preview, setPreview] = useState(initialPreview);
  const [previewing, startPreview] = useTransition();
  const first = useRef(true);
  const latest = useRef(0);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const n = ++latest.current;
    const timer = setTimeout(() => {
      startPreview(async () => {
        const p = await previewTemplateAction({
          shopId,
          template: { channel: v.channel, kind: v.kind, language: v.language, subject: isMail ? v.subject : null, body: v.body },
        });
        if (n === latest.current && p) setPreview(p);
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [shopId, v.channel, v.kind, v.language, v.subject, v.body, isMail]);
  useEffect(() => {
    if (state.preview) setPreview(state.preview);
  }, [state.preview]);

  const unknown = findUnknownVariables(`${isMail ? v.subject : ""}\n${v.body}`);
  const warnings = state.warnings ?? (state.fields || state.error ? [] : savedWarnings);
  const rte = {
    bold: m.tpl_rte_bold,
    italic: m.tpl_rte_italic,
    bulletList: m.tpl_rte_bullet_list,
    orderedList: m.tpl_rte_ordered_list,
    link: m.tpl_rte_link,
    linkPrompt: m.tpl_rte_link_prompt,
    unlink: m.tpl_rte_unlink,
    undo: m.tpl_rte_undo,
    redo: m.tpl_rte_redo,
    toolbar: m.tpl_rte_toolbar,
    ...formattingLabels(m),
  };
  return (
    <div className="flex flex-col gap-6">
      <form action={action} noValidate className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
        {notice && !state.saved && !state.fields ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-notice="done">
            {msg(notice)}
          </p>
        ) : null}
        <ErrorSummary state={state} text={msg} target={(f) => ({ id: f, label: msg(LABELS[f] ?? f) })} fallback={m.form_has_errors} />
        <input type="hidden" name="shopId" value={shopId} />
        {templateId ? <input type="hidden" name="id" value={templateId} /> : null}
        <Field {...live("name")} {...texts("tpl_name")} maxLength={NAME_MAX_LENGTH} required />
        <TemplateKeyFields messages={m} values={v} languages={languages} receipts={isAdmin} err={err} change={change} />
        {isMail ? <Field {...live("subject")} {...texts("tpl_subject")} maxLength={SUBJECT_MAX_LENGTH} required /> : null}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="flex min-w-0 flex-col gap-1">
            <FieldRow
              id="body"
              label={m.tpl_body}
              labelId="body-label"
              textLabel={isMail}
              help={`${msg(`tpl_body_help_${v.channel}`)}${isMail ? "" : ` ${v.body.length} / ${BODY_MAX_LENGTH[v.channel]}`}`}
              error={err("body")}
            >
              {(w) =>
                isMail ? (
                  <RichTextEditor
                    key={editorKey}
                    id="body"
                    labelledBy="body-label"
                    name="body"
                    defaultValue={v.body}
                    labels={rte}
                    describedBy={w["aria-describedby"]}
                    invalid={Boolean(w["aria-invalid"])}
                    onChange={(body) => setV((cur) => ({ ...cur, body }))}
                  />
                ) : (
                  <textarea
                    {...w}
                    ref={textarea}
                    rows={6}
                    value={v.body}
                    onChange={(e) => change({ body: e.target.value })}
                    maxLength={BODY_MAX_LENGTH[v.channel]}
                    className={controlClass(err("body"))}
                  />
                )
              }
            </FieldRow>
            <UnknownVariables id="unknown-live" title={m.tpl_unknown_live} names={unknown} live />
          </div>
          <VariableList
            onInsert={insert}
            labels={{ title: m.tpl_vars_title, help: m.tpl_vars_help, insert: m.tpl_vars_insert }}
            meaning={(name) => msg(`tpl_var_${name}`)}
          />
        </div>
        {isAdmin ? (
          <CheckboxField
            id="isDefault"
            {...texts("tpl_is_default")}
            checked={v.isDefault}
            onChange={(e) => change({ isDefault: e.target.checked })}
          />
        ) : null}
        <p role="status" className="text-sm font-medium text-green-800">
          {state.saved ? m[state.saved === "changed" ? "tpl_saved" : "tpl_unchanged"] : ""}
        </p>
        <UnknownVariables id="unknown-saved" title={m.tpl_unknown_saved} names={warnings} />
        <div>
          <button type="submit" className={buttonClass()} disabled={pending}>
            {templateId ? m.tpl_save : m.tpl_create}
          </button>
        </div>
      </form>
      <TemplatePreview
        preview={preview}
        busy={previewing ? m.tpl_preview_updating : undefined}
        labels={{
          title: m.tpl_preview_title,
          sample: m.tpl_preview_sample,
          subject: m.tpl_preview_subject,
          frame: m.tpl_preview_frame,
          text: m.tpl_preview_text,
          chars: m.tpl_preview_chars,
          smsTooLong: m.tpl_preview_sms_too_long,
        }}
      />
    </div>
  );
}
