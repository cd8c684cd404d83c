// A new shop's REST user name and keys, shown once (after the shop is created).
import type { ShopKeys } from "@/lib/shops/shop-keys";

const ROWS: [keyof ShopKeys, string][] = [
  ["testPassword", "apikeys_TEST_PASSWORD"],
  ["prodPassword", "apikeys_PRODUCTION_PASSWORD"],
  ["testHmacKey", "apikeys_TEST_HMAC"],
  ["prodHmacKey", "apikeys_PRODUCTION_HMAC"],
];

export function ShopKeysOnce({ shopId, keys, text }: { shopId: string; keys: ShopKeys; text: (key: string) => string }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="shop-keys-once">
      <p className="text-sm font-medium text-slate-900">{text("platform_shop_created").replace("{id}", shopId)}</p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
        <dt className="text-slate-700">{text("platform_shop_id")}</dt>
        <dd className="break-all font-mono" data-testid="new-shop-id">
          {shopId}
        </dd>
        {ROWS.map(([k, label]) => (
          <div key={k} className="contents">
            <dt className="text-slate-700">{text(label)}</dt>
            <dd className="break-all font-mono" data-testid={`new-shop-${k}`}>
              {keys[k]}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
