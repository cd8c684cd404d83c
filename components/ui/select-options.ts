import type { Option } from "./field";

/** The options of a shop select: its name and id. */
export const shopOptions = (shops: { id: string; name: string }[]): Option[] =>
  shops.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));

/** The options of a language select, each in its own language. */
export const languageOptions = (languages: string[]): Option[] =>
  languages.map((l) => ({ value: l, label: new Intl.DisplayNames([l], { type: "language" }).of(l) ?? l }));
