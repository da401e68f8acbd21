// Function words of the four languages Rethread reads, from the maintained `stopword` lists: a word that is
// one of them is not a name at the start of a comment ("The above ...", "Die Frage ...").
import { deu, eng, fra, spa } from 'stopword';
import { fold } from './names';

export const STOPWORDS = { de: deu, en: eng, fr: fra, es: spa } as const;

let all: Set<string> | null = null;

export function isStopword(word: string): boolean {
  all ??= new Set(Object.values(STOPWORDS).flat().map((w) => fold(w)));
  return all.has(fold(word));
}
