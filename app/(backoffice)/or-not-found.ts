// What the back office's pages load: a row another user owns, or that is gone, is a 404 page.
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/server/errors";

/** What a page's use case found, or the 404 page when it says NOT_FOUND. */
export function orNotFound<T>(found: Promise<T>): Promise<T> {
  return found.catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
}

/** What `load` finds for the shop `?shop=` names among the user's (else their first); null for a user without shops. */
export async function loadForShop<T>(shops: { id: string }[], requested: string | undefined, load: (shopId: string) => Promise<T>) {
  const shop = shops.find((s) => s.id === requested) ?? shops[0];
  return shop ? orNotFound(load(shop.id)) : null;
}
