import { queryFromParams } from './users.page';

describe('queryFromParams', () => {
  it('reads the filters of the URL', () => {
    expect(queryFromParams({ search: '张', role: 'leader', active: 'false', sort: '-createdAt', page: '3' })).toEqual({
      search: '张',
      role: 'leader',
      active: false,
      sort: '-createdAt',
      page: 3,
      pageSize: 20,
    });
  });

  it('ignores values the API would refuse', () => {
    expect(queryFromParams({ role: 'root', active: 'maybe', sort: 'password', page: '-1' })).toEqual({
      search: undefined,
      role: undefined,
      active: undefined,
      sort: undefined,
      page: 1,
      pageSize: 20,
    });
  });
});
