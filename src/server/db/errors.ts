/**
 * What PostgreSQL (and PGlite, which reports the same fields) says about a failed statement: the
 * SQLSTATE code (23505 unique, 23P01 exclusion, or one a trigger of ours raises), the constraint and
 * the detail. Services read it to turn a race the database decided into a clear answer.
 */
export interface DbError {
  code?: string;
  constraint?: string;
  detail?: string;
}

export const dbError = (e: unknown): DbError => (typeof e === 'object' && e !== null ? (e as DbError) : {});

/** The statement broke a unique key or an exclusion constraint, optionally a given one. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = dbError(e);
  return (err.code === '23505' || err.code === '23P01') && (!constraint || err.constraint === constraint);
}
