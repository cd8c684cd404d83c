// The one layout every e-mail we send wears (issue 22): the shop's name (and logo) as header, a
// card with what the message is about (amount, reference…), a real button that Outlook renders
// too, the plain link as fallback, the merchant's own text, and the shop's contact in the footer.
// Built with React Email's table-based components; rendered once per language and shape with
// %variables% left in place (lib/templates/mail-shell.ts), then filled per message.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";

/**
 * Where the merchant's (sanitized) rich text goes: the rendered layout still has its %variables%,
 * the body is put in this slot, then every variable of both is filled in one pass.
 */
export const BODY_SLOT = "[[po-mail-body]]";

export type MailShellProps = {
  lang: string;
  /** The line inboxes show after the subject. */
  preview: string;
  title: string;
  shopName: string;
  /** The shop's logo (https), else the platform's mark beside the shop's name. */
  logo: { src: string; alt: string } | null;
  /** A short line above the card, e.g. "Payment request" or "Payment received". */
  kicker: string;
  card: Array<{ label: string; value: string; strong?: boolean }>;
  button?: { label: string; href: string };
  /** The plain link under the button, for clients that hide buttons. */
  fallback?: { label: string; href: string };
  /** A line under the button (e.g. how long the link stays valid). */
  note?: string;
  /** Rendered body (BODY_SLOT) or none. */
  withBody: boolean;
  footer: string[];
  /** A line that says what this message will never ask for. */
  trust?: string;
};

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const ink = "#0f172a";
const muted = "#475569";
const accent = "#1d4ed8";

export function MailShell(p: MailShellProps) {
  return (
    <Html lang={p.lang}>
      <Head>
        <title>{p.title}</title>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{p.preview}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", margin: 0, padding: "24px 0", fontFamily: font, color: ink }}>
        <Container style={{ maxWidth: "600px", width: "100%", margin: "0 auto" }}>
          <Section style={{ padding: "0 24px 16px" }}>
            {p.logo ? (
              <Img src={p.logo.src} alt={p.logo.alt} height="40" style={{ height: "40px", width: "auto", maxWidth: "200px" }} />
            ) : null}
            <Text style={{ fontSize: "18px", fontWeight: 700, margin: p.logo ? "8px 0 0" : "0", color: ink }}>{p.shopName}</Text>
          </Section>
          <Section style={{ backgroundColor: "#ffffff", borderRadius: "12px", border: "1px solid #e2e8f0", padding: "24px" }}>
            <Text style={{ fontSize: "13px", textTransform: "uppercase", letterSpacing: "0.06em", color: muted, margin: "0 0 12px" }}>
              {p.kicker}
            </Text>
            {p.card.length ? (
              <Section style={{ backgroundColor: "#f8fafc", borderRadius: "8px", padding: "16px" }}>
                {p.card.map((row) => (
                  <Text
                    key={row.label}
                    style={{ margin: "0 0 4px", fontSize: row.strong ? "24px" : "14px", color: row.strong ? ink : muted }}
                  >
                    {row.strong ? (
                      <>
                        <span style={{ display: "block", fontSize: "13px", color: muted }}>{row.label}</span>
                        <strong>{row.value}</strong>
                      </>
                    ) : (
                      <>
                        <span>{row.label} </span>
                        <span style={{ color: ink }}>{row.value}</span>
                      </>
                    )}
                  </Text>
                ))}
              </Section>
            ) : null}
            {p.button ? (
              <Section style={{ textAlign: "center", padding: "24px 0 8px" }}>
                <Button
                  href={p.button.href}
                  style={{
                    backgroundColor: accent,
                    color: "#ffffff",
                    fontSize: "16px",
                    fontWeight: 600,
                    borderRadius: "8px",
                    padding: "14px 28px",
                    textDecoration: "none",
                  }}
                >
                  {p.button.label}
                </Button>
              </Section>
            ) : null}
            {p.note ? <Text style={{ textAlign: "center", fontSize: "13px", color: muted, margin: "4px 0 0" }}>{p.note}</Text> : null}
            {p.withBody ? (
              <Section style={{ paddingTop: "16px", fontSize: "15px", lineHeight: "1.55" }}>
                <div>{BODY_SLOT}</div>
              </Section>
            ) : null}
            {p.fallback ? (
              <Text style={{ fontSize: "12px", color: muted, margin: "16px 0 0", wordBreak: "break-all" }}>
                {p.fallback.label}{" "}
                <Link href={p.fallback.href} style={{ color: accent }}>
                  {p.fallback.href}
                </Link>
              </Text>
            ) : null}
          </Section>
          <Section style={{ padding: "16px 24px 0" }}>
            {p.trust ? <Text style={{ fontSize: "12px", color: muted, margin: "0 0 8px" }}>{p.trust}</Text> : null}
            <Hr style={{ borderColor: "#e2e8f0", margin: "8px 0" }} />
            {p.footer.map((line) => (
              <Text key={line} style={{ fontSize: "12px", color: muted, margin: "0" }}>
                {line}
              </Text>
            ))}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
