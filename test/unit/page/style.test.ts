import { describe, expect, it } from 'vitest';
import { documentCss, TAG } from '@/components/page/style';

describe('document stylesheet', () => {
  it('reply groups count their own list items, so top-level numbers stay 1, 2, 3', () => {
    for (const theme of ['light', 'dark'] as const) {
      const group = documentCss(theme).split('\n').find((rule) => rule.startsWith(`${TAG.group}{`));
      expect(group).toContain('counter-reset:list-item!important');
      expect(group).toContain('list-style:none!important');
    }
  });
});
