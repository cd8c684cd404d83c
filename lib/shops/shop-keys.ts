import type { Prisma } from "../server/generated/prisma/client";
import { digestKey, encryptSecret, randomToken } from "../server/secrets";

export type ShopKeys = { testPassword: string; prodPassword: string; testHmacKey: string; prodHmacKey: string };

/** The four secrets of a shop, as the back office names them. */
export const SHOP_KEY_NAMES = ["TEST_PASSWORD", "PRODUCTION_PASSWORD", "TEST_HMAC", "PRODUCTION_HMAC"] as const;
export type ShopKeyName = (typeof SHOP_KEY_NAMES)[number];

/** Where each one is stored: its ciphertext, and for passwords the digest the API authenticates with. */
export const SHOP_KEY_COLUMNS = {
  TEST_PASSWORD: { enc: "testPasswordEnc", digest: "testPasswordDigest" },
  PRODUCTION_PASSWORD: { enc: "prodPasswordEnc", digest: "prodPasswordDigest" },
  TEST_HMAC: { enc: "testHmacKeyEnc", digest: null },
  PRODUCTION_HMAC: { enc: "prodHmacKeyEnc", digest: null },
} as const satisfies Record<ShopKeyName, { enc: keyof Prisma.ShopSelect; digest: keyof Prisma.ShopSelect | null }>;

/** Prisma `select` of the four ciphertexts (the client omits them from every other query). */
export const SEALED_KEYS_SELECT = { testPasswordEnc: true, prodPasswordEnc: true, testHmacKeyEnc: true, prodHmacKeyEnc: true } as const;

const PASSWORD_PREFIX = { TEST_PASSWORD: "testpassword_", PRODUCTION_PASSWORD: "prodpassword_" } as const;

/** A new high-entropy value for one key (password prefixes as the REST API's clients expect). */
export function newShopKey(name: ShopKeyName): string {
  return name === "TEST_PASSWORD" || name === "PRODUCTION_PASSWORD" ? `${PASSWORD_PREFIX[name]}${randomToken(24)}` : randomToken(32);
}

/** New high-entropy keys for a shop. */
export function generateShopKeys(): ShopKeys {
  return {
    testPassword: newShopKey("TEST_PASSWORD"),
    prodPassword: newShopKey("PRODUCTION_PASSWORD"),
    testHmacKey: newShopKey("TEST_HMAC"),
    prodHmacKey: newShopKey("PRODUCTION_HMAC"),
  };
}

/** The columns that store them: digests to authenticate, ciphertexts to sign and reveal. */
export function sealShopKeys(k: ShopKeys) {
  return {
    testPasswordDigest: digestKey(k.testPassword),
    testPasswordEnc: encryptSecret(k.testPassword),
    prodPasswordDigest: digestKey(k.prodPassword),
    prodPasswordEnc: encryptSecret(k.prodPassword),
    testHmacKeyEnc: encryptSecret(k.testHmacKey),
    prodHmacKeyEnc: encryptSecret(k.prodHmacKey),
  };
}

/**
 * "testpassword_••••••••1234": the known prefix and the last 4 characters, enough to tell keys
 * apart. Always 8 dots, so the mask says nothing of the length.
 */
export function maskShopKey(value: string): string {
  const prefix = Object.values(PASSWORD_PREFIX).find((p) => value.startsWith(p)) ?? "";
  const rest = value.slice(prefix.length);
  return `${prefix}${"•".repeat(8)}${rest.length > 8 ? rest.slice(-4) : ""}`;
}
