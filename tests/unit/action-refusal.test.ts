// The one table from a use case's refusal to what the back office shows.
import { describe, expect, it } from "vitest";
import { noticeOf, refusalOf } from "@/lib/auth/action-refusal";
import { AppError } from "@/lib/server/errors";

describe("refusalOf", () => {
  it("keeps a validation error's fields and details", () => {
    const e = new AppError("VALIDATION", "bad", { fields: { amount: "err_amount" }, details: { x: 1 }, publicMessage: "invalid_input" });
    expect(refusalOf(e)).toEqual({ fields: { amount: "err_amount" }, details: { x: 1 } });
  });

  it("maps the codes onto the message keys the forms show; NOT_FOUND reads like FORBIDDEN", () => {
    expect(refusalOf(new AppError("FORBIDDEN", "role", { publicMessage: "forbidden" }))).toEqual({ error: "err_forbidden" });
    expect(refusalOf(new AppError("NOT_FOUND", "shop", { publicMessage: "Not found" }))).toEqual({ error: "err_forbidden" });
    expect(refusalOf(new AppError("INVALID_TRANSITION", "status"))).toEqual({ error: "err_action_not_allowed" });
    expect(refusalOf(new AppError("VALIDATION", "no fields"))).toEqual({ error: "err_generic" });
    expect(refusalOf(new AppError("CONFLICT", "race"))).toEqual({ error: "err_generic" });
  });

  it("shows a message the use case chose for people (err_…) as the form's message", () => {
    expect(refusalOf(new AppError("CONFLICT", "sandbox", { publicMessage: "err_sms_not_sandbox" }))).toEqual({
      error: "err_sms_not_sandbox",
    });
    const whole = new AppError("VALIDATION", "no form", { publicMessage: "err_invoice_form_missing", fields: { shopId: "x" } });
    expect(refusalOf(whole)).toEqual({ error: "err_invoice_form_missing" });
  });

  it("throws anything that is not an AppError again", () => {
    const bug = new TypeError("bug");
    expect(() => refusalOf(bug)).toThrow(bug);
  });

  it("gives a redirect notice one key", () => {
    expect(noticeOf({ fields: { day: "err_date_format" } })).toBe("err_date_format");
    expect(noticeOf({ error: "err_forbidden" })).toBe("err_forbidden");
    expect(noticeOf({})).toBe("err_generic");
  });
});
