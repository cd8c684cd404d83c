import { describe, expect, it } from "vitest";
import { canDeliveryTransition, DELIVERY_TRANSITIONS } from "@/lib/orders/delivery-status";
import { canTransition, ORDER_TRANSITIONS } from "@/lib/orders/order-status";
import { effectiveStatus } from "@/lib/orders/order-view";

const STATUSES = ["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"] as const;

describe("order life cycle table (F-LC-1)", () => {
  const expected: Record<keyof typeof ORDER_TRANSITIONS, string[]> = {
    pay: ["RUNNING", "REFUSED"],
    refuse: ["RUNNING", "REFUSED"],
    expire: ["RUNNING", "REFUSED"],
    cancel: ["RUNNING"],
    reactivate: ["CANCELLED"],
    extendValidity: ["RUNNING", "EXPIRED"],
    modify: ["RUNNING", "REFUSED", "EXPIRED"],
  };
  for (const [event, allowed] of Object.entries(expected)) {
    for (const status of STATUSES) {
      it(`${event} from ${status}: ${allowed.includes(status) ? "allowed" : "refused"}`, () => {
        expect(canTransition(status, event as keyof typeof ORDER_TRANSITIONS)).toBe(allowed.includes(status));
      });
    }
  }
  it("a paid order is final", () => {
    expect(Object.values(ORDER_TRANSITIONS).some((r) => (r.from as readonly string[]).includes("PAID"))).toBe(false);
  });
  it("reads EXPIRED once past validity, to the second", () => {
    const end = new Date("2026-01-15T22:59:59Z");
    expect(effectiveStatus("RUNNING", end, new Date("2026-01-15T22:59:59Z"))).toBe("RUNNING");
    expect(effectiveStatus("RUNNING", end, new Date("2026-01-15T22:59:59.001Z"))).toBe("EXPIRED");
    expect(effectiveStatus("PAID", end, new Date("2027-01-01T00:00:00Z"))).toBe("PAID");
  });
});

describe("delivery status table (F-LC-2)", () => {
  const DELIVERY = ["IN_PROGRESS", "SENT", "FAILED", "MANUAL"] as const;
  const expected = {
    markSent: ["MANUAL"],
    delivered: ["IN_PROGRESS"],
    failed: ["IN_PROGRESS", "SENT"],
    resend: ["IN_PROGRESS", "SENT", "FAILED"],
  };
  for (const [event, allowed] of Object.entries(expected)) {
    for (const status of DELIVERY) {
      it(`${event} from ${status}: ${allowed.includes(status) ? "allowed" : "refused"}`, () => {
        expect(canDeliveryTransition(status, event as keyof typeof DELIVERY_TRANSITIONS)).toBe(allowed.includes(status));
      });
    }
  }
  it("a link sent by hand never goes back to manual", () => {
    expect(Object.values(DELIVERY_TRANSITIONS).map((r) => r.to as string)).not.toContain("MANUAL");
  });
});
