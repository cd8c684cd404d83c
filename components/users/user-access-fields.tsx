"use client";
import { useState } from "react";
import { CheckboxGroup } from "@/components/settings/checkbox-group";
import { SelectField } from "@/components/ui/field";

/** The role and shop access of a user (invitation and edit forms): all shops, or chosen ones. */
export function UserAccessFields({
  text,
  err,
  shops,
  role,
  allShops,
  shopIds,
}: {
  text: (key: string) => string;
  err: (field: string) => string | undefined;
  shops: { id: string; name: string }[];
  role: string;
  allShops: boolean;
  shopIds: string[];
}) {
  const [all, setAll] = useState(allShops);
  return (
    <>
      <SelectField
        id="role"
        label={text("users_role")}
        help={text("users_role_help")}
        error={err("role")}
        defaultValue={role}
        options={["ADMIN", "OPERATOR", "VIEWER"].map((r) => ({ value: r, label: text(`users_role_${r}`) }))}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-slate-800">{text("users_access")}</legend>
        {(
          [
            ["all", "users_access_all"],
            ["some", "users_access_some"],
          ] as const
        ).map(([value, label]) => (
          <div key={value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`access-${value}`}
              name="access"
              value={value}
              checked={(value === "all") === all}
              onChange={() => setAll(value === "all")}
              className="size-4"
            />
            <label htmlFor={`access-${value}`} className="text-sm">
              {text(label)}
            </label>
          </div>
        ))}
      </fieldset>
      {all ? null : (
        <CheckboxGroup
          name="shopIds"
          label={text("users_shops")}
          error={err("shopIds")}
          options={shops.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }))}
          checked={shopIds}
          columns="grid-cols-1 sm:grid-cols-2"
        />
      )}
    </>
  );
}
