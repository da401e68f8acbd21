// The words sites use in class names, ids and microdata for the parts of a comment section, in German,
// English, French and Spanish. Detection reads markup through these lists, so teaching it a new language or
// naming habit is a data change here, not a code change.

/** A class/id word that starts with one of these names a comment (or a part or list of comments). */
export const COMMENT_STEMS = [
  'comment', 'komment', 'kommentar', 'leserkommentar', 'lesermeinung', 'leserbrief', 'comentario', 'commentaire',
  'reaction', 'réaction', 'reactie', 'repl', 'antwort', 'discussion', 'diskussion', 'respuesta', 'replica',
  'disqus', 'wpdiscuz', 'forumpost', 'userpost',
];

/** Words inside German compounds ("Leserkommentar", "nutzerkommentare"). */
export const COMMENT_INFIXES = ['kommentar'];

/** Class words naming the parts of a comment (used to find author, time, title, body and quotes). */
export const AUTHOR_WORDS = [
  'author', 'autor', 'auteur', 'user', 'username', 'uname', 'name', 'fn', 'nick', 'nickname', 'poster', 'benutzer',
  'nutzer', 'verfasser', 'commenter', 'commentator', 'hnuser', 'member', 'byline', 'screenname', 'displayname',
  'usuario', 'utilisateur', 'pseudo', 'account', 'creator', 'profile',
];
export const TIME_WORDS = [
  'date', 'time', 'datum', 'zeit', 'uhrzeit', 'fecha', 'hora', 'timestamp', 'published', 'posted', 'created',
  'age', 'ago', 'datetime', 'when', 'heure', 'pubdate', 'dtstart',
];
export const BODY_WORDS = [
  'content', 'text', 'body', 'message', 'msg', 'commtext', 'copy', 'entry', 'md', 'usertext', 'cooked', 'inhalt',
  'texto', 'contenu', 'texte', 'richtext', 'bodytext', 'excerpt', 'description', 'desc', 'wording',
];
export const TITLE_WORDS = ['title', 'titel', 'titre', 'titulo', 'título', 'subject', 'betreff', 'headline', 'heading', 'ueberschrift', 'überschrift'];
export const QUOTE_WORDS = ['quote', 'zitat', 'quoted', 'blockquote', 'citation', 'cita', 'bbcode', 'quotecontent'];
/** Controls inside a comment whose text is not part of it. */
export const UI_WORDS = [
  'reply', 'replies', 'antworten', 'button', 'btn', 'vote', 'votes', 'voting', 'rating', 'report', 'share', 'like',
  'likes', 'flag', 'actions', 'action', 'toolbar', 'permalink', 'trigger', 'ellipsis', 'toggle', 'togg', 'navs',
  'menu', 'edit', 'melden', 'signalement', 'responder', 'links', 'tools', 'footer', 'avatar', 'badge', 'karma',
  'points', 'score', 'counter', 'count', 'collapse', 'expand', 'login', 'moderation', 'sr', 'screenreader', 'visually',
];
/**
 * Containers that hold other pages' content: a comment list inside one is a "latest comments" widget. Matched
 * against whole class names and ids: a name that starts with one of the heads ("widget-area", "sidebar-right"),
 * or contains one of the phrases ("better-recent-comments"). Layout wrappers that merely mention a sidebar
 * ("content-sidebar-wrap", "two-col-sidebar-right") do not count.
 */
export const DECOY_CONTAINER_HEADS = ['widget', 'sidebar', 'teaser', 'promo', 'related', 'recommended', 'meistkommentiert', 'mostcommented'];
export const DECOY_CONTAINER_PHRASES = ['recentcomments', 'recent-comments', 'recent_comments', 'latest-comments', 'latestcomments', 'last-comments-widget', 'neueste-kommentare', 'aktuelle-kommentare', 'letzte-kommentare', 'popular-comments', 'most-commented', 'top-comments-widget'];

/** Headline or label words of the article's author ("by", "von", "par", "por") to strip from names. */
export const BYLINE_PREFIXES = ['by', 'von', 'par', 'por', 'de', 'from', 'posted by', 'geschrieben von', 'verfasst von', 'kommentar von', 'comment by', 'publié par', 'escrito por'];
/** Verbs that follow a commenter's name in WordPress-style headers ("Horst sagt:", "Ramón dijo:"). */
export const SAYS_WORDS = [
  'says', 'said', 'wrote', 'writes', 'sagt', 'schreibt', 'schrieb', 'meint', 'dijo', 'escribió', 'escribio', 'dice',
  'a écrit', 'a dit', 'écrit', 'dit', 'kommentierte', 'commented', 'replied', 'antwortete',
];
/** Greetings and honorifics before an addressed name ("Hallo Horst,", "Lieber Herr Herzke"). */
export const GREETINGS = [
  'hi', 'hey', 'hello', 'hallo', 'hallöchen', 'servus', 'moin', 'dear', 'liebe', 'lieber', 'liebes', 'werte', 'werter',
  'sehr geehrte', 'sehr geehrter', 'geehrte', 'geehrter', 'salut', 'bonjour', 'bonsoir', 'cher', 'chère', 'hola',
  'querido', 'querida', 'estimado', 'estimada', 'thanks', 'thank you', 'danke', 'merci', 'gracias', 'yes', 'no',
  'ja', 'nein', 'oui', 'non', 'sí', 'si', 'genau', 'exactly', 'sorry', 'well', 'also', 'ach', 'na', 'tja', 'ok', 'okay',
];
export const HONORIFICS = ['herr', 'herrn', 'frau', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'monsieur', 'madame', 'señor', 'señora', 'sr', 'sra', 'kommentatorenfreund', 'kommentatorenkollege', 'kollege', 'kollegin'];
/** Words that address everyone, or nobody in particular. */
export const EVERYONE = ['alle', 'all', 'everyone', 'everybody', 'allen', 'tous', 'todos', 'leute', 'folks'];
/** Words introducing an inline quote of another comment. */
export const QUOTE_INTROS = ['zitat', 'quote', 'citation', 'cita', 'zitiert', 'quoting'];
/** Labels that stand before or after a name but are not part of it. */
export const NAME_NOISE = ['gast', 'guest', 'invité', 'invitado', 'anonym', 'verifiziert', 'verified', 'moderator', 'admin', 'autor', 'author', 'redaktion'];
