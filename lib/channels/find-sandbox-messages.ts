import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { isSmsSandboxEnabled, smsGatewaySource } from "./sms-account";
import { isWhatsAppSandboxEnabled } from "./whatsapp-account";

/** What the sandbox gateways received for the actor's shops, newest first: a tenant sees its own. */
export async function findSandboxMessages(db: Db, input: { actor: UserActor; take?: number }) {
  return db.sandboxMessage.findMany({
    where: { shopId: { in: input.actor.shopIds } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: Math.min(input.take ?? 100, 500),
    select: { id: true, channel: true, shopId: true, from: true, to: true, body: true, status: true, receivedAt: true },
  });
}

/**
 * Whether the actor's company sends anything to a sandbox gateway (WhatsApp without
 * WHATSAPP_API_URL, or SMS without an account of the company's or the platform's): the back
 * office then shows the test outbox.
 */
export async function usesSandboxGateways(db: Db, input: { actor: UserActor }): Promise<boolean> {
  if (isWhatsAppSandboxEnabled()) return true;
  if (!isSmsSandboxEnabled()) return false;
  const c = await db.company.findUnique({
    where: { id: input.actor.companyId },
    select: { smsProviderUrl: true, smsLogin: true, smsPasswordEnc: true, smsSender: true },
  });
  return c ? smsGatewaySource(c) === "sandbox" : false;
}
