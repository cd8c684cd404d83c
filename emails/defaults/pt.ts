import type { DefaultTexts } from "../types";

export const pt: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: link de pagamento de %amount%",
      html: `<p>Olá,</p>
<p>%shop_name% solicita o pagamento de <strong>%amount%</strong> (referência %reference%).</p>
<p>Alguma dúvida? Escreva para %shop_contact%.</p>
<p>Com os melhores cumprimentos,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: pagamento de %amount% recebido",
      html: `<p>Olá,</p>
<p>Obrigado! O seu pagamento de <strong>%amount%</strong> a %shop_name% foi concluído com sucesso em %payment_date%.</p>
<ul>
<li>Referência da encomenda: %reference%</li>
<li>Número da transação: %transaction_number%</li>
</ul>
<p>Guarde este e-mail como comprovativo de pagamento. Alguma dúvida? Escreva para %shop_contact%.</p>
<p>Com os melhores cumprimentos,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Pagamento recebido: %amount% (referência %reference%)",
      html: `<p>Um cliente acabou de liquidar um pedido de pagamento de %shop_name%.</p>
<ul>
<li>Referência: %reference%</li>
<li>Montante: <strong>%amount%</strong></li>
<li>Data de pagamento: %payment_date%</li>
<li>Número da transação: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Lembrete: o seu link de pagamento de %amount% expira em %end_date%",
      html: `<p>Olá,</p>
<p>Lembramos que o pagamento de <strong>%amount%</strong> pedido por %shop_name% (referência %reference%) continua pendente.</p>
<p>Já pagou? Ignore esta mensagem. Alguma dúvida? Escreva para %shop_contact%.</p>
<p>Com os melhores cumprimentos,<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: pague %amount% (ref. %reference%) até %end_date% em %url%",
  smsReminder: "Lembrete de %shop_name%: falta pagar %amount% (ref. %reference%) até %end_date% em %url%",
  whatsapp: "Olá, %shop_name% envia-lhe um link para pagar %amount% (ref. %reference%), válido até %end_date%: %url%",
  url: "Olá, aqui está o seu link seguro para pagar %amount% a %shop_name% (referência %reference%). É válido até %end_date%, inclusive: %url%",
  layout: {
    payRequest: "Pedido de pagamento",
    reminder: "Lembrete de pagamento",
    receipt: "Pagamento recebido",
    merchantReceipt: "Novo pagamento",
    amount: "Montante",
    reference: "Referência:",
    paidOn: "Pago em:",
    transaction: "N.º da transação:",
    pay: "Pagar %amount%",
    validUntil: "Este link é válido até %end_date%.",
    fallback: "O botão não funciona? Copie este link para o navegador:",
    openOrder: "Abrir a ordem",
    contact: "Dúvidas? Escreva para %shop_contact%",
    trust: "Link de pagamento seguro enviado em nome de %shop_name%. Ninguém lhe pedirá o número do cartão por e-mail ou telefone.",
  },
};
