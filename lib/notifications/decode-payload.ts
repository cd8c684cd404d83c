// What the log shows of a delivery's body (the exact form body that was signed and sent).

export type DecodedPayload = {
  /** Every form field in the order sent, except a REST answer's JSON (shown apart). */
  fields: [name: string, value: string][];
  /** REST format: `kr-answer` pretty-printed (as sent when it is not JSON); null for the form format. */
  answer: string | null;
};

/** A delivery's form body as fields: `kr-hash`, `kr-answer-type`… and the answer, or the `vads_*` fields and signature. */
export function decodePayload(format: "REST" | "FORM", payload: string): DecodedPayload {
  const entries = [...new URLSearchParams(payload)];
  if (format !== "REST") return { fields: entries, answer: null };
  const raw = entries.find(([name]) => name === "kr-answer")?.[1] ?? null;
  let answer = raw;
  if (raw !== null) {
    try {
      answer = JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      // Shown as sent.
    }
  }
  return { fields: entries.filter(([name]) => name !== "kr-answer"), answer };
}
