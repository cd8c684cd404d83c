import type { ConfirmDeleteLabels } from "./confirm-delete-button";

/**
 * A confirmation's words from the catalogue, named after its list and verb: `<list>_<verb>` on the
 * button, `<list>_<verb>_title`, `_body` and `_confirm` in the dialog, `<list>_cancel` to step back.
 */
export const confirmLabels = (t: (key: string) => string, list: string, verb = "delete"): ConfirmDeleteLabels => ({
  delete: t(`${list}_${verb}`),
  title: t(`${list}_${verb}_title`),
  body: t(`${list}_${verb}_body`),
  confirm: t(`${list}_${verb}_confirm`),
  cancel: t(`${list}_cancel`),
});
