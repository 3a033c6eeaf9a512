/**
 * Error codes that mean the database cannot be reached or is not accepting work right now, as opposed
 * to refusing a statement: socket errors of Node, and the PostgreSQL classes 08 (connection exception)
 * and 57P (operator intervention: admin_shutdown, crash_shutdown, cannot_connect_now), and 53300
 * (too_many_connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Messages of `pg` and `pg-pool` for a connection that broke, never came or cannot be used. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * TypeORM's errors for a query on a connection it has given back to the pool: in a transaction, that is
 * what the next statement meets once the connection broke (the pool's client emitted `error`, and TypeORM
 * released it at once), in place of the connection error itself.
 */
const RELEASED_CONNECTION_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Whether `error` says the database is unreachable (down, restarting, the connection lost), which heals
 * by itself, rather than a fault of the statement or of our code. Looks through TypeORM's `driverError`,
 * `cause` and the `errors` of an AggregateError (a refused connection to every address of a host).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { name, code, message, driverError, cause, errors } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof name === 'string' && RELEASED_CONNECTION_ERRORS.has(name)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return (
    isDatabaseUnavailable(driverError, depth + 1) ||
    isDatabaseUnavailable(cause, depth + 1) ||
    (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
  );
}
