import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { shopOptions } from "@/components/ui/select-options";

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
      <SelectField id="shop" label={labels.shop} defaultValue={current} options={shopOptions(shops)} />
      <button type="submit" className={buttonClass("secondary")}>
        {labels.show}
      </button>
    </form>
  );
}
