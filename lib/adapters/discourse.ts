import type { Adapter } from './types';

// Discourse topic pages as served to readers without JavaScript (and to crawlers): one div per post.
export const discourse: Adapter = {
  name: 'discourse',
  kind: 'platform',
  detect: '#main-outlet .topic-body.crawler-post',
  item: '.topic-body.crawler-post',
  fields: {
    author: '[itemprop="author"] [itemprop="name"], .creator [itemprop="name"]',
    time: 'time[itemprop="datePublished"], .crawler-post-infos time',
    text: '.post[itemprop="text"], .post[itemprop="articleBody"]',
  },
  fixture: 'discourse.html',
};
