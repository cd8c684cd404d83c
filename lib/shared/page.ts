// A back-office list read a page at a time, newest first (the transaction and notification logs).

/**
 * Prisma's `orderBy`, `skip` and `take` for page `page` (from 1) of `size` rows, newest first with
 * the id as tiebreak; one row more than the page, so that `rows.length > size` says a next page
 * exists.
 */
export const newestFirstPage = (page: number, size: number) => ({
  orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  skip: (page - 1) * size,
  take: size + 1,
});
