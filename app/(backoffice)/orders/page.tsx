// /orders — PRODUCTION payment orders, with the search tool (GET parameters).
import { OrderListPage } from "@/components/orders/order-list-page";
import type { SearchParams } from "@/lib/orders/parse-order-search";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <OrderListPage mode="PRODUCTION" searchParams={await searchParams} />;
}
