import { parseRequest } from "../parse-request";
import { sdkTestSchema } from "../schemas";
import type { Service } from "./types";

/** Charge/SDKTest — echoes `value`: a credentials check. */
export const sdkTest: Service = async ({ body }) => {
  const { value } = parseRequest(sdkTestSchema, body);
  return { answer: { value, _type: "V4/Type/String" } };
};
