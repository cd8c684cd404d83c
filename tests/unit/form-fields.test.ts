import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { ErrorSummary, SearchErrors } from "@/components/ui/form-alert";
import { CriterionInput, CriterionSelect } from "@/components/ui/search-form";
import { en } from "@/lib/i18n/messages/en";

// The field rows' markup is what the browser tests and screen readers find: label for the control,
// `<id>-help` and `<id>-error` read in that order, aria-invalid only on a refused field.
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const tag = (markup: string, name: string, id: string) => markup.match(new RegExp(`<${name}[^>]*id="${id}"[^>]*>`))?.[0] ?? "";

describe("field rows", () => {
  it("labels a plain input, with no description nor invalid state", () => {
    const out = html(h(Field, { id: "reference", label: "Reference", maxLength: 64 }));
    expect(out).toContain('<label for="reference"');
    const input = tag(out, "input", "reference");
    expect(input).toContain('name="reference"');
    expect(input).toContain('maxLength="64"');
    expect(input).not.toContain("aria-describedby");
    expect(input).not.toContain("aria-invalid");
  });

  it("points a refused field at its help, then its error, and marks it invalid", () => {
    const out = html(h(Field, { id: "amount", label: "Amount", help: "In euros", error: "Too large" }));
    const input = tag(out, "input", "amount");
    expect(input).toContain('aria-describedby="amount-help amount-error"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain("border-red-700");
    expect(out.indexOf('id="amount-help"')).toBeLessThan(out.indexOf('id="amount-error"'));
    expect(out).toContain(">Too large</p>");
  });

  it("reads a caller's note between the help and the error", () => {
    const note = h("p", { id: "phoneNumber-e164" }, "+33 6");
    const out = html(h(Field, { id: "phoneNumber", label: "Phone", help: "h", error: "e", note, noteId: "phoneNumber-e164" }));
    expect(tag(out, "input", "phoneNumber")).toContain('aria-describedby="phoneNumber-help phoneNumber-e164 phoneNumber-error"');
    expect(out.indexOf('id="phoneNumber-e164"')).toBeLessThan(out.indexOf('id="phoneNumber-error"'));
  });

  it("keeps the error's details inside its element", () => {
    const detail = h("ul", { "data-testid": "invalid-recipients" }, h("li", null, "bad"));
    const out = html(h(TextAreaField, { id: "recipients", label: "To", error: "Invalid", errorDetail: detail }));
    expect(out).toMatch(/<div id="recipients-error"[^>]*><p>Invalid<\/p><ul data-testid="invalid-recipients">/);
    expect(html(h(TextAreaField, { id: "recipients", label: "To", errorDetail: detail }))).not.toContain("invalid-recipients");
  });

  it("says a field may stay empty after its label", () => {
    expect(html(h(Field, { id: "url", label: "Address", optional: "optional" }))).toMatch(
      /<label for="url"[^>]*>Address \(optional\)<\/label>/,
    );
  });

  it("gives a select its name apart from its id, an empty first choice and its options", () => {
    const out = html(
      h(SelectField, {
        id: "q-shop",
        name: "shop",
        label: "Shop",
        placeholder: "Any",
        defaultValue: "b",
        options: [
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ],
      }),
    );
    expect(tag(out, "select", "q-shop")).toContain('name="shop"');
    expect(out).toMatch(/<option value="">Any<\/option><option value="a">A<\/option><option value="b" selected="">B<\/option>/);
  });

  it("puts a checkbox before its label", () => {
    const out = html(h(CheckboxField, { id: "retry", label: "Retry", help: "Three times", defaultChecked: true }));
    expect(out.indexOf('type="checkbox"')).toBeLessThan(out.indexOf('<label for="retry"'));
    expect(tag(out, "input", "retry")).toContain('aria-describedby="retry-help"');
  });
});

describe("binding fields to the server's answer", () => {
  it("gives each field its id, its error and the value typed, as text", () => {
    const bind = fieldBinder((f) => (f === "name" ? "Required" : undefined), { name: "", days: 14, gone: null });
    expect(bind("name")).toEqual({ id: "name", name: "name", error: "Required", defaultValue: "" });
    expect(bind("days")).toEqual({ id: "days", name: "days", error: undefined, defaultValue: "14" });
    expect(bind("gone").defaultValue).toBeUndefined();
    expect(bind("missing").defaultValue).toBeUndefined();
  });

  it("sets a prefix before the id and the error's field, not before the name", () => {
    const bind = fieldBinder(
      (f) => (f === "merchant.shopName" ? "Required" : undefined),
      { shopName: "S" },
      {
        idPrefix: "merchant-",
        errorPrefix: "merchant.",
      },
    );
    expect(bind("shopName")).toEqual({ id: "merchant-shopName", name: "shopName", error: "Required", defaultValue: "S" });
    const out = html(h(Field, { ...bind("shopName"), label: "Shop" }));
    expect(tag(out, "input", "merchant-shopName")).toContain('name="shopName"');
    expect(out).toContain('<label for="merchant-shopName"');
    expect(out).toContain('id="merchant-shopName-error"');
  });

  it("takes a label and its help from the catalogue", () => {
    expect(labelTexts(en)("shopset_validity")).toEqual({ label: en.shopset_validity, help: en.shopset_validity_help });
  });
});

describe("error summaries", () => {
  const text = (key: string) => ({ err_required: "Required", form_has_errors: "Errors" })[key] ?? key;

  it("shows nothing when the form was accepted", () => {
    expect(html(h(ErrorSummary, { state: {}, text, target: (f) => ({ id: f, label: f }), fallback: "Errors" }))).toBe("");
    expect(html(h(SearchErrors, { title: "Bad", errors: {}, label: (f) => f, text }))).toBe("");
  });

  it("links each refused field to its input with the reason", () => {
    const out = html(
      h(ErrorSummary, {
        state: { fields: { languages: "err_required" } },
        text,
        target: () => ({ id: "languages-fr", label: "Languages" }),
        fallback: "Errors",
      }),
    );
    expect(out).toContain('role="alert"');
    expect(out).toContain('<a href="#languages-fr" class="underline">Languages</a> — Required');
  });

  it("names without a link the criteria that have no input on the page", () => {
    const out = html(
      h(SearchErrors, {
        title: "Bad",
        errors: { after: "err_required", to: "err_required" },
        label: (f) => f,
        text,
        linked: (f) => f !== "after",
      }),
    );
    expect(out).toContain('data-testid="search-errors"');
    expect(out).toContain("<li>after : Required</li>");
    expect(out).toContain('<a href="#to" class="underline">to</a> : Required');
  });
});

describe("search criteria", () => {
  it("keep their help-<name> and err-<name> ids", () => {
    const out = html(h(CriterionInput, { name: "actor", label: "Actor", help: "Name", error: "Too long", value: "x" }));
    const input = tag(out, "input", "actor");
    expect(input).toContain('aria-describedby="help-actor err-actor"');
    expect(input).toContain('value="x"');
    expect(out).toContain('<label for="actor">Actor</label>');
    expect(out).toContain('id="err-actor"');
  });

  it("offer any value first", () => {
    const out = html(h(CriterionSelect, { name: "status", label: "Status", any: "All", options: [{ value: "PAID", label: "Paid" }] }));
    expect(out).toMatch(/<option value="" selected="">All<\/option><option value="PAID">Paid<\/option>/);
  });
});
