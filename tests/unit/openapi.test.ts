import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/lyra-api/openapi";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every service, generated from the request schemas", () => {
    process.env.DATABASE_URL ??= "postgresql://localhost/unused";
    process.env.APP_SECRET ??= "unit-test-secret-0123456789abcdef";
    const doc = openApiDocument() as {
      openapi: string;
      paths: Record<
        string,
        {
          post: {
            requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } };
          };
        }
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/Charge/CreatePaymentOrder",
      "/Charge/PaymentOrder/Get",
      "/Charge/PaymentOrder/Update",
      "/Charge/PaymentOrder/Cancel",
      "/Charge/PaymentOrder/Reactivate",
      "/Charge/SDKTest",
      "/Order/Get",
      "/Transaction/Get",
      "/Transaction/CancelOrRefund",
      "/Transaction/Validate",
      "/Transaction/Update",
    ]);
    const update = doc.paths["/Transaction/Update"]!.post.requestBody.content["application/json"].schema;
    expect(update.required).toEqual(["uuid"]);
    expect(JSON.stringify(update.properties.cardUpdate)).toContain("expectedCaptureDate");
    const refund = doc.paths["/Transaction/CancelOrRefund"]!.post.requestBody.content["application/json"].schema;
    expect(Object.keys(refund.properties)).toEqual(["uuid", "amount", "currency", "resolutionMode", "comment"]);
    expect(JSON.stringify(doc)).toContain('"V4/Transaction"');
    const create = doc.paths["/Charge/CreatePaymentOrder"]!.post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(["amount", "currency"]);
    expect(Object.keys(create.properties)).toEqual(
      expect.arrayContaining(["orderId", "channelOptions", "expirationDate", "customer", "metadata", "formAction", "ipnTargetUrl"]),
    );
    expect(JSON.stringify(doc)).toContain("PSP_1000");
  });
});
