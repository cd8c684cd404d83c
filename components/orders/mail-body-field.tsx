"use client";
// The e-mail body with its rich-text editor: the e-mail dialog and the "modify and resend" form.
import { FieldRow } from "@/components/ui/field";
import { formattingLabels, RichTextEditor, type RichTextLabels } from "@/components/ui/rich-text-editor";
import type { Messages } from "@/lib/i18n/messages/types";

/** The editor's toolbar names, in the interface's language. */
export const richTextLabels = (m: Messages): RichTextLabels => ({
  toolbar: m.mail_rte_toolbar,
  bold: m.mail_rte_bold,
  italic: m.mail_rte_italic,
  bulletList: m.mail_rte_bullets,
  orderedList: m.mail_rte_numbers,
  link: m.mail_rte_link,
  linkPrompt: m.mail_rte_link_prompt,
  unlink: m.mail_rte_unlink,
  undo: m.mail_rte_undo,
  redo: m.mail_rte_redo,
  ...formattingLabels(m),
});

export function MailBodyField({
  messages: m,
  value,
  error,
  editorKey,
  onChange,
}: {
  messages: Messages;
  value: string;
  error?: string;
  editorKey?: number;
  onChange?: (html: string) => void;
}) {
  return (
    <FieldRow id="message" label={m.mail_field_body} labelId="message-label" textLabel help={m.mail_body_help} error={error}>
      {(w) => (
        <RichTextEditor
          key={editorKey}
          id="message"
          labelledBy="message-label"
          name="message"
          defaultValue={value}
          describedBy={w["aria-describedby"]}
          invalid={Boolean(w["aria-invalid"])}
          labels={richTextLabels(m)}
          onChange={onChange}
        />
      )}
    </FieldRow>
  );
}
