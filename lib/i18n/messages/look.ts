// Look and feel (issue 22): the buttons of the platform's notices to a merchant (the e-mail layout),
// the back office's folding menu and icon-only controls.
export const lookFr = {
  mail_action_order: "Ouvrir l’ordre",
  mail_action_delivery: "Voir la notification",
  mail_action_company: "Ouvrir les paramètres de la société",
  nav_menu: "Menu",
  nav_menu_open: "Ouvrir le menu",
  nav_menu_close: "Fermer le menu",
};

export const lookEn: Record<keyof typeof lookFr, string> = {
  mail_action_order: "Open the order",
  mail_action_delivery: "See the notification",
  mail_action_company: "Open the company settings",
  nav_menu: "Menu",
  nav_menu_open: "Open the menu",
  nav_menu_close: "Close the menu",
};
