// SMS: the company's SMS account (Settings › Company), the SMS dialog and counter, the sandbox outbox.
export const smsFr = {
  sms_title: "SMS",
};

export const smsEn: Record<keyof typeof smsFr, string> = {
  sms_title: "SMS",
};
