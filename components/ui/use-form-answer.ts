import { useActionState } from "react";
import type { Messages } from "@/lib/i18n/messages/types";

type Answer = { fields?: Record<string, string>; error?: string };

/**
 * A form on a server action and what its last answer says: `text` is the catalogue's message for
 * a key (the key itself when missing), `err` a field's refusal in words (none: the field is fine).
 */
export function useFormAnswer<S extends Answer>(serverAction: (state: Awaited<S>, data: FormData) => Promise<S>, m: Messages) {
  const [state, action, pending] = useActionState(serverAction, {} as Awaited<S>);
  const text = (key: string) => (m as Record<string, string>)[key] ?? key;
  const err = (field: string) => {
    const key = state.fields?.[field];
    return key ? text(key) : undefined;
  };
  return { state, action, pending, text, err };
}
