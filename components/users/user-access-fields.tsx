"use client";
import { useState } from "react";
import { CheckboxGroup } from "@/components/settings/checkbox-group";
import { SelectField } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";

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
      <RadioGroup
        name="access"
        legend={text("users_access")}
        options={[
          { value: "all", label: text("users_access_all") },
          { value: "some", label: text("users_access_some") },
        ]}
        value={all ? "all" : "some"}
        onChange={(value) => setAll(value === "all")}
        gap="gap-1"
      />
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
