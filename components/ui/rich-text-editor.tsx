"use client";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type ReactNode, useState } from "react";

export type RichTextLabels = {
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  link: string;
  linkPrompt: string;
  unlink: string;
  undo: string;
  redo: string;
  toolbar: string;
};

type Props = {
  /** The editable area's id. */
  id: string;
  /** Id of the visible label (a <label> cannot name a contenteditable, aria-labelledby does). */
  labelledBy: string;
  /** Name of the hidden input that carries the HTML in the form. */
  name: string;
  defaultValue?: string;
  labels: RichTextLabels;
  describedBy?: string;
  invalid?: boolean;
  onChange?: (html: string) => void;
};

/**
 * An HTML body editor (TipTap): paragraphs, bold, italic, lists, links, undo. The HTML goes to
 * the server in a hidden input, where it is sanitized; %variables% are typed as plain text.
 * Keyboard: the toolbar is a row of buttons (Tab), the usual shortcuts work in the text.
 */
export function RichTextEditor({ id, labelledBy, name, defaultValue = "", labels, describedBy, invalid, onChange }: Props) {
  const [html, setHtml] = useState(defaultValue);
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: false } })],
    content: defaultValue,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        // Links get 24 px of height: a link alone on its line is a target (WCAG 2.2 target size).
        class:
          "prose-sm min-h-48 px-3 py-2 focus:outline-none [&_a]:inline-block [&_a]:min-h-6 [&_a]:max-w-full [&_a]:wrap-anywhere [&_a]:text-brand-700 [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6",
      },
    },
    onUpdate: ({ editor: e }) => {
      const next = e.getHTML();
      setHtml(next);
      onChange?.(next);
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive("bold"),
            italic: e.isActive("italic"),
            bulletList: e.isActive("bulletList"),
            orderedList: e.isActive("orderedList"),
            link: e.isActive("link"),
          }
        : null,
  });
  const button = (label: string, active: boolean | undefined, run: () => void, text: ReactNode) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      onClick={run}
      disabled={!editor}
      className={`rounded px-2 py-1 text-sm font-semibold ${active ? "bg-slate-300 text-slate-900" : "text-slate-800 hover:bg-slate-200"}`}
    >
      {text}
    </button>
  );
  return (
    <div className={`rounded-md border bg-white ${invalid ? "border-red-700" : "border-slate-400"}`}>
      <div role="toolbar" aria-label={labels.toolbar} aria-controls={id} className="flex flex-wrap gap-1 border-b border-slate-200 p-1">
        {button(labels.bold, state?.bold, () => editor?.chain().focus().toggleBold().run(), "B")}
        {button(labels.italic, state?.italic, () => editor?.chain().focus().toggleItalic().run(), "I")}
        {button(labels.bulletList, state?.bulletList, () => editor?.chain().focus().toggleBulletList().run(), "•")}
        {button(labels.orderedList, state?.orderedList, () => editor?.chain().focus().toggleOrderedList().run(), <NumberedListIcon />)}
        {button(
          labels.link,
          state?.link,
          () => {
            const url = window.prompt(labels.linkPrompt, "%url%");
            if (url) editor?.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
          },
          "🔗",
        )}
        {button(labels.unlink, undefined, () => editor?.chain().focus().unsetLink().run(), "⛓️‍💥")}
        {button(labels.undo, undefined, () => editor?.chain().focus().undo().run(), "↶")}
        {button(labels.redo, undefined, () => editor?.chain().focus().redo().run(), "↷")}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
    </div>
  );
}

/** A drawn "1. 2." list: a typed "1." would be visible text that the button's name must contain. */
function NumberedListIcon() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M2 2.5h1.2v4" />
      <path d="M1.8 9.6c0-1.2 2.6-1.2 2.6 0 0 .9-2.6 1.8-2.6 3h2.6" />
      <path d="M7 4.5h7.5M7 11h7.5" />
    </svg>
  );
}
