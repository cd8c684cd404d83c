import type { Db } from "../../server/db";
import type { ApiShop } from "../authenticate";

export type ServiceContext = { db: Db; shop: ApiShop; body: Record<string, unknown>; idempotencyKey: string | null };
export type ServiceResult = { answer: object; replayed?: boolean };
export type Service = (ctx: ServiceContext) => Promise<ServiceResult>;

export const apiActor = (shop: ApiShop) => ({ type: "API_KEY" as const, shopId: shop.id, mode: shop.mode });
