import { digestKey, encryptSecret, randomToken } from "../server/secrets";

export type ShopKeys = { testPassword: string; prodPassword: string; testHmacKey: string; prodHmacKey: string };

/** New high-entropy keys for a shop (prefixes as the REST API's clients expect). */
export function generateShopKeys(): ShopKeys {
  return {
    testPassword: `testpassword_${randomToken(24)}`,
    prodPassword: `prodpassword_${randomToken(24)}`,
    testHmacKey: randomToken(32),
    prodHmacKey: randomToken(32),
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
