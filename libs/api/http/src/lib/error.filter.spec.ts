import { ConflictError } from '@crm/shared/domain';
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
      details: [{ field: 'accountNo', message: 'is taken already' }],
    });
  });

  it('keeps the details of a domain conflict', () => {
    expect(toApiError(new ConflictError('taken', [{ field: 'externalRef', message: 'is taken already' }]))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'taken',
      details: [{ field: 'externalRef', message: 'is taken already' }],
    });
  });

  it('reads the columns of a constraint detail as API field names', () => {
    expect(keyFields('Key (template_id, customer_id)=(a, b) already exists.')).toEqual(['templateId', 'customerId']);
    expect(keyFields('no key here')).toEqual([]);
    expect(keyFields(undefined)).toEqual([]);
  });
});
