import type { Adapter } from './types';

// Hacker News item pages: every comment is a flat table row; depth lives in td.ind[indent].
export const hackernews: Adapter = {
  name: 'hackernews',
  kind: 'platform',
  detect: 'table.comment-tree tr.athing.comtr',
  item: 'tr.athing.comtr',
  fields: { author: 'a.hnuser', time: 'span.age', text: '.commtext' },
  depth: { selector: 'td.ind', attribute: 'indent' },
  fixture: 'hackernews.html',
};
