// The audit actions the product writes, grouped by area for the audit log's filter and labels.
// An area filter is its list here (an indexable IN, unlike a LIKE): tests/integration/audit-log
// checks that every action written under lib/ is listed. One missing would still show, raw.

export const AUDIT_AREAS = {
  orders: {
    actions: [
      "order.create",
      "invoice.import",
      "order.update",
      "order.modify",
      "order.validity.change",
      "order.extendValidity",
      "order.cancel",
      "order.reactivate",
      "order.delete",
      "order.pay",
      "order.refuse",
      "order.expire",
      "order.buyer_data.save",
      "order.delivery.markSent",
      "order.delivery.resend",
      "order.delivery.accepted",
      "order.delivery.provider_status",
      "order.delivery.delivered",
      "order.delivery.failed",
      "order.delivery.message_failed",
      "order.reminder",
      "order.instalment.charge",
      "order.instalment.alert",
      "order.processor.alert",
      "order.instalments.cancel",
    ],
  },
  transactions: {
    actions: [
      "transaction.validate",
      "transaction.capture",
      "transaction.cancel",
      "transaction.expire",
      // refunds20
      "transaction.refund",
      "transaction.refundRefused",
      "transaction.update",
      "transaction.holdForValidation",
    ],
  },
  templates: {
    actions: ["template.create", "template.update", "template.duplicate", "template.default", "template.delete"],
  },
  rules: {
    actions: [
      "notification_rule.create",
      "notification_rule.update",
      "notification_rule.enable",
      "notification_rule.disable",
      "notification_rule.delete",
    ],
  },
  notifications: {
    actions: ["notification.replay", "notification.alert"],
  },
  settings: {
    actions: [
      "shop.settings.update",
      "shop.collect_form.update",
      "shop.collect_form.publish",
      "shop.collect_form.unpublish",
      "company.settings.update",
      "company.sms.credits.add",
      "company.sms.low_credit_alert",
      "shop.connector.save",
      "shop.connector.verify",
      "shop.connector.remove",
    ],
  },
  keys: {
    actions: ["shop.key.reveal", "shop.key.rotate"],
  },
  users: {
    actions: [
      "user.sign_in",
      "user.sign_in_failed",
      "user.invite",
      "user.invite.accept",
      "user.invite.resend",
      "user.invite.revoke",
      "user.access.update",
      "user.disable",
      "user.enable",
      "user.password_reset.request",
      "user.password_reset",
    ],
  },
  // setup19: the first run and the platform operators' console.
  platform: {
    actions: [
      "platform.setup",
      "platform.operator.create",
      "platform.company.create",
      "platform.company.rename",
      "platform.company.suspend",
      "platform.company.unsuspend",
      "platform.company.admin_create",
      "platform.shop.create",
    ],
  },
} as const satisfies Record<string, { actions: readonly string[] }>;

export type AuditArea = keyof typeof AUDIT_AREAS;
export const AUDIT_AREA_KEYS = Object.keys(AUDIT_AREAS) as AuditArea[];

/** The catalogue key of an action's label ("order.delivery.markSent" → "audit_act_order_delivery_markSent"). */
export const actionLabelKey = (action: string) => `audit_act_${action.replace(/\./g, "_")}`;

/**
 * The action filter as typed in the URL: an exact code ("order.cancel"), an area ("area:keys": its
 * actions) or a prefix ending in ".*" ("order.delivery.*", any action starting so).
 */
export function parseActionFilter(value: string): { actions: string[] } | { prefix: string } | null {
  if (value.startsWith("area:")) {
    const area = value.slice(5);
    return area in AUDIT_AREAS ? { actions: [...AUDIT_AREAS[area as AuditArea].actions] } : null;
  }
  if (value.endsWith(".*")) return { prefix: value.slice(0, -1) };
  return { actions: [value] };
}
