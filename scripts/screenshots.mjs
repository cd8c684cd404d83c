// Regenerates the pictures in docs/screenshots/ (linked from the README): every e-mail as Chromium
// renders it, and the back office and the buyer's page on a 390 × 844 phone. They are taken by the
// tests that check those screens (tests/integration/mail-layout.test.ts, tests/e2e/phone-layout.test.ts),
// so a picture is only written when its checks pass. Needs what `npm test` needs (PostgreSQL,
// Chromium); makes a production build first.
//   node scripts/screenshots.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "docs", "screenshots");
fs.mkdirSync(dir, { recursive: true });
const r = spawnSync(process.execPath, ["scripts/test.mjs", "tests/integration/mail-layout.test.ts", "tests/e2e/phone-layout.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, SCREENSHOTS_DIR: dir },
});
const pictures = fs.readdirSync(dir).filter((f) => f.endsWith(".png"));
console.log(`${pictures.length} pictures in docs/screenshots/: ${pictures.join(", ")}`);
process.exit(r.status ?? 1);
