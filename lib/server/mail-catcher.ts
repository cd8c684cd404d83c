import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { getPool } from "./db";
import { uuid7 } from "./uuid7";

const MAX_SIZE = 10 * 1024 * 1024;

/**
 * The built-in SMTP catcher (no SMTP_URL): a real SMTP server on 127.0.0.1 that keeps every
 * message in the database for the back office's Mailbox page. Mail goes to it through the same
 * pooled SMTP code as to a real server, so a demo exercises the production path.
 */
export async function startMailCatcher(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_SIZE,
    logger: false,
    banner: "payment-orders mail catcher",
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          const shopHeader = mail.headers.get("x-shop-id");
          await getPool().query(
            `INSERT INTO "CaughtMail" (id, "shopId", "messageId", "envelopeFrom", "envelopeTo", "from", "to", subject, html, text, size)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              uuid7(),
              typeof shopHeader === "string" && /^\d{8}$/.test(shopHeader) ? shopHeader : null,
              mail.messageId ?? null,
              session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              session.envelope.rcptTo.map((r) => r.address),
              mail.from?.text ?? null,
              Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? null),
              mail.subject ?? null,
              typeof mail.html === "string" ? mail.html : null,
              mail.text ?? null,
              raw.length,
            ],
          );
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return { port: bound, close: () => new Promise<void>((r) => server.close(() => r())) };
}
