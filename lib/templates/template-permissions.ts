import { isReceiptKind } from "../../emails/types";
import { type Actor, assertRole, hasRole, type UserActor } from "../auth/actor";
import { AppError } from "../server/errors";

type Governed = { kind: string; isDefault: boolean };

/**
 * A default template speaks for the whole shop (every message of its channel, purpose and language
 * without a template of its own), and receipts go out after every payment: both are settings,
 * changed by administrators only. Operators keep their own non-default order and reminder texts.
 */
export const isSettingTemplate = (t: Governed) => t.isDefault || isReceiptKind(t.kind);

/** For the screens: whether this user may change such a template (the use cases enforce it). */
export const canChangeTemplate = (actor: UserActor, t: Governed) => hasRole(actor, isSettingTemplate(t) ? "ADMIN" : "OPERATOR");

/** Making a default, customising a built-in: administrators only (a viewer gets the plain FORBIDDEN). */
export function assertTemplateAdmin(actor: Actor): void {
  assertRole(actor, "OPERATOR");
  if (actor.type === "USER" && !hasRole(actor, "ADMIN")) {
    throw new AppError("FORBIDDEN", `role ${actor.role}: default and receipt templates are settings`, {
      publicMessage: "err_tpl_admin_only",
    });
  }
}

/** Before a change: each template it touches (as it is, as it will be) that is a setting needs an administrator. */
export function assertMayChangeTemplate(actor: Actor, ...templates: Governed[]): void {
  assertRole(actor, "OPERATOR");
  if (templates.some(isSettingTemplate)) assertTemplateAdmin(actor);
}
