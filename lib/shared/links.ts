import { appUrl } from "../server/env";

/** The buyer's link. The token is the only secret; it is ≥ 128 bits of randomness. */
export const paymentUrl = (token: string) => `${appUrl()}/pay/${token}`;

/** Back-office pages that e-mails to merchants link to (they sign in first if they must). */
export const backOfficeUrl = {
  order: (orderId: string) => `${appUrl()}/orders/${orderId}`,
  delivery: (deliveryId: string) => `${appUrl()}/notifications/deliveries/${deliveryId}`,
  companySettings: () => `${appUrl()}/settings/company`,
};
