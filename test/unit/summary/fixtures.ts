// Small hand-written discussions for the summary tests (invented; no real page's comments).
import type { Comment } from '@/lib/types';

export function comment(id: string, author: string | null, text: string, parent: string | null = null, time: string | null = null, extra: Partial<Comment> = {}): Comment {
  return { id, author, time, title: null, text, parent, evidence: parent ? 'mention' : 'none', confidence: parent ? 0.9 : 0, mentions: [], ...extra };
}

let clock = 0;
const t = () => {
  const d = new Date(Date.UTC(2024, 10, 5, 8, 0) + clock++ * 7 * 60_000);
  return d.toISOString().slice(0, 16);
};

/** A German discussion about a planned toll on the old bridge, with a side thread about parking and a recipe aside. */
export function germanBridge(): Comment[] {
  clock = 0;
  return [
    comment('c0', 'Horst Flügge', 'Die Brückenmaut ist viel zu teuer für Pendler aus dem Umland. Wer jeden Tag über die alte Brücke fahren muss, zahlt im Monat fast hundert Euro.', null, t()),
    comment('c1', 'Petra Kühn', '@Horst Flügge: Genau so ist es. Die Maut für die Brücke trifft vor allem die Pendler, die keine Alternative haben.', 'c0', t()),
    comment('c2', 'michael von wob', 'Hallo Horst, ich sehe das anders. Die Sanierung der Brücke kostet Millionen, irgendwer muss das bezahlen.', 'c0', t()),
    comment('c3', 'Jürgen Franke', 'Das Parkhaus am Bahnhof ist seit Wochen voll. Wer mit der Bahn pendeln will, findet morgens keinen Parkplatz mehr.', null, t()),
    comment('c4', 'Anna Berg', 'Die Parkplätze am Bahnhof reichen schon lange nicht mehr. Die Stadt sollte das Parkhaus erweitern, bevor sie eine Maut einführt.', 'c3', t()),
    comment('c5', 'Uwe', 'Eine Maut von drei Euro pro Fahrt über die Brücke ist für Pendler schlicht zu teuer. Das können sich viele Familien nicht leisten.', null, t()),
    comment('c6', 'Petra Kühn', 'Die Sanierung hätte man aus dem Haushalt bezahlen können, wenn der Stadtrat nicht jahrelang gespart hätte. Siehe z.B. den Bericht vom 5.11. im Stadtrat.', null, t()),
    comment('c7', 'Dr. Sabine Lange', 'Laut Dr. Müller vom Bauamt ist die Brücke in einem schlechten Zustand. Die Sanierung dauert mindestens drei Jahre.', null, t()),
    comment('c8', 'Horst Flügge', '@michael von wob: Natürlich muss jemand die Sanierung bezahlen, aber nicht allein die Pendler über eine teure Maut.', 'c2', t()),
    comment('c9', 'Karl', 'Mehr Busse über die Brücke wären die bessere Lösung. Ein Bus alle zehn Minuten würde viele Autos ersetzen.', null, t()),
    comment('c10', 'Anna Berg', 'Ein Bus alle zehn Minuten über die Brücke wäre großartig. Dann bräuchte man auch das Parkhaus am Bahnhof nicht.', 'c9', t()),
    comment('c11', 'Gast', 'Mehr Busse und ein dichterer Takt über die Brücke, das wäre eine echte Alternative zur Maut.', 'c9', t()),
    comment('c12', 'Jürgen Franke', '„Die Brückenmaut ist viel zu teuer für Pendler aus dem Umland.“ Dem kann ich nur zustimmen.', 'c0', t()),
    comment('c13', 'Lena', 'Hat jemand ein gutes Rezept für Zwetschgenkuchen? Ich habe noch so viele Zwetschgen im Garten.', null, t()),
    comment('c14', 'Uwe', 'Die Maut ist zu teuer, das sehen hier fast alle so. Mehr dazu auf https://example.org/maut-petition unterschreiben.', null, t()),
    comment('c15', 'Karl', 'Am 3. Oktober war die Brücke schon einmal gesperrt, der Verkehr staute sich bis in die Innenstadt.', null, t()),
  ];
}

/** An English discussion about a laptop keyboard. */
export function englishKeyboard(): Comment[] {
  clock = 0;
  return [
    comment('e0', 'jdoe', 'The butterfly keyboard failed on my laptop after a year. Two keys stopped working and the repair cost a fortune.', null, t()),
    comment('e1', 'maria_k', 'Same here: my butterfly keyboard started repeating letters after a few months, and the repair was expensive.', 'e0', t()),
    comment('e2', 'techguy', 'The new scissor keyboard is a huge improvement. The keys feel solid and the travel is much better.', null, t()),
    comment('e3', 'jdoe', 'I agree that the scissor keyboard feels better. The travel on the new keys is much more comfortable for typing all day.', 'e2', t()),
    comment('e4', 'Mr. Smith', 'Battery life matters more to me than the keyboard. The new model lasts about ten hours on a single charge.', null, t()),
    comment('e5', 'lisa', 'Ten hours of battery life is fine, but the price of the new model is far too high for students.', 'e4', t()),
    comment('e6', 'maria_k', 'The price is too high, I agree. Students cannot afford a laptop that expensive, e.g. when the old model costs half.', 'e5', t()),
    comment('e7', 'bob', 'Does anyone know if the new keyboard fits the old model? I would like to replace mine.', null, t()),
    comment('e8', 'techguy', 'No. The keyboard is glued to the top case, so the repair replaces the whole case.', 'e7', t()),
    comment('e9', 'anon', 'The butterfly keyboard was a design mistake from the start and everyone knew it.', null, t()),
  ];
}

export const samples = {
  de: 'Ich bin mit diesem Gesetz nicht einverstanden, weil die Regierung zuerst an die Bürger denken sollte und nicht an die Banken. Die Lage ist für uns alle sehr schwierig.',
  en: 'I do not agree with this law, because the government should think of the citizens first and not of the banks. The situation is very difficult for all of us.',
  fr: "Je ne suis pas d'accord avec cette loi, parce que le gouvernement devrait d'abord penser aux citoyens et pas aux banques. La situation est très difficile pour nous tous.",
  es: 'No estoy de acuerdo con esta ley, porque el gobierno debería pensar primero en los ciudadanos y no en los bancos. La situación es muy difícil para todos.',
  it: "Non sono d'accordo con questa legge, perché il governo dovrebbe pensare prima ai cittadini e non alle banche. La situazione è molto difficile per tutti noi.",
  pt: 'Não concordo com essa lei, porque o governo deveria pensar primeiro nos cidadãos e não nos bancos. A situação está muito difícil para todos nós.',
};
