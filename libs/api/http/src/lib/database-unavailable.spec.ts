import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { toApiError } from './error.filter';
import { isDatabaseUnavailable } from './database-unavailable';

function pgError(code: string, message = 'error'): DatabaseError {
  const error = new DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', systemError('ECONNREFUSED')],
    ['a reset connection', systemError('ECONNRESET')],
    ['a refused connection to every address', Object.assign(new Error(''), { errors: [systemError('ECONNREFUSED')] })],
    ['admin_shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash_shutdown (57P02)', pgError('57P02')],
    ['cannot_connect_now (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006')],
    ['too many connections (53300)', pgError('53300')],
    ['a connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['a query of TypeORM on a lost connection', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['the next statement of a transaction whose connection broke', new QueryRunnerProviderAlreadyReleasedError()],
    [
      'an error caused by a lost connection',
      Object.assign(new Error('while saving'), { cause: systemError('ECONNRESET') }),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', new QueryFailedError('SELEC 1', [], pgError('42601'))],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('toApiError of an unreachable database', () => {
  it('answers 503 in the error format, in words', () => {
    expect(toApiError(systemError('ECONNREFUSED'))).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable at the moment; please retry in a few seconds',
      code: 'error.unavailable',
      params: {},
    });
  });

  it('still answers 500 for a fault of ours', () => {
    expect(toApiError(new TypeError('x is undefined')).statusCode).toBe(500);
  });
});
