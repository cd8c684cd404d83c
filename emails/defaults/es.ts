import type { DefaultTexts } from "../types";

export const es: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: su enlace de pago de %amount%",
      html: `<p>Hola:</p>
<p>%shop_name% le solicita el pago de <strong>%amount%</strong> (referencia %reference%).</p>
<p>¿Tiene alguna pregunta? Escriba a %shop_contact%.</p>
<p>Un saludo,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: pago de %amount% recibido",
      html: `<p>Hola:</p>
<p>Muchas gracias. Su pago de <strong>%amount%</strong> a %shop_name% se completó correctamente el %payment_date%.</p>
<ul>
<li>Referencia del pedido: %reference%</li>
<li>Número de transacción: %transaction_number%</li>
</ul>
<p>Conserve este correo como justificante de pago. ¿Tiene alguna pregunta? Escriba a %shop_contact%.</p>
<p>Un saludo,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Pago recibido: %amount% (referencia %reference%)",
      html: `<p>Un cliente acaba de pagar una solicitud de pago de %shop_name%.</p>
<ul>
<li>Referencia: %reference%</li>
<li>Importe: <strong>%amount%</strong></li>
<li>Fecha de pago: %payment_date%</li>
<li>Número de transacción: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Recordatorio: su enlace de pago de %amount% caduca el %end_date%",
      html: `<p>Hola:</p>
<p>Le recordamos que el pago de <strong>%amount%</strong> solicitado por %shop_name% (referencia %reference%) sigue pendiente.</p>
<p>¿Ya ha pagado? No tenga en cuenta este mensaje. ¿Alguna pregunta? Escriba a %shop_contact%.</p>
<p>Un saludo,<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: pague %amount% (ref. %reference%) hasta el %end_date% en %url%",
  smsReminder: "Recordatorio de %shop_name%: quedan %amount% por pagar (ref. %reference%) hasta el %end_date% en %url%",
  whatsapp: "Hola, %shop_name% le envía un enlace de pago de %amount% (ref. %reference%), válido hasta el %end_date%: %url%",
  url: "Hola, este es su enlace seguro para pagar %amount% a %shop_name% (referencia %reference%). Es válido hasta el %end_date%, inclusive: %url%",
  layout: {
    payRequest: "Solicitud de pago",
    reminder: "Recordatorio de pago",
    receipt: "Pago recibido",
    merchantReceipt: "Nuevo pago",
    amount: "Importe",
    reference: "Referencia:",
    paidOn: "Pagado el:",
    transaction: "N.º de transacción:",
    pay: "Pagar %amount%",
    validUntil: "Este enlace es válido hasta el %end_date%.",
    fallback: "¿El botón no funciona? Copie este enlace en su navegador:",
    openOrder: "Abrir la orden",
    contact: "¿Preguntas? Escriba a %shop_contact%",
    trust: "Enlace de pago seguro enviado en nombre de %shop_name%. Nadie le pedirá nunca su número de tarjeta por correo o por teléfono.",
  },
};
