// The Summary tab's time span: the year shows where the discussion crosses one, and only then.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spanText } from '@/components/summary/format';
import { shortSpan } from '@/utils/i18n';
import { useLocale } from '../ui/helpers';

beforeEach(() => useLocale('en'));
afterEach(() => useLocale('en'));

describe('spanText', () => {
  it('leaves the year out within one year', () => {
    expect(spanText({ from: '2024-11-05T15:00', to: '2024-11-06T11:50' })).toBe('Written from Nov 5, 15:00 to Nov 6, 11:50');
  });

  it('gives both years where the span crosses one', () => {
    expect(spanText({ from: '2018-04-20T11:44', to: '2020-10-27T01:18' })).toBe('Written from Apr 20, 2018, 11:44 to Oct 27, 2020, 01:18');
    expect(shortSpan('2023-12-31', '2024-01-01')).toEqual(['Dec 31, 2023', 'Jan 1, 2024']);
  });

  it('one time, or none', () => {
    expect(spanText({ from: '2024-11-05T15:00', to: null })).toBe('Written on Nov 5, 15:00');
    expect(spanText({ from: null, to: null })).toBeNull();
  });
});
