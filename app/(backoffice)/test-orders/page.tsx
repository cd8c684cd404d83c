// /test-orders — TEST payment orders (F-BO-4), a list of their own, with the same search tool.
import { OrderListPage } from "@/components/orders/order-list-page";
import type { SearchParams } from "@/lib/orders/parse-order-search";

export default async function TestOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <OrderListPage mode="TEST" searchParams={await searchParams} />;
}
