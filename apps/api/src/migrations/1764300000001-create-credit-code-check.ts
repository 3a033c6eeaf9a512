import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GB 32100-2015 credit-code check in SQL, for the CSV import's set-wise validation. Returns the same
 * problem keys as CREDIT_CODE_PROBLEMS in libs/shared/domain (length, shape, check), or NULL when valid.
 */
export class CreateCreditCodeCheck1764300000001 implements MigrationInterface {
  name = 'CreateCreditCodeCheck1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION credit_code_problem(code text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        charset constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
        weights constant int[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        total int := 0;
      BEGIN
        IF code IS NULL OR length(code) <> 18 THEN RETURN 'length'; END IF;
        IF code !~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' THEN RETURN 'shape'; END IF;
        FOR i IN 1..17 LOOP
          total := total + (strpos(charset, substr(code, i, 1)) - 1) * weights[i];
        END LOOP;
        IF substr(charset, (31 - total % 31) % 31 + 1, 1) <> substr(code, 18, 1) THEN RETURN 'check'; END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION credit_code_problem(text)');
  }
}
