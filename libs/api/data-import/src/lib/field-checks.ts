import { MessageCode, MessageParams } from '@crm/shared/domain';

/** A row's problem with a field: its English message, and its message code and params for people. */
export interface RowProblem {
  message: string;
  code: MessageCode;
  params: MessageParams;
}

export const problem = (code: MessageCode, message: string, params: MessageParams = {}): RowProblem => ({
  code,
  message,
  params,
});

/**
 * Set-wise validation of the staging table `import_rows r` (every column text, as the CSV had it).
 * A field check is a list of [condition, problem] pairs in SQL; the first condition that holds gives
 * the row's error for that field (null: no error, and the field's checks end). All checks of a kind are
 * compiled into one scan of the staging table. Column names and messages come from our own constants,
 * never from the file.
 */
export type FieldCase = [condition: string, problem: RowProblem | null];

export interface FieldCheck {
  field: string;
  cases: FieldCase[];
}

export const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const col = (name: string) => `r."${name}"`;
export const isBlank = (name: string) => `coalesce(btrim(${col(name)}), '') = ''`;

// pg_input_is_valid (PostgreSQL 16+) parses in C without raising; several times faster than a regex.
/** Not a finite decimal number (numeric also reads NaN and Infinity, which we refuse). */
const notNumber = (c: string) =>
  `(NOT pg_input_is_valid(${c}, 'numeric') OR ${c}::numeric IN ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric))`;
/** Not YYYY-MM-DD of a real day. */
const notDate = (c: string) =>
  `(length(${c}) <> 10 OR substr(${c}, 5, 1) <> '-' OR substr(${c}, 8, 1) <> '-' OR NOT pg_input_is_valid(${c}, 'date'))`;
/** Not YYYY-MM. */
const notPeriod = (c: string) =>
  `(length(${c}) <> 7 OR substr(${c}, 5, 1) <> '-' OR NOT pg_input_is_valid(${c} || '-01', 'date'))`;

/** Blank is an error, or (optional fields) ends the field's checks without one. */
function presence(name: string, required: boolean): FieldCase {
  return [isBlank(name), required ? problem('import.required', 'is required') : null];
}

export function textField(
  name: string,
  options: { required?: boolean; minLength?: number; maxLength: number },
): FieldCheck {
  const { required = true, minLength = 1, maxLength } = options;
  return {
    field: name,
    cases: [
      presence(name, required),
      [
        `char_length(${col(name)}) < ${minLength}`,
        problem('import.minLength', `must have at least ${minLength} characters`, { limit: minLength }),
      ],
      [
        `char_length(${col(name)}) > ${maxLength}`,
        problem('import.maxLength', `must have at most ${maxLength} characters`, { limit: maxLength }),
      ],
    ],
  };
}

export function numberField(
  name: string,
  options: { required?: boolean; min: number; minExclusive?: boolean; max: number; decimals?: number },
): FieldCheck {
  const { required = true, min, minExclusive = false, max, decimals } = options;
  const value = `${col(name)}::numeric`;
  return {
    field: name,
    cases: [
      presence(name, required),
      [notNumber(col(name)), problem('import.number', 'must be a number')],
      ...(decimals === undefined
        ? []
        : [
            [
              `scale(${value}) > ${decimals}`,
              problem('import.decimals', `may have at most ${decimals} decimals`, { limit: decimals }),
            ] as FieldCase,
          ]),
      minExclusive
        ? [`${value} <= ${min}`, problem('import.moreThan', `must be more than ${min}`, { limit: min })]
        : [
            `${value} < ${min}`,
            min === 0
              ? problem('import.notNegative', 'must not be negative')
              : problem('import.atLeast', `must be at least ${min}`, { limit: min }),
          ],
      [`${value} > ${max}`, problem('import.atMost', `must be at most ${max}`, { limit: max })],
    ],
  };
}

export function oneOfField(name: string, values: readonly (string | number)[], required = true): FieldCheck {
  const list = values.map((v) => sqlText(String(v))).join(', ');
  return {
    field: name,
    cases: [
      presence(name, required),
      [
        `${col(name)} NOT IN (${list})`,
        problem('import.oneOf', `must be one of ${values.join(', ')}`, { values: values.join(', ') }),
      ],
    ],
  };
}

/** YYYY-MM-DD, a real day; `notAfterToday` refuses days after today in China. */
export function dateField(name: string, extra: FieldCase[] = []): FieldCheck {
  return {
    field: name,
    cases: [
      presence(name, true),
      [notDate(col(name)), problem('import.date', 'must be a date (YYYY-MM-DD)')],
      ...extra,
    ],
  };
}

/** YYYY-MM. */
export function periodField(name: string, extra: FieldCase[] = []): FieldCheck {
  return {
    field: name,
    cases: [
      presence(name, true),
      [notPeriod(col(name)), problem('import.month', 'must be a month (YYYY-MM)')],
      ...extra,
    ],
  };
}

/** The first day of a YYYY-MM column, or NULL when it is not one (safe in joins before validation). */
export const periodDate = (name: string) =>
  `(CASE WHEN NOT ${notPeriod(col(name))} THEN (${col(name)} || '-01')::date END)`;

/**
 * One row per (row, field, problem) with an error, the problem as jsonb `{message, code, params}`, in one
 * pass over the staging table and the given joins. The problems are computed as columns of a subquery that the planner may not flatten (OFFSET 0), so that
 * only rows with an error are unpivoted: several times faster than a LATERAL VALUES over every row.
 */
export function compileChecks(joins: string, checks: FieldCheck[]): string {
  const messages = checks.map((check, i) => {
    const cases = check.cases
      .map(([condition, p]) => `WHEN ${condition} THEN ${p ? `${sqlText(JSON.stringify(p))}::jsonb` : 'NULL'}`)
      .join(' ');
    return `CASE ${cases} END AS m${i}`;
  });
  const fields = checks.map((check, i) => `(${sqlText(check.field)}, x.m${i})`);
  const anyError = checks.map((_, i) => `x.m${i} IS NOT NULL`).join(' OR ');
  return `SELECT x.row_no, v.field, v.problem
            FROM (SELECT r.row_no, ${messages.join(', ')} FROM import_rows r ${joins} OFFSET 0) AS x
           CROSS JOIN LATERAL (VALUES ${fields.join(', ')}) AS v(field, problem)
           WHERE (${anyError}) AND v.problem IS NOT NULL`;
}

/** Later rows that repeat an earlier row's natural key, reported on the key's last column. */
export function compileDuplicates(key: string[]): string {
  const columns = key.map((k) => `"${k}"`).join(', ');
  const names = key.join(', ');
  return `SELECT row_no, ${sqlText(key[key.length - 1])},
                 jsonb_build_object('message', ${sqlText(`repeats the ${names} of row `)} || first_row,
                                    'code', 'import.repeatsKey',
                                    'params', jsonb_build_object('key', ${sqlText(names)}, 'row', first_row))
            FROM (SELECT row_no, min(row_no) OVER (PARTITION BY ${columns}) AS first_row FROM import_rows) d
           WHERE row_no > first_row`;
}
