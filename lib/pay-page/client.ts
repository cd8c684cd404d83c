// The buyer page's only script (bundled by assets.ts): the card brand as it is typed, the CVC
// length that goes with it, and one submission per click. The page works without it.
import creditCardType from "credit-card-type";

const form = document.querySelector<HTMLFormElement>("form[data-pay-form]");
if (form) {
  const number = form.querySelector<HTMLInputElement>("#cardNumber");
  const cvc = form.querySelector<HTMLInputElement>("#cvc");
  const out = form.querySelector<HTMLElement>("[data-testid=card-brand]");
  const template = out?.dataset.template ?? "{brand}";
  number?.addEventListener("input", () => {
    const digits = number.value.replace(/[\s-]/g, "");
    const types = /^\d{4,}$/.test(digits) ? creditCardType(digits) : [];
    const card = types.length === 1 ? types[0] : undefined;
    if (out) out.textContent = card ? template.replace("{brand}", card.niceType) : "";
    if (cvc) cvc.maxLength = card?.code.size ?? 4;
  });
}
const forms = document.querySelectorAll<HTMLFormElement>("form[method=post]");
// Back to a page kept in the browser's cache: it may be sent again.
window.addEventListener("pageshow", () => {
  for (const f of forms) delete f.dataset.sent;
});
for (const f of forms) {
  f.addEventListener("submit", (e) => {
    if (f.dataset.sent === "1") e.preventDefault();
    else f.dataset.sent = "1";
  });
}

// Issue 20: the hop to a processor's hosted page (the button or link stays for a page without
// script), and the page that waits for the processor's confirmation.
document.querySelector<HTMLFormElement>("form[data-autosubmit]")?.submit();
const follow = document.querySelector<HTMLAnchorElement>("a[data-autofollow]");
if (follow) window.location.assign(follow.href);
const refresh = document.querySelector<HTMLElement>("[data-refresh]");
if (refresh) setTimeout(() => window.location.reload(), Number(refresh.dataset.refresh) || 2000);
