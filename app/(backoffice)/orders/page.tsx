// /orders — PRODUCTION payment orders.
import { OrderListPage } from "@/components/orders/order-list-page";

export default function OrdersPage() {
  return <OrderListPage mode="PRODUCTION" />;
}
