"use client";
import TextAlign from "@tiptap/extension-text-align";
import { Color, FontSize, TextStyle } from "@tiptap/extension-text-style";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import {
  AlignCenter,
  AlignJustify,
  AlignLeft,
  AlignRight,
  Bold,
  Italic,
  Link2,
  Link2Off,
  List,
  ListOrdered,
  Palette,
  Redo2,
  Underline,
  Undo2,
} from "lucide-react";
import { type ReactNode, useState } from "react";
import type { Messages } from "@/lib/i18n/messages/types";

export type RichTextLabels = {
  bold: string;
  italic: string;
  underline: string;
  bulletList: string;
  orderedList: string;
  link: string;
  linkPrompt: string;
  unlink: string;
  undo: string;
  redo: string;
  alignLeft: string;
  alignCenter: string;
  alignRight: string;
  alignJustify: string;
  color: string;
  size: string;
  sizeDefault: string;
  toolbar: string;
};

/** The alignment, colour, size and underline names every editor shares (the catalogue's `rte_` keys). */
export const formattingLabels = (m: Messages) => ({
  underline: m.rte_underline,
  alignLeft: m.rte_align_left,
  alignCenter: m.rte_align_center,
  alignRight: m.rte_align_right,
  alignJustify: m.rte_align_justify,
  color: m.rte_color,
  size: m.rte_size,
  sizeDefault: m.rte_size_default,
});

/** The text sizes offered (e-mail clients know px best); "" is the body's own size. */
const SIZES = ["12px", "14px", "18px", "24px"] as const;
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
 * An HTML body editor (TipTap): paragraphs, bold, italic, underline, alignment, text colour and
 * size, lists, links, undo. The HTML goes to the server in a hidden input, where it is sanitized;
 * %variables% are typed as plain text. Keyboard: the toolbar is a row of controls (Tab), the usual
 * shortcuts work in the text. Each icon button has its accessible name (lucide-react icons, hidden).
 */
export function RichTextEditor({ id, labelledBy, name, defaultValue = "", labels, describedBy, invalid, onChange }: Props) {
  const [html, setHtml] = useState(defaultValue);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, autolink: false } }),
      TextAlign.configure({ types: ["heading", "paragraph"] }),
      TextStyle,
      Color,
      FontSize,
    ],
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
            underline: e.isActive("underline"),
            bulletList: e.isActive("bulletList"),
            orderedList: e.isActive("orderedList"),
            link: e.isActive("link"),
            align: (["left", "center", "right", "justify"] as const).find((a) => e.isActive({ textAlign: a })) ?? "left",
            color: (e.getAttributes("textStyle").color as string | undefined) ?? "",
            size: (e.getAttributes("textStyle").fontSize as string | undefined) ?? "",
          }
        : null,
  });
  const chain = () => editor?.chain().focus();
  const button = (label: string, active: boolean | undefined, run: () => void, icon: ReactNode) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      onClick={run}
      disabled={!editor}
      className={`rounded px-2 py-1 text-sm font-semibold ${active ? "bg-slate-300 text-slate-900" : "text-slate-800 hover:bg-slate-200"}`}
    >
      {icon}
    </button>
  );
  const icon = { size: 16, "aria-hidden": true, focusable: false } as const;
  const align = (a: "left" | "center" | "right" | "justify", label: string, glyph: ReactNode) =>
    button(label, state?.align === a, () => chain()?.setTextAlign(a).run(), glyph);
  return (
    <div className={`rounded-md border bg-white ${invalid ? "border-red-700" : "border-slate-400"}`}>
      <div
        role="toolbar"
        aria-label={labels.toolbar}
        aria-controls={id}
        className="flex flex-wrap items-center gap-1 border-b border-slate-200 p-1"
      >
        {button(labels.bold, state?.bold, () => chain()?.toggleBold().run(), <Bold {...icon} />)}
        {button(labels.italic, state?.italic, () => chain()?.toggleItalic().run(), <Italic {...icon} />)}
        {button(labels.underline, state?.underline, () => chain()?.toggleUnderline().run(), <Underline {...icon} />)}
        {align("left", labels.alignLeft, <AlignLeft {...icon} />)}
        {align("center", labels.alignCenter, <AlignCenter {...icon} />)}
        {align("right", labels.alignRight, <AlignRight {...icon} />)}
        {align("justify", labels.alignJustify, <AlignJustify {...icon} />)}
        <label className="flex items-center gap-1 rounded px-2 py-1 text-slate-800 hover:bg-slate-200" title={labels.color}>
          <Palette {...icon} />
          <span className="sr-only">{labels.color}</span>
          <input
            type="color"
            value={state?.color && /^#[0-9a-f]{6}$/i.test(state.color) ? state.color : "#000000"}
            onChange={(e) => chain()?.setColor(e.target.value).run()}
            disabled={!editor}
            className="h-6 w-6 cursor-pointer border-0 bg-transparent p-0"
          />
        </label>
        <select
          aria-label={labels.size}
          title={labels.size}
          value={state?.size ?? ""}
          onChange={(e) => (e.target.value ? chain()?.setFontSize(e.target.value).run() : chain()?.unsetFontSize().run())}
          disabled={!editor}
          className="rounded border border-slate-300 bg-white px-1 py-1 text-sm"
        >
          <option value="">{labels.sizeDefault}</option>
          {SIZES.map((px) => (
            <option key={px} value={px}>
              {px}
            </option>
          ))}
        </select>
        {button(labels.bulletList, state?.bulletList, () => chain()?.toggleBulletList().run(), <List {...icon} />)}
        {button(labels.orderedList, state?.orderedList, () => chain()?.toggleOrderedList().run(), <ListOrdered {...icon} />)}
        {button(
          labels.link,
          state?.link,
          () => {
            const url = window.prompt(labels.linkPrompt, "%url%");
            if (url) chain()?.extendMarkRange("link").setLink({ href: url }).run();
          },
          <Link2 {...icon} />,
        )}
        {button(labels.unlink, undefined, () => chain()?.unsetLink().run(), <Link2Off {...icon} />)}
        {button(labels.undo, undefined, () => chain()?.undo().run(), <Undo2 {...icon} />)}
        {button(labels.redo, undefined, () => chain()?.redo().run(), <Redo2 {...icon} />)}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
    </div>
  );
}
