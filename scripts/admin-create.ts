// `npm run admin:create -- --email you@example.com [--name "Your Name"]`: a platform operator for a
// scripted install (issue 19). The password is read from stdin when something is piped in
// (`printf '%s' "$PW" | npm run admin:create -- --email …`), else generated and printed once.
import { parseArgs } from "node:util";
import { translator } from "../lib/i18n";
import { createPlatformOperator } from "../lib/platform/create-operator";
import { getDb } from "../lib/server/db";
import { isAppError } from "../lib/server/errors";
import { randomToken } from "../lib/server/secrets";
import { releaseResources } from "../lib/server/shutdown";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
if (!values.email) {
  console.error('usage: npm run admin:create -- --email you@example.com [--name "Your Name"]  (password on stdin, or generated)');
  process.exit(2);
}

async function readStdin(): Promise<string> {
  let s = "";
  for await (const chunk of process.stdin) s += chunk;
  return s.replace(/\r?\n$/, "");
}

const piped = !process.stdin.isTTY;
const password = piped ? await readStdin() : randomToken(18);
let code = 0;
try {
  await createPlatformOperator(getDb(), { email: values.email, name: values.name, password });
  console.error(
    `[admin] platform operator ${values.email.toLowerCase()} created: sign in at ${process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/signin`,
  );
  if (!piped) console.error(`[admin] its password (shown once, keep it somewhere safe): ${password}`);
} catch (e) {
  const t = translator("en");
  const reason = isAppError(e)
    ? Object.values(e.fields ?? {})
        .map(t)
        .join(" ") || e.message
    : String(e);
  console.error(`[admin] not created: ${reason}`);
  code = 1;
}
await releaseResources(Date.now() + 5_000).catch(() => {});
process.exit(code);
