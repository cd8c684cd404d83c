import { safeParseInput } from "../server/validation";
import { type OrderSearch, orderSearchSchema } from "./schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each GET parameter, as a form sends them. */
export const flatParams = (params: SearchParams): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" ? [[k, v]] : Array.isArray(v) && v[0] !== undefined ? [[k, v[0]]] : [],
    ),
  );

/**
 * The list's search from its GET parameters. Invalid criteria are reported (message keys per
 * field) and left out, so the list still shows what the valid ones select.
 */
export function parseOrderSearch(params: Record<string, string>): { search: OrderSearch; errors: Record<string, string> } {
  const first = safeParseInput(orderSearchSchema, params);
  if (first.success) return { search: first.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of first.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
  const kept = { ...params };
  for (const field of Object.keys(errors)) delete kept[field];
  if (errors.currency) {
    delete kept.amountMin;
    delete kept.amountMax;
  }
  const second = safeParseInput(orderSearchSchema, kept);
  return { search: second.success ? second.data : orderSearchSchema.parse({}), errors };
}

/** Query string of the search with some parameters replaced (undefined removes them). */
export function searchHref(path: string, params: Record<string, string>, over: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...over })) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
