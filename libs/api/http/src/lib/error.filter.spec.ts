import { ConflictError, InvalidInputError } from '@crm/shared/domain';
import { IsIn, IsUUID, Max, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { validationDetails } from './configure-http';
import { keyFields, toApiError } from './error.filter';

describe('toApiError', () => {
  it("names the field of a unique violation without PostgreSQL's text or the value", () => {
    const pg = Object.assign(new Error('duplicate key value violates unique constraint "customers_account_no_key"'), {
      code: '23505',
      detail: 'Key (account_no)=(3300012345) already exists.',
    });
    expect(toApiError(pg)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Another record has the same accountNo',
      code: 'error.conflict',
      params: { fields: 'accountNo', message: 'Another record has the same accountNo' },
      details: [
        { field: 'accountNo', message: 'is taken already', code: 'field.taken', params: { field: 'accountNo' } },
      ],
    });
  });

  it('keeps the details of a domain conflict', () => {
    expect(toApiError(new ConflictError('taken', [{ field: 'externalRef', message: 'is taken already' }]))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'taken',
      code: 'error.conflict',
      params: { fields: 'externalRef', message: 'taken' },
      details: [
        {
          field: 'externalRef',
          message: 'is taken already',
          code: 'field.invalid',
          params: { field: 'externalRef', message: 'is taken already' },
        },
      ],
    });
  });

  it('keeps the code and params a domain error names', () => {
    const error = new InvalidInputError('Invalid creditCode', [
      {
        field: 'creditCode',
        message: 'has a wrong check character',
        code: 'creditCode.check',
        params: { field: 'creditCode' },
      },
    ]);
    expect(toApiError(error).details).toEqual([
      {
        field: 'creditCode',
        message: 'has a wrong check character',
        code: 'creditCode.check',
        params: { field: 'creditCode' },
      },
    ]);
  });

  it('gives an error without details the code of its status', () => {
    expect(toApiError(new Error('boom'))).toMatchObject({ statusCode: 500, code: 'error.internal', params: {} });
  });

  it('reads the columns of a constraint detail as API field names', () => {
    expect(keyFields('Key (template_id, customer_id)=(a, b) already exists.')).toEqual(['templateId', 'customerId']);
    expect(keyFields('no key here')).toEqual([]);
    expect(keyFields(undefined)).toEqual([]);
  });
});

class Line {
  @Max(10)
  qty!: number;
}

class Order {
  @IsUUID()
  customerId!: string;

  @IsIn(['a', 'b'])
  kind!: string;

  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

describe('validationDetails', () => {
  it('names the code of each constraint with what it asks for', () => {
    const order = Object.assign(new Order(), {
      customerId: 'x',
      kind: 'c',
      lines: [Object.assign(new Line(), { qty: 11 })],
    });
    expect(validationDetails(validateSync(order))).toEqual([
      expect.objectContaining({ field: 'customerId', code: 'validation.isUuid', params: { field: 'customerId' } }),
      expect.objectContaining({ field: 'kind', code: 'validation.isIn', params: { field: 'kind', values: 'a, b' } }),
      expect.objectContaining({
        field: 'lines.0.qty',
        code: 'validation.max',
        params: { field: 'lines.0.qty', limit: 10 },
      }),
    ]);
  });
});
