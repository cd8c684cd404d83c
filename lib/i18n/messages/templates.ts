// Settings › Templates (F-TPL-1…4), spread into the fr and en catalogues.
export const templatesFr = {
  tpl_title: "Modèles de messages",
};

export const templatesEn: Record<keyof typeof templatesFr, string> = {
  tpl_title: "Message templates",
};
