// The buttons of the platform's notices to a merchant (the e-mail layout, issue 22).
export const mailLayoutFr = {
  mail_action_order: "Ouvrir l’ordre",
  mail_action_delivery: "Voir la notification",
  mail_action_company: "Ouvrir les paramètres de la société",
};

export const mailLayoutEn: Record<keyof typeof mailLayoutFr, string> = {
  mail_action_order: "Open the order",
  mail_action_delivery: "See the notification",
  mail_action_company: "Open the company settings",
};
