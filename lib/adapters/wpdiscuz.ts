import type { Adapter } from './types';

// wpDiscuz (WordPress plugin): each comment's element id carries its own and its parent's comment id.
export const wpdiscuz: Adapter = {
  name: 'wpdiscuz',
  kind: 'platform',
  detect: '#wpcomm .wc-comment',
  item: '.wc-comment',
  fields: { author: '.wc-comment-author', time: '.wc-comment-date', text: '.wc-comment-text' },
  parentId: { attribute: 'id', pattern: '^wc-comm-(\\d+)_(\\d+)' },
  fixture: 'wpdiscuz.html',
};
