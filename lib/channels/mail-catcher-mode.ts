/** No SMTP_URL: mail goes to the built-in catcher and the back office shows a Mailbox page. */
export const isMailCatcherMode = () => !process.env.SMTP_URL;
