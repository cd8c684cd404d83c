// A real SMTP server for tests: keeps every message (envelope + parsed with mailparser), can
// refuse recipients with a 550, answer slowly, or stop listening (connections refused) and come back.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMessage = { mailFrom: string; rcptTo: string[]; parsed: ParsedMail; messageId: string };

export type SmtpSink = {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Recipients that get "550 mailbox unavailable". */
  reject: Set<string>;
  delayMs: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
};

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sink: SmtpSink = {
    port,
    url: "",
    messages: [],
    reject: new Set(),
    delayMs: 0,
    stop: async () => {},
    start: async () => {},
    async waitFor(count, timeoutMs = 30_000) {
      const t0 = Date.now();
      while (sink.messages.length < count) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`the sink got ${sink.messages.length} of ${count} messages`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  let server: SMTPServer | null = null;
  const closed = new Set<string>();
  sink.start = async () => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 200,
      onRcptTo(address, _session, cb) {
        if (sink.reject.has(address.address)) {
          const err = Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 });
          return cb(err);
        }
        cb();
      },
      onClose(session) {
        closed.add(session.id);
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          const parsed = await simpleParser(Buffer.concat(chunks));
          if (sink.delayMs) await new Promise((r) => setTimeout(r, sink.delayMs));
          // Like a real server, a message counts once acknowledged: not if the client left first.
          if (closed.has(session.id)) return cb(new Error("client gone"));
          sink.messages.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            parsed,
            messageId: parsed.messageId ?? "",
          });
          cb();
        });
      },
    });
    await new Promise<void>((res, rej) => {
      s.once("error", rej);
      s.listen(sink.port, "127.0.0.1", () => {
        s.off("error", rej);
        // A client killed mid-session resets its connection: the message was not received, that is all.
        s.on("error", () => {});
        res();
      });
    });
    sink.port = (s.server.address() as { port: number }).port;
    sink.url = `smtp://127.0.0.1:${sink.port}`;
    server = s;
  };
  sink.stop = async () => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  await sink.start();
  return sink;
}
