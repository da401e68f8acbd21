import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, words, wordsByIntl } from '@/lib/summary/segment';

const texts = (t: string, lang = 'de') => splitSentences(t, lang).map((s) => s.text);

describe('sentences', () => {
  it('does not split after German abbreviations, titles, dates, initials and ordinals', () => {
    // Intl.Segmenter alone breaks after "Dr.", "J.", "5.11.", "3.", "ca." and "Art." here.
    expect(texts('Das ist z.B. ein Test. Dr. Müller kam am 5.11. um 17 Uhr. J. Franke 5.11. 17.40 hat recht. Am 3. Oktober war Feiertag. Das kostet ca. 5 Euro bzw. mehr. Siehe u.a. Art. 5 GG.')).toEqual([
      'Das ist z.B. ein Test.',
      'Dr. Müller kam am 5.11. um 17 Uhr.',
      'J. Franke 5.11. 17.40 hat recht.',
      'Am 3. Oktober war Feiertag.',
      'Das kostet ca. 5 Euro bzw. mehr.',
      'Siehe u.a. Art. 5 GG.',
    ]);
    expect(texts('Das ist z. B. so. Und d. h. auch. Laut S. 12 ff. ist das so.')).toEqual(['Das ist z. B. so.', 'Und d. h. auch.', 'Laut S. 12 ff. ist das so.']);
  });

  it('still ends sentences after ordinary words and short words that look like abbreviations', () => {
    expect(texts('Das mache ich so. Dann nicht. Wirklich? Ja!')).toEqual(['Das mache ich so.', 'Dann nicht.', 'Wirklich?', 'Ja!']);
    expect(texts('No. That is wrong. See No. 5 and Mr. Smith, e.g. here. It was Jan. 5. He left.', 'en')).toEqual([
      'No.',
      'That is wrong.',
      'See No. 5 and Mr. Smith, e.g. here.',
      'It was Jan. 5.',
      'He left.',
    ]);
    expect(texts('El Sr. García dijo p. ej. que sí. ¿Qué pasa? ¡Nada!', 'es')).toEqual(['El Sr. García dijo p. ej. que sí.', '¿Qué pasa?', '¡Nada!']);
  });

  it('keeps a sentence together across "!" or "?" in brackets or quotes', () => {
    expect(texts('Ich freue mich so für dich (euch!) und wünsche alles Gute. „Hilfe!“ rief er laut. Gut.')).toEqual([
      'Ich freue mich so für dich (euch!) und wünsche alles Gute.',
      '„Hilfe!“ rief er laut.',
      'Gut.',
    ]);
  });

  it('splits where ICU does not: no space after the full stop, and a new sentence starting with an address', () => {
    expect(texts('Es ist 12 Uhr.Das geht nicht. Gut so. @Horst: ja klar.')).toEqual(['Es ist 12 Uhr.', 'Das geht nicht.', 'Gut so.', '@Horst: ja klar.']);
  });

  it('splits long lowercase writing at full stops', () => {
    const t = 'woche im netz: respektskultur ist ein wichtiges thema. es ist schon ironisch, dass gerade dieser artikel als negativbeispiel dient. hirn und herz gehören zusammen, das sollte man bedenken. bzw. man sollte es wenigstens versuchen.';
    expect(texts(t)).toEqual([
      'woche im netz: respektskultur ist ein wichtiges thema.',
      'es ist schon ironisch, dass gerade dieser artikel als negativbeispiel dient.',
      'hirn und herz gehören zusammen, das sollte man bedenken.',
      // The abbreviation keeps its sentence together.
      'bzw. man sollte es wenigstens versuchen.',
    ]);
  });

  it('keeps sentences verbatim with their offsets, also in long texts cut into pieces', () => {
    const base = 'Die Brücke ist marode. Laut Dr. Müller dauert die Sanierung drei Jahre! Wer soll das bezahlen? ';
    const long = base.repeat(60);
    const sentences = splitSentences(long, 'de');
    expect(sentences).toHaveLength(180);
    for (const s of sentences) expect(long.slice(s.start, s.start + s.text.length)).toBe(s.text);
    expect(sentences.map((s) => s.text).join(' ')).toBe(long.trim());
  });

});

describe('words', () => {
  it('finds the word-like segments Intl.Segmenter finds', () => {
    const t = "Die CO2-Steuer, z.B. 5.11. Merz' Partei's Windows10 l'État don't 3,5% @Horst #tag e-mail Kolleg:innen ❤️ schön🙂";
    expect(words(t, 'de')).toEqual(wordsByIntl(t, 'de'));
    expect(words(t, 'de')).toContain('Kolleg:innen');
  });

  it('matches Intl.Segmenter on arbitrary Latin text with punctuation and emoji (property)', () => {
    const alphabet = ['a', 'B', 'ä', 'Ö', 'ß', 'é', 'ł', 'ª', 'µ', '1', '0', ' ', '\n', '\u00a0', '.', ',', ';', ':', '·', "'", '’', '‘', '´', '-', '!', '?', '"', '„', '“', '«', '(', '@', '#', '/', '&', '%', '€', '…', '–', '😀', '❤', '\uFE0F', '🏽', '🇩🇪', '\u00ad', '_', '²', 'Ω'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const s = chars.join('');
        expect(words(s, 'de')).toEqual(wordsByIntl(s, 'de'));
      }),
      { numRuns: 3000 },
    );
  });
});
