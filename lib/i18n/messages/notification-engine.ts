// The notification engine's own texts (the alert e-mail), spread into the fr and en catalogues.
export const notificationEngineFr = {
  webhook_alert_subject: "{shop} : la notification {event} n'a pas pu être remise",
  webhook_alert_body:
    "Bonjour,\n\nLa notification {event} de la boutique {shop} (règle « {rule} ») n'a pas été acceptée par {url} après {attempts} tentatives. Dernière réponse : {outcome}.\n\nVotre serveur n'a donc peut-être pas pris en compte ce paiement. Vous pouvez consulter les tentatives et rejouer la notification ici : {link}\n\nCe message est envoyé automatiquement.",
  err_replay_too_many: "Rejouez au plus 500 notifications à la fois.",
};

export const notificationEngineEn: Record<keyof typeof notificationEngineFr, string> = {
  webhook_alert_subject: "{shop}: the {event} notification could not be delivered",
  webhook_alert_body:
    "Hello,\n\nThe {event} notification of the shop {shop} (rule “{rule}”) was not accepted by {url} after {attempts} attempts. Last answer: {outcome}.\n\nYour server may therefore not know about this payment. You can see the attempts and replay the notification here: {link}\n\nThis message is sent automatically.",
  err_replay_too_many: "Replay at most 500 notifications at a time.",
};
