// Issue 21: the rich-text editor's underline, alignment, text colour and size survive the
// sanitizer (on save and when the e-mail is rendered); nothing else of inline styles does.
import { describe, expect, it } from "vitest";
import { sanitizeTemplateHtml } from "@/lib/templates/sanitize-template-html";

describe("rich text: the editor's formatting survives sanitizing", () => {
  it("keeps underline, alignment, colour and size", () => {
    const html =
      '<p style="text-align: center">Hi <u>there</u> <span style="color: #d93025; font-size: 18px">%amount%</span></p><h2 style="text-align: right">T</h2>';
    const out = sanitizeTemplateHtml(html);
    expect(out).toContain('<p style="text-align:center">');
    expect(out).toContain("<u>there</u>");
    expect(out).toContain('<span style="color:#d93025;font-size:18px">%amount%</span>');
    expect(out).toContain('<h2 style="text-align:right">');
  });

  it("drops any other style or value", () => {
    const out = sanitizeTemplateHtml(
      '<p style="position: fixed; top: 0; text-align: middle">a</p><span style="color: expression(alert(1)); background: url(javascript:x)">b</span><a href="https://x.test" style="color:#fff">c</a>',
    );
    expect(out).not.toMatch(/position|expression|javascript|background|middle/);
    expect(out).toContain("<p>a</p>");
    expect(out).not.toContain('style="color:#fff"');
  });
});
