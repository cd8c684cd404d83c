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
      "/shops/{shopId}/invoice-orders/import",
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

  it("also describes our own /api/v1 endpoint (issue 21): its server, multipart body, report and English errors", () => {
    const doc = openApiDocument() as { paths: Record<string, { servers?: { url: string }[]; post: Record<string, unknown> }> };
    const path = doc.paths["/shops/{shopId}/invoice-orders/import"]!;
    expect(path.servers?.[0]?.url).toMatch(/\/api\/v1$/);
    const post = path.post as {
      parameters: { name: string; in: string }[];
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, { content: { "application/json": { schema: { properties: Record<string, unknown> } } } }>;
    };
    expect(post.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["path:shopId", "query:dryRun"]);
    expect(Object.keys(post.requestBody.content)).toEqual(["multipart/form-data"]);
    expect(Object.keys(post.responses["200"]!.content["application/json"].schema.properties)).toContain("errorCount");
    expect(Object.keys(post.responses["400"]!.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["code", "reason", "message"]),
    );
  });
});
