import type { fr } from "./fr";

/** Every buyer text: a catalogue missing a key (or with an extra one) fails to type-check. */
export type PayMessages = { readonly [K in keyof typeof fr]: string };
