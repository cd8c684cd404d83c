// A shop's payment processor for tests (issue 20): a Lyra hosted form connector, verified, so that
// PRODUCTION orders can be created and paid (through tests/helpers/fake-lyra-form.ts when its URLs
// point there). The config is sealed as the settings page seals it.
import type { LyraFormConfig } from "@/lib/payments/connectors/lyra-form";
import type { Db } from "@/lib/server/db";
import { encryptSecret } from "@/lib/server/secrets";

export const TEST_LYRA_CONFIG: LyraFormConfig = {
  siteId: "12345678",
  formUrl: "http://127.0.0.1:9/vads-payment/",
  restUrl: "http://127.0.0.1:9/api-payment/",
  signatureKey: "prodkey-0123456789abcdef",
  restPassword: "prodpassword_0123456789abcdef",
};

/** Upserts the shop's verified connector for `mode` (PRODUCTION by default); returns its id. */
export async function verifiedConnector(
  db: Db,
  shopId: string,
  opts: { mode?: "TEST" | "PRODUCTION"; config?: Partial<LyraFormConfig>; verified?: boolean } = {},
): Promise<string> {
  const mode = opts.mode ?? "PRODUCTION";
  const config = { ...TEST_LYRA_CONFIG, ...opts.config };
  const { signatureKey: _k, restPassword: _p, ...publicConfig } = config;
  const data = {
    kind: "LYRA_FORM" as const,
    configEnc: encryptSecret(JSON.stringify(config)),
    publicConfig,
    verifiedAt: opts.verified === false ? null : new Date(),
    verifyError: null,
  };
  const row = await db.shopConnector.upsert({
    where: { shopId_mode: { shopId, mode } },
    create: { shopId, mode, ...data },
    update: data,
    select: { id: true },
  });
  return row.id;
}

/** Every shop gets a verified PRODUCTION connector: for tests whose subject is not the payment processor. */
export async function verifiedConnectorsForAllShops(db: Db): Promise<void> {
  for (const s of await db.shop.findMany({ select: { id: true } })) await verifiedConnector(db, s.id);
}
