// The pieces every order dialog (URL, invoice, e-mail, SMS, WhatsApp) shows alike.
import Link from "next/link";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { shopOptions } from "@/components/ui/select-options";
import type { Messages } from "@/lib/i18n/messages/types";

/** The shop the order is for: a select when there is a choice, else the one shop as a hidden field. */
export function ShopField({
  shops,
  value,
  label,
  error,
  choice = shops.length > 1,
  onChange,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange"> & {
  shops: { id: string; name: string }[];
  value: string;
  label: string;
  error?: string;
  choice?: boolean;
  onChange: (shopId: string) => void;
}) {
  if (!choice) return <input type="hidden" name="shopId" value={value} />;
  return (
    <SelectField
      id="shopId"
      label={label}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={shopOptions(shops)}
      {...select}
    />
  );
}

/** The %variables% the dialog's text uses that do not exist, announced as they are typed. */
export function UnknownVariablesNote({ label, names }: { label: string; names: string[] }) {
  return (
    <div aria-live="polite" data-testid="unknown-variables">
      {names.length ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {label}{" "}
          {names.map((v) => (
            <code key={v} className="mr-2 font-mono font-semibold">
              {v}
            </code>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/** The dialog's buttons: send, the dialog's own (preview...), and cancel back to the list of its mode. */
export function DialogActions({
  mode,
  label,
  pending,
  messages: m,
  children,
}: {
  mode: "TEST" | "PRODUCTION";
  label: string;
  pending: boolean;
  messages: Messages;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" className={buttonClass()} disabled={pending}>
        {label}
      </button>
      {children}
      <Link href={mode === "TEST" ? "/test-orders" : "/orders"} className={buttonClass("secondary")}>
        {m.cancel}
      </Link>
    </div>
  );
}
