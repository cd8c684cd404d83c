// The back-office auth wrapper for server actions: session, minimum role, zod parse, one use case,
// and its refusal mapped by the one table (action-refusal.ts). The action file keeps only what is
// its own: how to read the call, what to do after (revalidate, redirect, the next form state).
import type { z } from "zod";
import { type Db, getDb } from "../server/db";
import type { Role } from "../server/generated/prisma/enums";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { type Refusal, refusalOf } from "./action-refusal";
import { hasRole, type UserActor } from "./actor";
import { requireSession } from "./session";

export type { Refusal } from "./action-refusal";
export { noticeOf } from "./action-refusal";

type Common<Args extends unknown[], In, R, Out> = {
  /** The least role allowed (VIEWER < OPERATOR < ADMIN); the use case checks its own rules too. */
  role?: Role;
  /** Allowed to a user who must still enrol in two-factor sign-in (the enrolment's own actions). */
  enrolment?: boolean;
  /** The call's arguments as one input object (form data read into fields, or the object passed). */
  read: (...args: Args) => In;
  /** After success, outside the error mapping (a redirect is not a refusal). */
  done: (result: R, input: In, actor: UserActor) => Out | Promise<Out>;
  /** The refusal (bad input, or the use case's AppError) as the caller shows it. */
  refused: (refusal: Refusal, input: In, actor: UserActor) => Out | Promise<Out>;
  /** When the schema refuses the input, if that reads otherwise than a use case's refusal (a forged call). */
  invalid?: (refusal: Refusal, input: In, actor: UserActor) => Out | Promise<Out>;
};

type Actorless<P> = P & { actor: UserActor };

export function authedAction<Args extends unknown[], In, S extends z.ZodType, R, Out>(
  opts: Common<Args, In, R, Out> & { schema: S; run: (db: Db, input: Actorless<z.output<S>>) => Promise<R> },
): (...args: Args) => Promise<Out>;
export function authedAction<Args extends unknown[], In, R, Out>(
  opts: Common<Args, In, R, Out> & { schema?: undefined; run: (db: Db, input: Actorless<In>) => Promise<R> },
): (...args: Args) => Promise<Out>;
export function authedAction<Args extends unknown[], In, R, Out>(
  opts: Common<Args, In, R, Out> & { schema?: z.ZodType; run: (db: Db, input: Actorless<unknown>) => Promise<R> },
): (...args: Args) => Promise<Out> {
  return async (...args: Args) => {
    const { actor } = await requireSession({ enrolment: opts.enrolment });
    const input = opts.read(...args);
    if (opts.role && !hasRole(actor, opts.role)) return opts.refused({ error: "err_forbidden" }, input, actor);
    let data: unknown = input;
    if (opts.schema) {
      const parsed = safeParseInput(opts.schema, input);
      if (!parsed.success) return (opts.invalid ?? opts.refused)({ fields: fieldErrorsOf(parsed.error) }, input, actor);
      data = parsed.data;
    }
    let result: R;
    try {
      result = await opts.run(getDb(), { ...(data as object), actor });
    } catch (e) {
      return opts.refused(refusalOf(e), input, actor);
    }
    return opts.done(result, input, actor);
  };
}

/** Form values as strings, the way the order dialogs send them back after a refusal. */
export const formValues = (formData: FormData): Record<string, string> =>
  Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
