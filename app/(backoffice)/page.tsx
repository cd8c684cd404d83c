// / — the back office opens on the payment orders.
import { redirect } from "next/navigation";

export default function Home() {
  redirect("/orders");
}
