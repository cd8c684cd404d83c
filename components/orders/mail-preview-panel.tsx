import { Section } from "@/components/ui/section";
import type { MailPreview } from "@/lib/orders/preview-mail-order";

type Labels = {
  title: string;
  recipient: string;
  nobody: string;
  subject: string;
  html: string;
  frame: string;
  text: string;
  note: string;
};

/**
 * The rendered message as the first recipient would get it. The HTML goes in a sandboxed frame
 * (no scripts, no same-origin access) so nothing in a template can act on the back office.
 */
export function MailPreviewPanel({ preview, labels }: { preview: MailPreview; labels: Labels }) {
  return (
    <Section
      id="preview-title"
      title={labels.title}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
      testId="mail-preview"
    >
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{labels.recipient}</dt>
        <dd data-testid="preview-recipient">{preview.recipient ?? labels.nobody}</dd>
        <dt className="text-slate-600">{labels.subject}</dt>
        <dd data-testid="preview-subject" className="font-medium">
          {preview.subject}
        </dd>
      </dl>
      <h3 className="text-sm font-semibold">{labels.html}</h3>
      <iframe
        sandbox=""
        srcDoc={preview.html}
        title={labels.frame}
        lang={preview.language}
        className="h-96 w-full rounded-md border border-slate-300 bg-white"
      />
      <h3 className="text-sm font-semibold">{labels.text}</h3>
      <pre
        lang={preview.language}
        className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm"
        data-testid="preview-text"
      >
        {preview.text}
      </pre>
      <p className="text-xs text-slate-600">{labels.note}</p>
    </Section>
  );
}
