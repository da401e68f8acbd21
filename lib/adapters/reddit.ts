import type { Adapter } from './types';

// Old Reddit nests comments (div.child > div.sitetable); the generic nesting rule reads that once the items
// and fields are known.
export const redditOld: Adapter = {
  name: 'reddit',
  kind: 'platform',
  detect: '.commentarea .thing.comment',
  item: '.commentarea .thing.comment',
  fields: { author: '.entry .tagline a.author', time: '.entry .tagline time', text: '.entry .usertext-body .md' },
  fixture: 'reddit-old.html',
};

// The redesign renders comments as flat siblings; depth is only in a visually hidden "level N" label.
export const redditNew: Adapter = {
  name: 'reddit',
  kind: 'platform',
  detect: 'div.Comment[class*="t1_"]',
  item: 'div.Comment[class*="t1_"]',
  fields: { time: 'a[id^="CommentTopMeta--Created"]', text: '[data-testid="comment"]' },
  depth: { selector: ':scope', pattern: '^\\s*level (\\d+)', base: 1 },
  fixture: 'reddit-new.html',
};

// Reddit's web-component markup (shreddit) carries everything in attributes.
export const shreddit: Adapter = {
  name: 'reddit',
  kind: 'platform',
  detect: 'shreddit-comment',
  item: 'shreddit-comment',
  fields: { author: 'faceplate-tracker[noun="comment_author"]', text: '[slot="comment"]' },
  depth: { selector: ':scope', attribute: 'depth' },
  fixture: 'reddit-shreddit.html',
};
