// Makes the summary of the page's comments on the reader's machine. lib/summary and its ordinary-language word
// lists (about 320 kB of text) are imported here, dynamically: only when the reader opens the Summary tab, never
// with the popup's first bundle. Nothing is sent anywhere.
import type { CommentData, CommentsReply } from '@/lib/messages';
import type { Summary } from '@/lib/summary';
import type { Comment } from '@/lib/types';

/** The pipeline's Comment for a comment the page handed out (the fields a summary does not read, neutral). */
export function asComment(c: CommentData): Comment {
  return { ...c, evidence: 'none', confidence: 1, mentions: [] };
}

export async function makeSummary(reply: CommentsReply): Promise<Summary> {
  const [{ summarize }, { bundledWordLists }] = await Promise.all([import('@/lib/summary'), import('@/lib/summary/wordlists')]);
  const title = reply.title.trim();
  return summarize({ comments: reply.comments.map(asComment), article: title ? { title, text: '' } : null }, { wordLists: bundledWordLists() });
}
