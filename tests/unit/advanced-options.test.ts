// The creation dialogs' advanced options as typed, and the card registration rules (F-ORD-5/6/7).
import { describe, expect, it } from "vitest";
import { toLyraError } from "@/lib/lyra-api/parse-request";
import { advancedOrderOptionsSchema, parseAdvancedOptions } from "@/lib/orders/advanced-options";
import { checkAliasRules, threeDsWithAlias } from "@/lib/orders/order-rules";
import { AppError } from "@/lib/server/errors";

const ALL_3DS = { threeDsPreferences: ["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"] };
const fieldsOf = (values: Record<string, string>) => {
  try {
    parseAdvancedOptions(values, ALL_3DS);
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, fields: e.fields };
  }
};

describe("advancedOrderOptionsSchema: aliasMode", () => {
  it.each(["NONE", "PROPOSE", "AUTOMATIC"])("accepts %s", (aliasMode) => {
    expect(advancedOrderOptionsSchema.parse({ aliasMode })).toEqual({ aliasMode });
  });

  it("absent or empty: left to the default (no registration)", () => {
    expect(advancedOrderOptionsSchema.parse({}).aliasMode).toBeUndefined();
    expect(advancedOrderOptionsSchema.parse({ aliasMode: "" }).aliasMode).toBeUndefined();
    expect(advancedOrderOptionsSchema.parse({ aliasMode: "  " }).aliasMode).toBeUndefined();
  });

  it.each(["propose", "ALWAYS", "ASK_REGISTER_PAY"])("refuses %s with err_alias_mode on the field", (aliasMode) => {
    expect(fieldsOf({ aliasMode })).toEqual({ code: "VALIDATION", fields: { aliasMode: "err_alias_mode" } });
  });

  it("is reported with the other options' errors", () => {
    expect(fieldsOf({ aliasMode: "X", threeDsPreference: "Y", captureDelay: "-1" })?.fields).toEqual({
      aliasMode: "err_alias_mode",
      threeDsPreference: "err_threeds",
      captureDelay: "err_capture_delay",
    });
  });
});

describe("advancedOrderOptionsSchema: checkboxes", () => {
  it.each(["dataCollectionForm", "remindersOptOut"])("%s: ticked → true, else left out", (name) => {
    for (const on of ["on", "true", true]) expect(advancedOrderOptionsSchema.parse({ [name]: on })).toEqual({ [name]: true });
    for (const off of [undefined, "", "off", "false", false])
      expect(advancedOrderOptionsSchema.parse({ [name]: off })[name as "remindersOptOut"]).toBeUndefined();
  });
});

describe("card registration rules", () => {
  it("no alias with the data collection form", () => {
    expect(checkAliasRules({ dataCollectionForm: true, aliasMode: "PROPOSE" })).toEqual({ aliasMode: "err_alias_with_form" });
    expect(checkAliasRules({ dataCollectionForm: true, aliasMode: "AUTOMATIC" })).toEqual({ aliasMode: "err_alias_with_form" });
    expect(checkAliasRules({ dataCollectionForm: true, aliasMode: "NONE" })).toEqual({});
    expect(checkAliasRules({ dataCollectionForm: false, aliasMode: "AUTOMATIC" })).toEqual({});
  });

  it("an alias forces a 3-D Secure challenge; without one the preference is kept", () => {
    expect(threeDsWithAlias("PROPOSE", "FRICTIONLESS")).toBe("CHALLENGE");
    expect(threeDsWithAlias("AUTOMATIC", "NO_PREFERENCE")).toBe("CHALLENGE");
    expect(threeDsWithAlias("NONE", "FRICTIONLESS")).toBe("FRICTIONLESS");
  });

  it("the API names formAction (INT_875) when the domain refuses an alias with the form", () => {
    const e = new AppError("VALIDATION", "x", { fields: { aliasMode: "err_alias_with_form" } });
    expect(toLyraError(e, { dataCollectionForm: true }).code).toBe("INT_875");
  });
});
