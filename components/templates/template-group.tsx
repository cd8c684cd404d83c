import Link from "next/link";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { confirmLabels } from "@/components/ui/confirm-labels";
import { DataTable } from "@/components/ui/data-table";
import { hasRole, type UserActor } from "@/lib/auth/actor";
import type { T } from "@/lib/i18n";
import { customizeTemplateAction, deleteTemplateAction, duplicateTemplateAction, makeTemplateDefaultAction } from "@/lib/templates/actions";
import type { TemplateList } from "@/lib/templates/find-templates";
import { canChangeTemplate } from "@/lib/templates/template-permissions";

const cell = "border-t border-slate-200 px-3 py-2 align-top";
const head = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-100";
const badge = (tone: "green" | "slate") =>
  `inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tone === "green" ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-800"}`;

/**
 * One channel and kind: the shop's templates, then the built-in one of each shop language. Each
 * action shows only to who may take it: defaults, receipts and built-ins are administrators'.
 */
export function TemplateGroup({
  shopId,
  group,
  actor,
  t,
  languageName,
}: {
  shopId: string;
  group: TemplateList["groups"][number];
  actor: UserActor;
  t: T;
  languageName: (code: string) => string;
}) {
  const id = `group-${group.channel}-${group.kind}`;
  const isAdmin = hasRole(actor, "ADMIN");
  // A copy is never the default, so what decides is the purpose.
  const canDuplicate = canChangeTemplate(actor, { kind: group.kind, isDefault: false });
  const hidden = (templateId: string) => (
    <>
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="id" value={templateId} />
    </>
  );
  return (
    <section aria-labelledby={id} className="mb-8" data-group={`${group.channel}/${group.kind}`}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {t(`tpl_group_${group.channel}_${group.kind}`)}
      </h2>
      <DataTable
        tableClass="w-full text-sm"
        headClass="bg-slate-50"
        headCellClass={head}
        columns={[t("tpl_col_name"), t("tpl_col_language"), t("tpl_col_status"), t("tpl_col_actions")]}
      >
        {group.templates.map((tpl) => {
          const canEdit = canChangeTemplate(actor, { kind: group.kind, isDefault: tpl.isDefault });
          return (
            <tr key={tpl.id} data-template={tpl.id}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                <Link href={`/settings/templates/${tpl.id}`} className="text-brand-700 underline">
                  {tpl.name}
                </Link>
              </th>
              <td className={cell}>{languageName(tpl.language)}</td>
              <td className={cell}>{tpl.isDefault ? <span className={badge("green")}>{t("tpl_badge_default")}</span> : null}</td>
              <td className={cell}>
                <div className="flex flex-wrap gap-2">
                  <Link href={`/settings/templates/${tpl.id}`} className={small}>
                    {t(canEdit ? "tpl_edit" : "tpl_view")}
                    <span className="sr-only"> {tpl.name}</span>
                  </Link>
                  {canDuplicate ? (
                    <form action={duplicateTemplateAction}>
                      {hidden(tpl.id)}
                      <button type="submit" className={small}>
                        {t("tpl_duplicate")}
                        <span className="sr-only"> {tpl.name}</span>
                      </button>
                    </form>
                  ) : null}
                  {isAdmin && !tpl.isDefault ? (
                    <form action={makeTemplateDefaultAction}>
                      {hidden(tpl.id)}
                      <button type="submit" className={small}>
                        {t("tpl_make_default")}
                        <span className="sr-only"> {tpl.name}</span>
                      </button>
                    </form>
                  ) : null}
                  {canEdit ? (
                    <ConfirmDeleteButton
                      action={deleteTemplateAction}
                      shopId={shopId}
                      targetId={tpl.id}
                      name={tpl.name}
                      labels={confirmLabels(t, "tpl")}
                    />
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
        {group.builtIns.map((b) => (
          <tr key={`builtin-${b.language}`} data-builtin={b.language}>
            <th scope="row" className={`${cell} text-left font-medium text-slate-700`}>
              {t("tpl_builtin_name")}
            </th>
            <td className={cell}>{languageName(b.language)}</td>
            <td className={cell}>
              <span className={badge("slate")}>{t(b.isInUse ? "tpl_badge_builtin_used" : "tpl_badge_builtin_unused")}</span>
            </td>
            <td className={cell}>
              {isAdmin ? (
                <form action={customizeTemplateAction}>
                  <input type="hidden" name="shopId" value={shopId} />
                  <input type="hidden" name="channel" value={group.channel} />
                  <input type="hidden" name="kind" value={group.kind} />
                  <input type="hidden" name="language" value={b.language} />
                  <button type="submit" className={small}>
                    {t("tpl_customize")}
                    <span className="sr-only">
                      {" "}
                      {t("tpl_builtin_name")} ({languageName(b.language)})
                    </span>
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
