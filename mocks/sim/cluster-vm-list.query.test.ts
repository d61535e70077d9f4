import { describe, expect, it } from 'vitest';
import { cloudVmPageQuery, clusterVmQuery } from './index';

const params = (query: string) => new URLSearchParams(query);

describe('the VM lists’ URL queries', () => {
  it('the cluster list pages 200 rows unless asked, at most 20,000, and refuses a count that is no number', () => {
    expect(clusterVmQuery(params(''))).toEqual({ skip: 0, top: 200, search: '', sort: 'name' });
    expect(clusterVmQuery(params('skip=5&top=99999&q=web&sort=state:desc'))).toEqual({
      skip: 5,
      top: 20_000,
      search: 'web',
      sort: 'state:desc',
    });
    expect(() => clusterVmQuery(params('top=-1'))).toThrow("'top' must be a whole number, not '-1'.");
  });

  it('a cloud list answers every row without limit, and one page with it', () => {
    expect(cloudVmPageQuery(params('search=x'))).toBeUndefined();
    expect(cloudVmPageQuery(params('limit=50&offset=100&sort=name&direction=descending'))).toEqual({
      offset: 100,
      limit: 50,
      sort: 'name',
      direction: 'descending',
      search: '',
    });
  });
});
