import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectSection } from '../../lib/detect';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}

const article = '<article class="post"><h1>Titel des Artikels</h1><p class="byline">Von Horst Flügge, 06.11.2024</p><p>Erster Absatz des Artikels mit etwas Text.</p><p>Zweiter Absatz.</p></article>';

function wpItem(id: number, name: string, text: string, when: string, children = ''): string {
  return `<li id="comment-${id}" class="comment depth-1"><article id="div-comment-${id}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${name}</b> <span class="says">sagt:</span></div><div class="comment-metadata"><time datetime="${when}">${when}</time></div></footer><div class="comment-content"><p>${text}</p></div><div class="reply"><a class="comment-reply-link" href="#">Antworten</a></div></article>${children}</li>`;
}

const wpList = `<div id="comments" class="comments-area"><h2 class="comments-title">3 Kommentare</h2><ol class="comment-list">${wpItem(
  1,
  'Horst',
  'Ein wahres Wort, gelassen ausgesprochen.',
  '2019-04-08T11:38',
)}${wpItem(2, 'Nossi', 'Da muss ich widersprechen, das stimmt so nicht.', '2019-04-08T12:10', `<ol class="children">${wpItem(3, 'Jeuys', 'Doch, das stimmt sehr wohl.', '2019-04-08T12:30')}</ol>`)}</ol></div>`;

const recentWidget = `<aside id="secondary" class="widget-area"><section id="recent-comments-2" class="widget widget_recent_comments"><h2 class="widget-title">Neueste Kommentare</h2><ul id="recentcomments">
<li class="recentcomments"><span class="comment-author-link">Horst</span> bei <a href="/p/1#comment-1">Ein anderer Artikel</a></li>
<li class="recentcomments"><span class="comment-author-link">Nossi</span> bei <a href="/p/2#comment-5">Noch ein Artikel</a></li>
<li class="recentcomments"><span class="comment-author-link">Jeuys</span> bei <a href="/p/3#comment-9">Dritter Artikel</a></li>
<li class="recentcomments"><span class="comment-author-link">Ramón</span> bei <a href="/p/4#comment-12">Vierter Artikel</a></li></ul></section></aside>`;

const ids = (els: Element[]) => els.map((e) => e.getAttribute('id'));

describe('detectSection', () => {
  it('picks the real list over a sidebar "Recent comments" widget', () => {
    const s = detectSection(doc(`<div class="site"><main>${article}${wpList}</main>${recentWidget}</div>`));
    expect(s).not.toBeNull();
    expect(ids(s!.items)).toEqual(['comment-1', 'comment-2', 'comment-3']);
    expect(s!.comments.map((c) => c.author)).toEqual(['Horst', 'Nossi', 'Jeuys']);
    expect(s!.root.closest('aside')).toBeNull();
  });

  it('a sidebar widget alone is no comment section', () => {
    expect(detectSection(doc(`<div class="site"><main>${article}</main>${recentWidget}</div>`))).toBeNull();
  });

  it('a ul#recentcomments outside a widget is no comment section either', () => {
    const html = `<main>${article}</main><div class="footer-area"><ul id="recentcomments">
<li class="recentcomments"><span class="comment-author-link">Horst</span> bei <a href="/p/1#comment-1">Ein anderer Artikel über Politik</a> am 06.11.2024 11:50</li>
<li class="recentcomments"><span class="comment-author-link">Nossi</span> bei <a href="/p/2#comment-5">Noch ein Artikel über Wirtschaft</a> am 06.11.2024 12:50</li></ul></div>`;
    expect(detectSection(doc(html))).toBeNull();
  });

  it('ignores a comment form with an empty-state text and a counter link', () => {
    const html = `<main><article class="post"><h1>Titel</h1><p>Artikeltext.</p><a href="#comments" class="comments-link">12 Kommentare</a></article>
<div id="comments" class="comments-area"><p class="no-comments">Es sind keine Kommentare vorhanden</p>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Schreibe einen Kommentar</h3><form class="comment-form"><p class="comment-form-comment"><label>Kommentar</label><textarea name="comment"></textarea></p><p class="comment-form-author"><label>Name</label><input type="text" name="author"></p><input type="submit" value="Kommentar abschicken"></form></div></div></main>`;
    expect(detectSection(doc(html))).toBeNull();
  });

  it('the counter link and the form are not among the comments when there are some', () => {
    const html = `<main><article class="post"><h1>Titel</h1><p>Artikeltext.</p><a href="#comments" class="comments-link">3 Kommentare</a></article>${wpList}
<div id="respond" class="comment-respond"><form class="comment-form"><textarea name="comment"></textarea></form></div></main>`;
    const s = detectSection(doc(html))!;
    expect(ids(s.items)).toEqual(['comment-1', 'comment-2', 'comment-3']);
  });

  it('ignores a teaser list whose items are only links', () => {
    const html = `<main>${article}<div class="meistgelesen"><ul><li class="comment-teaser"><a href="/a">Artikel A mit vielen Kommentaren heute</a></li><li class="comment-teaser"><a href="/b">Artikel B mit Kommentaren</a></li><li class="comment-teaser"><a href="/c">Artikel C</a></li></ul></div></main>`;
    expect(detectSection(doc(html))).toBeNull();
  });

  it('finds a single comment (div.kommentare > div.kommentar-item)', () => {
    const html = `<main>${article}<div class="kommentare"><div class="kommentar-item"><span class="kommentar-autor">Horst</span> <span class="kommentar-datum">06.11.2024 11:50</span><p class="kommentar-text">Ein einziger Kommentar zu diesem Artikel.</p></div></div></main>`;
    const s = detectSection(doc(html));
    expect(s).not.toBeNull();
    expect(s!.items).toHaveLength(1);
    expect(s!.items[0]!.className).toBe('kommentar-item');
    expect(s!.comments[0]!.author).toBe('Horst');
  });

  it('finds a single comment\'s text and author', () => {
    const html = `<main>${article}<div class="kommentare"><div class="kommentar-item"><span class="kommentar-autor">Horst</span> <span class="kommentar-datum">06.11.2024 11:50</span><p class="kommentar-text">Ein einziger Kommentar zu diesem Artikel.</p></div></div></main>`;
    const s = detectSection(doc(html));
    expect(s).not.toBeNull();
    expect(s!.comments).toHaveLength(1);
    expect(s!.comments[0]!.author).toBe('Horst');
    expect(s!.comments[0]!.text).toBe('Ein einziger Kommentar zu diesem Artikel.');
  });

  it('finds several lists of the same kind on a Q&A page (one per answer), in document order', () => {
    const answer = (id: number, who: string) =>
      `<div class="answer" id="answer-${id}"><div class="post-text"><p>Answer ${id} body text with some length.</p></div><div class="comments" id="comments-${id}"><ul class="comments-list">
<li class="comment" id="comment-${id}1"><div class="comment-body"><span class="comment-copy">First remark on answer ${id}.</span> – <a class="comment-user" href="/u/1">${who}</a> <span class="comment-date"><span title="2014-02-07 10:53:03Z">Feb 7 '14 at 10:53</span></span></div></li>
<li class="comment" id="comment-${id}2"><div class="comment-body"><span class="comment-copy">Second remark on answer ${id}.</span> – <a class="comment-user" href="/u/2">carol</a> <span class="comment-date"><span title="2014-02-08 11:00:00Z">Feb 8 '14 at 11:00</span></span></div></li></ul></div></div>`;
    const s = detectSection(doc(`<div id="answers">${answer(1, 'bob')}${answer(2, 'dave')}${answer(3, 'erin')}</div>`))!;
    expect(s).not.toBeNull();
    expect(s.signature).toBe('li.comment');
    expect(ids(s.items)).toEqual(['comment-11', 'comment-12', 'comment-21', 'comment-22', 'comment-31', 'comment-32']);
    expect(s.comments.map((c) => c.author)).toEqual(['bob', 'carol', 'dave', 'carol', 'erin', 'carol']);
    expect(s.root.getAttribute('id')).toBe('answers');
  });

  it('"content-sidebar-wrap" layout wrappers do not count as decoys', () => {
    const s = detectSection(doc(`<div class="site-inner"><div class="content-sidebar-wrap"><main class="content">${article}${wpList}</main></div></div>`));
    expect(s).not.toBeNull();
    expect(ids(s!.items)).toEqual(['comment-1', 'comment-2', 'comment-3']);
  });

  it('"two-col-sidebar-right" layout wrappers do not count as decoys', () => {
    const s = detectSection(doc(`<div class="layout two-col-sidebar-right"><main>${article}${wpList}</main></div>`));
    expect(s).not.toBeNull();
  });

  it('a "sidebar-right" container does count as a decoy', () => {
    expect(detectSection(doc(`<main>${article}</main><div class="sidebar-right">${wpList}</div>`))).toBeNull();
  });

  it('prefers the outer record (li.comment over article.comment-body) and returns items in document order', () => {
    const s = detectSection(doc(`<main>${article}${wpList}</main>`))!;
    expect(s.signature).toBe('li.comment');
    expect(s.items.every((e) => e.tagName === 'LI')).toBe(true);
    expect(ids(s.items)).toEqual(['comment-1', 'comment-2', 'comment-3']);
    expect(s.comments.map((c) => c.text)).toEqual([
      'Ein wahres Wort, gelassen ausgesprochen.',
      'Da muss ich widersprechen, das stimmt so nicht.',
      'Doch, das stimmt sehr wohl.',
    ]);
    expect(s.root.classList.contains('comment-list')).toBe(true);
  });

  it('prefers the outer record also in a single chain of replies', () => {
    const chain = `<ol class="comment-list">${wpItem(1, 'Horst', 'Text eins ist hier.', '2019-04-08T11:38', `<ol class="children">${wpItem(2, 'Nossi', 'Text zwei ist hier.', '2019-04-08T11:39', `<ol class="children">${wpItem(3, 'Jeuys', 'Text drei ist hier.', '2019-04-08T11:40')}</ol>`)}</ol>`)}</ol>`;
    const s = detectSection(doc(`<main>${article}${chain}</main>`))!;
    expect(s.signature).toBe('li.comment');
    expect(ids(s.items)).toEqual(['comment-1', 'comment-2', 'comment-3']);
    // A reply's text is not its parent's.
    expect(s.comments[0]!.text).toBe('Text eins ist hier.');
  });

  it('works with microdata (itemtype schema.org/Comment)', () => {
    const html = `<main>${article}<div class="discussion">
<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Horst</span> <time itemprop="dateCreated" datetime="2024-11-06T11:50">6. Nov.</time><p itemprop="text">Erster Kommentar mit Inhalt.</p></div>
<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Nossi</span> <time itemprop="dateCreated" datetime="2024-11-06T12:00">6. Nov.</time><p itemprop="text">Zweiter Kommentar mit Inhalt.</p></div></div></main>`;
    const s = detectSection(doc(html))!;
    expect(s).not.toBeNull();
    expect(s.items).toHaveLength(2);
    expect(s.items.every((e) => e.getAttribute('itemtype') === 'https://schema.org/Comment')).toBe(true);
    expect(s.comments.map((c) => c.author)).toEqual(['Horst', 'Nossi']);
    expect(s.comments.map((c) => c.text)).toEqual(['Erster Kommentar mit Inhalt.', 'Zweiter Kommentar mit Inhalt.']);
  });

  it('works with RDFa (typeof="sioct:Comment")', () => {
    const html = `<main>${article}<section>
<div typeof="sioct:Comment"><span property="foaf:name">Horst</span> <span property="dc:date" content="2015-01-21T19:04:00+01:00">21.01.2015</span><div class="field"><p>Drupal Kommentar eins.</p></div></div>
<div typeof="sioct:Comment"><span property="foaf:name">Nossi</span> <span property="dc:date" content="2015-01-21T20:04:00+01:00">21.01.2015</span><div class="field"><p>Drupal Kommentar zwei.</p></div></div></section></main>`;
    const s = detectSection(doc(html))!;
    expect(s).not.toBeNull();
    expect(s.items).toHaveLength(2);
    expect(s.items.every((e) => e.getAttribute('typeof') === 'sioct:Comment')).toBe(true);
    expect(s.comments.map((c) => c.author)).toEqual(['Horst', 'Nossi']);
    // The displayed date wins over the machine-readable value (see readTime).
    expect(s.comments[0]!.time).toMatchObject({ year: 2015, month: 1, day: 21 });
  });

  it('returns null on a plain article page', () => {
    expect(detectSection(doc(`<main>${article}<footer><nav><a href="/">Start</a> <a href="/impressum">Impressum</a></nav></footer></main>`))).toBeNull();
  });

  it('an adapter\'s item selector makes one list', () => {
    const html = `<main>${article}<div class="x"><div class="p"><b class="fn">Horst</b><p class="comment-content">Eins ist hier.</p></div></div><div class="y"><div class="p"><b class="fn">Nossi</b><p class="comment-content">Zwei ist hier.</p></div></div></main>`;
    const s = detectSection(doc(html), { item: 'div.p' })!;
    expect(s).not.toBeNull();
    expect(s.comments.map((c) => c.author)).toEqual(['Horst', 'Nossi']);
  });

  it('reports its verdicts through `explain`', () => {
    const lines: string[] = [];
    detectSection(doc(`<div class="site"><main>${article}${wpList}</main>${recentWidget}</div>`), { explain: (l) => lines.push(l) });
    expect(lines.some((l) => l.startsWith('decoy container:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('candidate: li.comment x3'))).toBe(true);
  });

  it('confidence is between 0 and 1 and higher for a full list than for one comment', () => {
    const full = detectSection(doc(`<main>${article}${wpList}</main>`))!;
    const one = detectSection(doc(`<main>${article}<ol class="comment-list">${wpItem(1, 'Horst', 'Ein wahres Wort, gelassen ausgesprochen.', '2019-04-08T11:38')}</ol></main>`))!;
    expect(full.confidence).toBeGreaterThan(0);
    expect(full.confidence).toBeLessThanOrEqual(1);
    expect(one.confidence).toBeLessThan(full.confidence);
  });
});
