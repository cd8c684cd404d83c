import { Section } from "@/components/ui/section";
import type { TemplatePreview as Preview } from "@/lib/templates/preview-template";
import { SMS_MAX_LENGTH } from "@/lib/templates/schemas";

export type TemplatePreviewLabels = {
  title: string;
  sample: string;
  subject: string;
  frame: string;
  text: string;
  chars: string;
  smsTooLong: string;
};

/**
 * The message as the buyer would receive it (F-TPL-4). The e-mail's HTML is shown in a sandboxed
 * frame (no script, no same-origin access), even though it is sanitized.
 */
export function TemplatePreview({ preview, labels, busy }: { preview: Preview | null; labels: TemplatePreviewLabels; busy?: string }) {
  return (
    <Section
      id="preview-title"
      title={labels.title}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
      testId="preview"
    >
      <p className="text-sm text-slate-600">{labels.sample}</p>
      <p aria-live="polite" className="text-xs text-slate-600">
        {busy ?? ""}
      </p>
      {preview?.html != null ? (
        <>
          <dl className="flex gap-2 text-sm">
            <dt className="font-semibold">{labels.subject}</dt>
            <dd data-testid="preview-subject">{preview.subject}</dd>
          </dl>
          <iframe
            sandbox=""
            title={labels.frame}
            srcDoc={preview.html}
            className="h-96 w-full rounded-md border border-slate-300 bg-white"
          />
          <h3 className="text-sm font-semibold">{labels.text}</h3>
          <pre className="whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-50 p-3 text-sm" data-testid="preview-text">
            {preview.text}
          </pre>
        </>
      ) : preview ? (
        <>
          <pre className="whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-50 p-3 text-sm" data-testid="preview-text">
            {preview.text}
          </pre>
          <p className={`text-sm ${preview.tooLong ? "font-semibold text-red-700" : "text-slate-700"}`} data-testid="preview-length">
            {labels.chars.replace("{n}", String(preview.length))}
            {preview.channel === "SMS" ? ` / ${SMS_MAX_LENGTH}` : ""}
          </p>
          {preview.tooLong ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {labels.smsTooLong}
            </p>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
