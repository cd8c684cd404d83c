import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { confirmLabels } from "@/components/ui/confirm-labels";
import { DataTable } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/field";
import { fieldBinder } from "@/components/ui/field-binding";
import { PageTitle } from "@/components/ui/page-title";
import { RadioGroup } from "@/components/ui/radio-group";
import { Section } from "@/components/ui/section";

// The shared pieces' markup is what the browser tests click by (role, label, name) and axe checks.
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("shared UI pieces", () => {
  it("heads a table's columns and keeps its test id", () => {
    const out = html(h(DataTable, { testId: "users", columns: ["Name", "Role"] } as never, h("tr", null, h("td", null, "x"))));
    expect(out).toContain('<table class="w-full text-left text-sm" data-testid="users">');
    expect(out).toContain('<th scope="col" class="px-3 py-2">Name</th><th scope="col" class="px-3 py-2">Role</th>');
    expect(out).toContain("<tbody><tr><td>x</td></tr></tbody>");
  });

  it("names a section and a page by their headings", () => {
    expect(html(h(Section, { id: "sec-a", title: "A" }, "c"))).toBe(
      '<section aria-labelledby="sec-a"><h2 id="sec-a" class="text-lg font-semibold">A</h2>c</section>',
    );
    expect(html(h(PageTitle, { margin: "mb-2" } as never, "T"))).toBe('<h1 id="title" class="mb-2 text-2xl font-semibold">T</h1>');
  });

  it("ties radio buttons to their labels, helps and the group's error", () => {
    const out = html(
      h(RadioGroup, {
        name: "format",
        legend: "Format",
        options: [
          { value: "REST", label: "REST", help: "JSON" },
          { value: "FORM", label: "Form" },
        ],
        value: "REST",
        onChange: () => {},
        error: "Choose one",
      }),
    );
    expect(out).toContain('<fieldset class="flex flex-col gap-2" aria-describedby="format-error">');
    const rest = out.match(/<input[^>]*id="format-REST"[^>]*>/)?.[0] ?? "";
    expect(rest).toContain('aria-describedby="format-REST-help"');
    expect(rest).toContain('name="format"');
    expect(rest).toContain('checked=""');
    expect(out).toContain('<label for="format-FORM" class="text-sm">Form</label>');
    expect(out).toContain('<p id="format-error" class="text-sm font-medium text-red-700">Choose one</p>');
  });

  it("shows a field's refusal only when there is one", () => {
    expect(html(h(FieldError, { id: "bcc", error: "Bad" }))).toBe('<p id="bcc-error" class="text-sm font-medium text-red-700">Bad</p>');
    expect(html(h(FieldError, { id: "bcc" }))).toBe("");
  });

  it("reads a confirmation's texts from the catalogue by list and verb", () => {
    const labels = confirmLabels((k) => `[${k}]`, "users", "revoke");
    expect(labels).toEqual({
      delete: "[users_revoke]",
      title: "[users_revoke_title]",
      body: "[users_revoke_body]",
      confirm: "[users_revoke_confirm]",
      cancel: "[users_cancel]",
    });
  });

  it("binds a field without prefix to the same id and name", () => {
    expect(fieldBinder(() => undefined)("email")).toMatchObject({ id: "email", name: "email" });
  });
});
