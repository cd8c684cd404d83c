import { Facts } from "@/components/ui/facts";
import type { T } from "@/lib/i18n";
import type { TemplatePreview as Preview } from "@/lib/templates/preview-template";
import { findUnknownVariables } from "@/lib/templates/render-template";
import { TemplatePreview } from "./template-preview";
import { UnknownVariables } from "./unknown-variables";

/** A template read-only (viewers): what it is for, its texts, and the preview. */
export function TemplateDetails({
  template,
  preview,
  t,
  languageName,
}: {
  template: { name: string; channel: string; kind: string; subject: string | null; body: string; isDefault: boolean };
  preview: Preview;
  t: T;
  languageName: string;
}) {
  const rows: [string, string][] = [
    [t("tpl_name"), template.name],
    [t("tpl_channel"), t(template.channel === "URL" ? "tpl_channel_URL" : `channel_${template.channel}`)],
    [t("tpl_kind"), t(`tpl_kind_${template.kind}`)],
    [t("tpl_language"), languageName],
    [t("tpl_is_default"), t(template.isDefault ? "yes" : "no")],
    ...(template.subject != null ? ([[t("tpl_subject"), template.subject]] as [string, string][]) : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="read-only-note">
        {t("tpl_read_only")}
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <Facts rows={rows} />
        <h2 className="mt-4 mb-1 text-sm font-semibold">{t("tpl_body")}</h2>
        <pre className="whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-50 p-3 text-xs" data-testid="template-body">
          {template.body}
        </pre>
        <UnknownVariables
          id="unknown-saved"
          title={t("tpl_unknown_live")}
          names={findUnknownVariables(`${template.subject ?? ""}\n${template.body}`)}
        />
      </div>
      <TemplatePreview
        preview={preview}
        labels={{
          title: t("tpl_preview_title"),
          sample: t("tpl_preview_sample"),
          subject: t("tpl_preview_subject"),
          frame: t("tpl_preview_frame"),
          text: t("tpl_preview_text"),
          chars: t("tpl_preview_chars"),
          smsTooLong: t("tpl_preview_sms_too_long"),
        }}
      />
    </div>
  );
}
