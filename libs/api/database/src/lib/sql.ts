/** Today's date in China (UTC+8), in SQL. */
export const TODAY_CN = `((now() AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/** The date in China of a timestamptz expression, in SQL. */
export const chinaDateSql = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
