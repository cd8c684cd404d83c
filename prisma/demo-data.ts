// The demo tenants printed in the README. Also used by the end-to-end tests.
export const DEMO = {
  // SMS go through the platform's account (SMS_PROVIDER_*) or the sandbox: credits to try them.
  company: { name: "Démo SARL", managerEmail: "contact@demo.test", smsCredits: 100, smsLowCreditThreshold: 10 },
  shop: {
    id: "12345678",
    name: "Boutique Démo",
    url: "https://boutique.demo.test",
    managerEmail: "boutique@demo.test",
    timeZone: "Europe/Paris",
    defaultValidityDays: 7,
    currencies: ["EUR"],
    languages: ["fr", "en"],
    keys: {
      testPassword: "testpassword_DEMOSHOPKEY0000000001",
      prodPassword: "prodpassword_DEMOSHOPKEY0000000001",
      testHmacKey: "testhmac_DEMOSHOPKEY0000000001",
      prodHmacKey: "prodhmac_DEMOSHOPKEY0000000001",
    },
  },
  users: [
    // The administrator sees every shop of the company, those created later too (User.allShops).
    { email: "admin@demo.test", password: "demo-admin-1", name: "Alice Admin", role: "ADMIN", allShops: true },
    { email: "operator@demo.test", password: "demo-operator-1", name: "Olivier Opérateur", role: "OPERATOR" },
    { email: "viewer@demo.test", password: "demo-viewer-1", name: "Valérie Lecture", role: "VIEWER" },
  ],
  other: {
    company: { name: "Autre SAS", managerEmail: "contact@autre.test" },
    shop: {
      id: "87654321",
      name: "Autre Boutique",
      keys: { testPassword: "testpassword_OTHERSHOPKEY000000002", prodPassword: "prodpassword_OTHERSHOPKEY000000002" },
    },
    user: { email: "other@demo.test", password: "demo-other-1", name: "Oscar Autre", role: "ADMIN" },
  },
} as const;
