// X-Twilio-Signature against Twilio's published example, and the checks our status callback relies on.
import { describe, expect, it } from "vitest";
import { isValidTwilioSignature, twilioSignature } from "@/lib/channels/twilio-signature";

const URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };

describe("Twilio request signature", () => {
  it("matches Twilio's documented example (auth token 12345)", () => {
    expect(twilioSignature(URL, PARAMS, "12345")).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("does not depend on the order of the parameters, but on every name, value, the URL and the password", () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(isValidTwilioSignature(URL, reversed, "12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(true);
    expect(isValidTwilioSignature(URL, { ...PARAMS, Digits: "1235" }, "12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(isValidTwilioSignature(`${URL}&x=1`, PARAMS, "12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(isValidTwilioSignature(URL, PARAMS, "54321", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(isValidTwilioSignature(URL, PARAMS, "12345", null)).toBe(false);
    expect(isValidTwilioSignature(URL, PARAMS, "12345", "short")).toBe(false);
  });
});
