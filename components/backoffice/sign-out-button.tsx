"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
