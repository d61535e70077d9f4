import { utcMinute } from './time-text';

describe('utcMinute', () => {
  it('writes the UTC date and minute, without seconds or a T', () => {
    expect(utcMinute(Date.UTC(2026, 11, 3, 14, 27, 20, 406))).toBe('2026-12-03 14:27 UTC');
  });
});
