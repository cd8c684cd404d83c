import { buttonClass } from "@/components/ui/button";

/** Chooses the shop a settings page shows (`?shop=`): a plain GET form, usable without script. */
export function ShopPicker({
  shops,
  current,
  labels,
}: {
  shops: { id: string; name: string }[];
  current: string;
  labels: { shop: string; show: string };
}) {
  if (shops.length < 2) return null;
  return (
    <form method="get" className="mb-6 flex items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="shop" className="text-sm font-medium text-slate-800">
          {labels.shop}
        </label>
        <select id="shop" name="shop" defaultValue={current} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base">
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.id})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {labels.show}
      </button>
    </form>
  );
}
