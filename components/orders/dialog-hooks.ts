// The state the e-mail and phone dialogs share: their shop and language, their sending.
import { type FormEvent, useRef, useState, useTransition } from "react";

/**
 * The e-mail and phone dialogs' shop and message language, with their templates loaded again at
 * each new choice: a shop without the language chosen falls back to its default one, and only the
 * answer to the last choice is kept (an earlier, slower one is dropped).
 */
export function useShopLanguage<S extends { id: string; languages: string[]; defaultLanguage: string }, R>(
  shops: S[],
  initialLanguage: string,
  load: (shopId: string, language: string) => Promise<R>,
  onLoad: (answer: R) => void,
  /** "Create from": the source order's shop. */
  initialShopId?: string,
) {
  const [shopId, setShopId] = useState(shops.find((s) => s.id === initialShopId)?.id ?? shops[0]?.id ?? "");
  const [language, setLanguage] = useState(initialLanguage);
  const lastLoad = useRef(0);
  const shop = shops.find((s) => s.id === shopId) ?? shops[0];

  async function reload(id: string, lang: string) {
    const ticket = ++lastLoad.current;
    const answer = await load(id, lang);
    if (ticket === lastLoad.current) onLoad(answer);
  }

  function chooseShop(id: string) {
    const next = shops.find((s) => s.id === id);
    if (!next) return;
    const lang = next.languages.includes(language) ? language : next.defaultLanguage;
    setShopId(id);
    setLanguage(lang);
    void reload(id, lang);
  }

  function chooseLanguage(lang: string) {
    setLanguage(lang);
    if (shop) void reload(shop.id, lang);
  }

  return { shop, shopId, language, chooseShop, chooseLanguage };
}

/** A form's fields as they are now, for a preview asked before submitting. */
export const formValues = (form: HTMLFormElement | null) =>
  Object.fromEntries([...new FormData(form ?? undefined).entries()].map(([k, v]) => [k, String(v)]));

/** Sends the dialog's form to its server action: success redirects, a refusal comes back with the fields to correct. */
export function useDialogSubmit<S>(send: (prev: S, data: FormData) => Promise<S>, onRefused: (answer: S) => void) {
  const [submitting, startSubmit] = useTransition();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startSubmit(async () => {
      const answer = await send({} as S, data);
      if (answer) onRefused(answer);
    });
  }
  return { submitting, submit };
}
