import { z } from "zod";

// Configuration read once, validated, with one clear line naming any bad variable.
const schema = z.object({
  DATABASE_URL: z.url({ error: "must be a postgresql:// URL" }),
  APP_SECRET: z.string().min(16, { error: "must be at least 16 characters (see .env.example)" }),
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  NEXTAUTH_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof schema> & { APP_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${String(issue?.path[0])} ${issue?.message}`);
  }
  const appUrl = (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "");
  cached = { ...parsed.data, APP_URL: appUrl };
  return cached;
}

/** Public base URL used in payment links and messages. */
export const appUrl = () => env().APP_URL;
