import { httpParams } from './http';

describe('httpParams', () => {
  it('keeps numbers, strings and false, and leaves out empty values', () => {
    const params = httpParams({ search: '张', page: 2, active: false, role: undefined, region: null, stage: '' });
    expect(params.keys()).toEqual(['search', 'page', 'active']);
    expect(params.get('page')).toBe('2');
    expect(params.get('active')).toBe('false');
  });
});
