// The Lyra API's SMS codes key on the rule's stable reason, never on the back office's message key.
import { describe, expect, it } from "vitest";
import { SMS_CREDITS_SHORT } from "@/lib/channels/debit-sms-credits";
import { SMS_TEXT_EMPTY, SMS_TEXT_TOO_LONG } from "@/lib/channels/render-order-text";
import { toLyraError } from "@/lib/lyra-api/parse-request";
import { AppError } from "@/lib/server/errors";

const refused = (message: string, reason?: string) =>
  toLyraError(new AppError("VALIDATION", "refused", { fields: { message }, publicMessage: "invalid_input", reason })).code;

describe("toLyraError", () => {
  it("gives each SMS rule its own code by reason", () => {
    expect(refused("smsd_err_credits", SMS_CREDITS_SHORT)).toBe("PSP_1030");
    expect(refused("smsd_err_too_long", SMS_TEXT_TOO_LONG)).toBe("PSP_1038");
    expect(refused("smsd_err_message_required", SMS_TEXT_EMPTY)).toBe("PSP_1021");
  });

  it("does not read a translation key as a reason: renaming a message changes no API code", () => {
    expect(refused("smsd_err_credits")).toBe("INT_902");
    expect(refused("any_new_wording", SMS_CREDITS_SHORT)).toBe("PSP_1030");
  });
});
