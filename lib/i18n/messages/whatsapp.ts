// WhatsApp dialog and errors, and the URL channel's copy/QR polish.
export const whatsappFr = {
  wa_title: "WhatsApp",
};

export const whatsappEn: Record<keyof typeof whatsappFr, string> = {
  wa_title: "WhatsApp",
};
