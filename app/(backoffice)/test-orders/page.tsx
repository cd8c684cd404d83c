// /test-orders — TEST payment orders (F-BO-4), a list of their own.
import { OrderListPage } from "@/components/orders/order-list-page";

export default function TestOrdersPage() {
  return <OrderListPage mode="TEST" />;
}
