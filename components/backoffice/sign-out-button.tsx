"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-1 text-brand-700 hover:bg-brand-50"
    >
      <LogOut aria-hidden size={16} />
      {label}
    </button>
  );
}
