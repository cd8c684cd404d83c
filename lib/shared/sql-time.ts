import { type Sql, sql } from "../server/generated/prisma/internal/prismaNamespace";

/** An instant in a Prisma SQL fragment, bound as ISO text: the columns are UTC `timestamp(3)`. */
export const ts = (at: Date): Sql => sql`CAST(${at.toISOString()} AS timestamp(3))`;
