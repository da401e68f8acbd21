import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { bylineAuthor, cleanName, readComment, type ReadOptions } from '../../lib/extract';
import { toIso } from '../../lib/time';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}

/** Reads the element `selector` picks; elements matching `nested` (other than it) are other comments. */
function read(html: string, selector: string, nested?: string, options?: ReadOptions) {
  const d = doc(html);
  const item = d.querySelector(selector);
  if (!item) throw new Error(`no ${selector}`);
  const others = new Set(nested ? [...d.querySelectorAll(nested)].filter((e) => e !== item) : []);
  const rc = readComment(item, (el) => others.has(el), options);
  return { ...rc, iso: rc.time ? toIso(rc.time) : null };
}

describe('cleanName', () => {
  it.each([
    ['Horst says:', 'Horst'],
    ['Horst sagt:', 'Horst'],
    ['Ramón dijo:', 'Ramón'],
    ['Bruno a écrit :', 'Bruno'],
    ['von Horst', 'Horst'],
    ['Posted by Jane Doe', 'Jane Doe'],
    ['Gast Bibi Blue', 'Bibi Blue'],
    ['Bibi Blue Gast', 'Bibi Blue'],
    ['Julia on', 'Julia'],
    [' · Horst · ', 'Horst'],
    ['  Horst\n  Flügge ', 'Horst Flügge'],
  ])('%j -> %s', (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });

  it('keeps a label that is the whole name ("Guest", "Moderator")', () => {
    expect(cleanName('Guest')).toBe('Guest');
    expect(cleanName('Moderator')).toBe('Moderator');
  });

  it.each(['', '   ', '12345', '· 06.11.2024 ·', 'x'.repeat(90)])('%j is no name', (raw) => {
    expect(cleanName(raw)).toBeNull();
  });

  it('drops a bracketed guest label ("Horst (Gast)")', () => {
    expect(cleanName('Horst (Gast)')).toBe('Horst');
  });
});

describe('bylineAuthor', () => {
  it.each([
    ['Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07', 'Bruno Gobin'],
    ['geschrieben von berg2012 am 21. Jan. 2015, 19:04', 'berg2012'],
    ['Am 29. Mai 2017 um 14:38 von Hugo', 'Hugo'],
    ['Julia on 11/08/2020 at 9:52', 'Julia'],
    ['Por Ramón, 15 de mayo de 2019', 'Ramón'],
    ['06.11.2024 11:50 Uhr von Horst', 'Horst'],
  ])('%s -> %s', (text, expected) => {
    expect(bylineAuthor(text, {})).toBe(expected);
  });

  it('needs a date', () => {
    expect(bylineAuthor('Horst Flügge', {})).toBeNull();
  });
});

describe('readComment: WordPress', () => {
  const html = `<ol class="commentlist"><li id="comment-12" class="comment even thread-even depth-1 bypostauthor">
<article id="div-comment-12" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="a.png" class="avatar" height="32" width="32"><b class="fn">Horst Flügge</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-12"><time datetime="2019-04-08T11:38:00+02:00">8. April 2019 um 11:38</time></a> <span class="edit-link"><a class="comment-edit-link" href="#">Bearbeiten</a></span></div></footer>
<div class="comment-content"><p>Ein wahres Wort, gelassen ausgesprochen.</p><p>Zweiter Absatz.</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Antworten</a></div>
</article>
<ol class="children"><li id="comment-13" class="comment odd depth-2"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Nossi</b> <span class="says">sagt:</span></div><div class="comment-metadata"><time datetime="2019-04-08T12:00:00+02:00">8. April 2019 um 12:00</time></div></footer><div class="comment-content"><p>Antwort von Nossi.</p></div></article></li></ol>
</li></ol>`;

  it('reads author without "says:", time, and text', () => {
    const rc = read(html, 'li#comment-12', 'li.comment');
    expect(rc.author).toBe('Horst Flügge');
    expect(rc.iso).toBe('2019-04-08T11:38');
    expect(rc.text).toBe('Ein wahres Wort, gelassen ausgesprochen. Zweiter Absatz.');
    expect(rc.hasAuthor).toBe(true);
    expect(rc.timeCount).toBe(1);
  });

  it('leaves out the reply and edit links', () => {
    const rc = read(html, 'li#comment-12', 'li.comment');
    expect(rc.text).not.toMatch(/Antworten|Bearbeiten/);
  });

  it('leaves out a nested reply\'s text', () => {
    const rc = read(html, 'li#comment-12', 'li.comment');
    expect(rc.text).not.toContain('Antwort von Nossi');
    expect(rc.author).toBe('Horst Flügge');
  });

  it('reads the nested reply on its own', () => {
    const rc = read(html, 'li#comment-13', 'li.comment');
    expect(rc.author).toBe('Nossi');
    expect(rc.iso).toBe('2019-04-08T12:00');
    expect(rc.text).toBe('Antwort von Nossi.');
    expect(rc.host).toBe(false);
  });

  it('bypostauthor marks the article\'s author', () => {
    expect(read(html, 'li#comment-12', 'li.comment').host).toBe(true);
  });

  it('a nested reply by the article\'s author does not make its parent the host\'s', () => {
    const h = `<li id="c1" class="comment"><div class="comment-author"><b class="fn">Horst</b></div><div class="comment-content">Frage?</div>
<ul class="children"><li id="c2" class="comment bypostauthor"><div class="comment-author"><b class="fn">Autor</b></div><div class="comment-content">Antwort.</div></li></ul></li>`;
    expect(read(h, '#c1', 'li.comment').host).toBe(false);
    expect(read(h, '#c2', 'li.comment').host).toBe(true);
  });
});

describe('readComment: Drupal 7', () => {
  const html = `<div class="comment comment-by-anonymous clearfix" about="/comment/5#comment-5" typeof="sioc:Post sioct:Comment">
<div class="attribution"><div class="submitted"><p class="commenter-name"><span rel="sioc:has_creator"><span class="username" xml:lang="" typeof="sioc:UserAccount" property="foaf:name" datatype="">berg2012</span></span></p>
<p class="comment-time"><span property="dc:date dc:created" content="2015-01-21T19:04:00+01:00" datatype="xsd:dateTime">Mi, 21.01.2015 - 19:04</span></p></div></div>
<div class="content"><h3 property="dc:title" datatype=""><a href="/comment/5#comment-5" class="permalink" rel="bookmark">Eine Frage</a></h3>
<div class="field field-name-comment-body field-type-text-long field-label-hidden"><div class="field-items"><div class="field-item even" property="content:encoded"><p>Was ist mit den Kosten?</p></div></div></div></div>
<ul class="links inline"><li class="comment-reply first last"><a href="/comment/reply/1/5">Antworten</a></li></ul></div>`;

  it('reads span.username, the dc:date time, the title and the body', () => {
    const rc = read(html, 'div.comment');
    expect(rc.author).toBe('berg2012');
    expect(rc.iso).toBe('2015-01-21T19:04');
    expect(rc.title).toBe('Eine Frage');
    expect(rc.text).toBe('Was ist mit den Kosten?');
  });
});

describe('readComment: Disqus-like fallback', () => {
  it('div.comment > div.comment-author + div.comment-body', () => {
    const rc = read('<div class="comment"><div class="comment-author">Julia</div><div class="comment-body"><p>I disagree with the premise of this article.</p></div></div>', 'div.comment');
    expect(rc.author).toBe('Julia');
    expect(rc.text).toBe('I disagree with the premise of this article.');
    expect(rc.time).toBeNull();
    expect(rc.timeCount).toBe(0);
  });
});

describe('readComment: bylines without markup', () => {
  it('French: "Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07" with a div.titre title', () => {
    const rc = read(
      '<div class="commentaire"><div class="titre">Un excellent article</div><div class="infos">Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07</div><div class="texte"><p>Merci pour cette analyse très claire.</p></div></div>',
      'div.commentaire',
    );
    expect(rc.author).toBe('Bruno Gobin');
    expect(rc.iso).toBe('2019-05-15T08:07');
    expect(rc.title).toBe('Un excellent article');
    expect(rc.text).toBe('Merci pour cette analyse très claire.');
  });

  it('German: "geschrieben von berg2012 am 21. Jan. 2015, 19:04" with an h2 title and a bare <p> body', () => {
    const rc = read(
      '<div class="kommentar"><h2>Kosten</h2><div class="info">geschrieben von berg2012 am 21. Jan. 2015, 19:04</div><p>Was ist mit den Kosten des Projekts?</p></div>',
      'div.kommentar',
    );
    expect(rc.author).toBe('berg2012');
    expect(rc.iso).toBe('2015-01-21T19:04');
    expect(rc.title).toBe('Kosten');
    expect(rc.text).toBe('Was ist mit den Kosten des Projekts?');
  });

  it('German: "Am 29. Mai 2017 um 14:38 von Hugo"', () => {
    const rc = read('<div class="kommentar"><div class="meta">Am 29. Mai 2017 um 14:38 von Hugo</div><div class="text">Sehr guter Beitrag, danke!</div></div>', 'div.kommentar');
    expect(rc.author).toBe('Hugo');
    expect(rc.iso).toBe('2017-05-29T14:38');
    expect(rc.text).toBe('Sehr guter Beitrag, danke!');
  });
});

describe('readComment: Spanish', () => {
  it('"<cite>Ramón</cite> dijo:"', () => {
    const rc = read(
      '<li class="comment"><div class="comment-author"><cite>Ramón</cite> dijo:</div><div class="comment-meta">15 de mayo de 2019 a las 10:22</div><div class="comment-text"><p>Estoy de acuerdo contigo.</p></div></li>',
      'li.comment',
    );
    expect(rc.author).toBe('Ramón');
    expect(rc.iso).toBe('2019-05-15T10:22');
    expect(rc.text).toBe('Estoy de acuerdo contigo.');
  });

  it('"<cite class=fn>Ramón dijo:</cite>" and a bare <p> body', () => {
    const rc = read('<li class="comment"><cite class="fn">Ramón dijo:</cite><div class="comment-meta">15 de mayo de 2019 a las 10:22</div><p>Estoy de acuerdo contigo.</p></li>', 'li.comment');
    expect(rc.author).toBe('Ramón');
    expect(rc.text).toBe('Estoy de acuerdo contigo.');
  });
});

describe('readComment: quotes', () => {
  const box = `<div class="forumpost"><div class="author">Horst</div><div class="date">06.11.2024 11:50</div><div class="posttext">Vorher.<div class="TexticonQuote"><div class="name">Nossi schrieb:</div><div class="text">Die Regierung hat komplett versagt.</div></div>Da stimme ich nicht zu.</div></div>`;

  it('a forum quote box is not in the text', () => {
    const rc = read(box, 'div.forumpost');
    expect(rc.text).toBe('Vorher. Da stimme ich nicht zu.');
    expect(rc.text).not.toContain('versagt');
  });

  it('...is returned in quotes with its author and where it stood', () => {
    const rc = read(box, 'div.forumpost');
    expect(rc.quotes).toHaveLength(1);
    expect(rc.quotes[0]).toEqual({ text: 'Die Regierung hat komplett versagt.', author: 'Nossi', at: 'Vorher.'.length });
  });

  it('a blockquote with "X wrote:" inside', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><div class="comment-text"><blockquote>Nossi wrote: the government failed us all.</blockquote><p>No, it did not.</p></div></div>',
      'div.comment',
    );
    expect(rc.text).toBe('No, it did not.');
    expect(rc.quotes).toEqual([{ text: 'the government failed us all.', author: 'Nossi', at: 0 }]);
  });

  it('a blockquote with a trailing attribution "— Horst"', () => {
    const rc = read(
      '<div class="comment"><span class="author">Nossi</span><div class="comment-text"><p>Erstens.</p><blockquote>Die Regierung hat versagt. — Horst</blockquote><p>Zweitens.</p></div></div>',
      'div.comment',
    );
    expect(rc.quotes).toHaveLength(1);
    expect(rc.quotes[0]!.author).toBe('Horst');
    expect(rc.quotes[0]!.text).toBe('Die Regierung hat versagt.');
    expect(rc.quotes[0]!.at).toBe('Erstens.'.length);
  });

  it('mail-style ">quoted> reply" lines', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><span class="date">06.11.2024 11:50</span><div class="comment-text">&gt;Die Regierung hat versagt&gt; Das sehe ich anders.<br>&gt; Zweites Zitat hier<br>Meine Meinung.</div></div>',
      'div.comment',
    );
    expect(rc.text).toBe('Das sehe ich anders. Meine Meinung.');
    expect(rc.quotes).toEqual([
      { text: 'Die Regierung hat versagt', author: null, at: 0 },
      { text: 'Zweites Zitat hier', author: null, at: 'Das sehe ich anders.'.length },
    ]);
  });

  it('">>>" is a Python prompt, not a quote', () => {
    const rc = read('<div class="comment"><span class="author">Horst</span><div class="comment-text">Try this:<br>&gt;&gt;&gt; print(1)<br>It works.</div></div>', 'div.comment');
    expect(rc.text).toBe('Try this: >>> print(1) It works.');
    expect(rc.quotes).toEqual([]);
  });
});

describe('readComment: Stack Exchange', () => {
  const html = `<li class="comment"><div class="comment-body"><span class="comment-copy">You should use a regex here.</span> – <a href="/users/1/bob" class="comment-user">bob</a> <span class="comment-date"><span title="2014-02-07 10:53:03Z" class="relativetime-clean">Feb 7 '14 at 10:53</span></span></div></li>`;

  it('reads span.comment-copy, a.comment-user and the title tooltip of span.comment-date', () => {
    const rc = read(html, 'li.comment');
    expect(rc.author).toBe('bob');
    expect(rc.iso).toBe('2014-02-07T10:53');
    expect(rc.text).toBe('You should use a regex here.');
  });

  const relative =
    '<li class="comment"><div class="comment-body"><span class="comment-copy">Nice answer.</span> – <a href="/u/2" class="comment-user">carol</a> <span class="comment-date"><span title="2014-02-07 10:53:03Z" class="relativetime-clean">2 hours ago</span></span></div></li>';

  it('uses the tooltip when the display is relative and `now` is unknown', () => {
    const rc = read(relative, 'li.comment');
    expect(rc.iso).toBe('2014-02-07T10:53');
    expect(rc.relativeMinutes).toBe(120);
  });

  it('uses the exact tooltip, not the rounded relative display, when `now` is known', () => {
    const rc = read(relative, 'li.comment', undefined, { time: { now: new Date(2014, 1, 7, 13, 40) } });
    expect(rc.iso).toBe('2014-02-07T10:53');
  });
});

describe('readComment: relative times', () => {
  const html = '<div class="comment"><span class="author">Horst</span><span class="date">vor 3 Stunden</span><div class="comment-text">Kurz und gut.</div></div>';

  it('without `now`: no time, but minutes before now', () => {
    const rc = read(html, 'div.comment');
    expect(rc.time).toBeNull();
    expect(rc.relativeMinutes).toBe(180);
    expect(rc.text).toBe('Kurz und gut.');
  });

  it('with `now`: the time, and still the minutes', () => {
    const rc = read(html, 'div.comment', undefined, { time: { now: new Date(2024, 5, 15, 12, 0) } });
    expect(rc.iso).toBe('2024-06-15T09:00');
    expect(rc.relativeMinutes).toBe(180);
  });

  it.each([
    ['3 hours ago', 180],
    ['il y a 2 jours', 2 * 24 * 60],
    ['hace 5 minutos', 5],
  ])('%s -> %i minutes', (shown, minutes) => {
    const rc = read(`<div class="comment"><span class="author">Horst</span><span class="date">${shown}</span><div class="comment-text">Text.</div></div>`, 'div.comment');
    expect(rc.relativeMinutes).toBe(minutes);
  });
});

describe('readComment: names with labels', () => {
  it('a "Gast" badge next to the name is not part of it', () => {
    const rc = read('<div class="comment"><span class="author">Bibi Blue <span class="badge">Gast</span></span><span class="date">06.11.2024 11:50</span><div class="comment-text">Hallo zusammen.</div></div>', 'div.comment');
    expect(rc.author).toBe('Bibi Blue');
  });

  it('a "Gast" label before the name', () => {
    const rc = read('<div class="comment"><span class="author">Gast Bibi Blue</span><span class="date">06.11.2024 11:50</span><div class="comment-text">Hallo zusammen.</div></div>', 'div.comment');
    expect(rc.author).toBe('Bibi Blue');
  });

  it('"Guest" as the whole name stays "Guest"', () => {
    const rc = read('<div class="comment"><span class="author">Guest</span><span class="date">06.11.2024 11:50</span><div class="comment-text">Hello all.</div></div>', 'div.comment');
    expect(rc.author).toBe('Guest');
    expect(rc.hasAuthor).toBe(true);
  });

  it('a name with the date in the same element ("Horst · 10. März 2017")', () => {
    const rc = read('<div class="comment"><span class="author">Horst · 10. März 2017</span><div class="comment-text">Gut.</div></div>', 'div.comment');
    expect(rc.author).toBe('Horst');
  });
});

describe('readComment: controls and forms', () => {
  it('reply, vote and report buttons are not in the text', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><span class="date">06.11.2024 11:50</span><div class="comment-text">Mein Text.</div><div class="comment-actions"><button>Antworten</button><a class="vote-up" href="#">Gefällt mir 12</a><a class="report" href="#">Melden</a></div></div>',
      'div.comment',
    );
    expect(rc.text).toBe('Mein Text.');
  });

  it('...also when the text has no body element', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><span class="date">06.11.2024 11:50</span>Mein Text ohne Body.<div class="comment-actions"><button>Antworten</button><a class="vote-up" href="#">Gefällt mir 12</a><span class="report">Melden</span></div></div>',
      'div.comment',
    );
    expect(rc.text).toBe('Mein Text ohne Body.');
    expect(rc.author).toBe('Horst');
  });

  it('a form inside sets hasForm', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><span class="date">06.11.2024 11:50</span><div class="comment-text">Text.</div><form><textarea></textarea><input type="submit"></form></div>',
      'div.comment',
    );
    expect(rc.hasForm).toBe(true);
  });

  it('no form: hasForm false', () => {
    const rc = read('<div class="comment"><span class="author">Horst</span><div class="comment-text">Text.</div></div>', 'div.comment');
    expect(rc.hasForm).toBe(false);
    expect(rc.host).toBe(false);
  });

  it('a hidden checkbox or button input is not a form', () => {
    const rc = read('<div class="comment"><span class="author">Horst</span><div class="comment-text">Text.</div><input type="hidden" name="x"><input type="checkbox"></div>', 'div.comment');
    expect(rc.hasForm).toBe(false);
  });

  it('scripts and hidden elements are not text', () => {
    const rc = read(
      '<div class="comment"><span class="author">Horst</span><div class="comment-text">Sichtbar.<script>var x = 1;</script><span style="display:none">Versteckt</span><span hidden>Auch versteckt</span></div></div>',
      'div.comment',
    );
    expect(rc.text).toBe('Sichtbar.');
  });

  it('measures links in the text', () => {
    const rc = read('<div class="comment"><span class="author">Horst</span><div class="comment-text"><a href="/x">Nur ein Link</a></div></div>', 'div.comment');
    expect(rc.linkDensity).toBe(1);
  });
});

describe('readComment: adapter selectors', () => {
  it('field selectors win over the vocabulary', () => {
    const rc = read(
      '<div class="c"><span class="x1">Horst</span><span class="x2">06.11.2024 11:50</span><div class="x3">Der Text.</div><div class="x4">Titel</div></div>',
      'div.c',
      undefined,
      { fields: { author: '.x1', time: '.x2', text: '.x3', title: '.x4' } },
    );
    expect(rc.author).toBe('Horst');
    expect(rc.iso).toBe('2024-11-06T11:50');
    expect(rc.text).toBe('Der Text.');
    expect(rc.title).toBe('Titel');
  });
});
