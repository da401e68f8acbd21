import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/lib/summary/language';
import { samples } from './fixtures';

describe('language', () => {
  it.each([
    ['de', samples.de],
    ['en', samples.en],
    ['fr', samples.fr],
    ['es', samples.es],
  ])('detects %s', (lang, text) => {
    expect(detectLanguage([text]).language).toBe(lang);
  });

  it('reads a discussion as a whole: many short comments together', () => {
    expect(detectLanguage(['Super Rezept!', 'Danke, das ist wirklich lecker.', 'Ich habe es gestern gebacken und es war gut.', 'Wie lange muss der Kuchen in den Ofen?']).language).toBe('de');
  });

  it("is 'und' for too little text", () => {
    expect(detectLanguage(['Super Rezept, danke!']).language).toBe('und');
    expect(detectLanguage([]).language).toBe('und');
    expect(detectLanguage(['👍👍', '+1']).language).toBe('und');
  });

  it("is 'und' for languages it does not read rather than a wrong neighbour", () => {
    expect(detectLanguage([samples.it]).language).toBe('und');
    expect(detectLanguage([samples.pt]).language).toBe('und');
  });

  it('keeps English quotes in a German discussion German', () => {
    expect(detectLanguage([samples.de, 'Wie man so schön sagt: "the proof of the pudding is in the eating". Das gilt auch hier für die Regierung und die Banken.']).language).toBe('de');
  });
});
