import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';

/** [what the case proves, input, expected sentences] */
type Case = [string, string, string[]];

function sentences(text: string, language: string): string[] {
  return splitSentences(text, language).map((s) => text.slice(s.start, s.end));
}

const english: Case[] = [
  // Plain terminators
  ['splits after a full stop before a capital', 'It rained. We stayed in.', ['It rained.', 'We stayed in.']],
  ['splits after a question mark', 'Who won? Nobody knows.', ['Who won?', 'Nobody knows.']],
  ['splits after an exclamation mark', 'We won! Everyone cheered.', ['We won!', 'Everyone cheered.']],
  ['keeps ?! together and splits after it', 'You did what?! Tell me.', ['You did what?!', 'Tell me.']],
  ['keeps !!! together', 'Stop!!! Now.', ['Stop!!!', 'Now.']],
  ['splits before a sentence that opens with a digit', 'Sales fell. 2025 was worse.', ['Sales fell.', '2025 was worse.']],
  ['splits after ? before a digit', 'How many? 12 at most.', ['How many?', '12 at most.']],
  ['a single sentence without a final stop stays whole', 'No terminal punctuation here', ['No terminal punctuation here']],
  ['trailing whitespace is trimmed', '  Padded sentence.   ', ['Padded sentence.']],
  ['does not split after ! before lower case (brand names)', 'Yahoo! was popular. It faded.', ['Yahoo! was popular.', 'It faded.']],

  // Abbreviations
  ['U.S. before a lower-case word continues', 'U.S. officials met today.', ['U.S. officials met today.']],
  ['U.S. before a proper noun continues', 'The U.S. President spoke.', ['The U.S. President spoke.']],
  ['U.S. at the real end, before The, ends', 'He lives in the U.S. The next day he left.', ['He lives in the U.S.', 'The next day he left.']],
  ['U.K. before a name continues', 'The U.K. Parliament voted.', ['The U.K. Parliament voted.']],
  ['E.U. at the end before It ends', 'Trade moved to the E.U. It grew.', ['Trade moved to the E.U.', 'It grew.']],
  ['Dr. before a name continues', 'Dr. Smith arrived.', ['Dr. Smith arrived.']],
  ['Mr. and Ms. continue', 'Mr. Jones and Ms. Lee agreed.', ['Mr. Jones and Ms. Lee agreed.']],
  ['Gov. and Sen. continue', 'Gov. Abbott called Sen. Cruz.', ['Gov. Abbott called Sen. Cruz.']],
  ['stacked titles Lt. Col. continue', 'Lt. Col. Reyes briefed them.', ['Lt. Col. Reyes briefed them.']],
  ['Jan. before a date continues', 'On Jan. 27 the talks began.', ['On Jan. 27 the talks began.']],
  ['Feb. before a year continues', 'By Feb. 2026 tariffs rose.', ['By Feb. 2026 tariffs rose.']],
  ['a month at the real end before The ends', 'It was signed in Sept. The deal held.', ['It was signed in Sept.', 'The deal held.']],
  ['Art. 35 does not split', 'See Art. 35 of the treaty.', ['See Art. 35 of the treaty.']],
  ['No. 7 does not split', 'Item No. 7 failed.', ['Item No. 7 failed.']],
  ['No. as a word before a capital ends', 'He said No. Then he left.', ['He said No.', 'Then he left.']],
  ['p. and pp. before page numbers continue', 'See p. 4 and pp. 12-14 for details.', ['See p. 4 and pp. 12-14 for details.']],
  ['v. in a case name continues', 'Roe v. Wade was cited.', ['Roe v. Wade was cited.']],
  ['vs. before a capital continues', 'It was Mexico vs. Canada today.', ['It was Mexico vs. Canada today.']],
  ['e.g. continues', 'Some goods, e.g. steel, were taxed.', ['Some goods, e.g. steel, were taxed.']],
  ['e.g. before a proper noun continues', 'Neighbours, e.g. Mexico, objected.', ['Neighbours, e.g. Mexico, objected.']],
  ['i.e. continues', 'The deal, i.e. USMCA, holds.', ['The deal, i.e. USMCA, holds.']],
  ['etc. before lower case continues', 'Steel, aluminium, etc. are covered.', ['Steel, aluminium, etc. are covered.']],
  ['etc. before a capital ends', 'Steel, aluminium, etc. The list is long.', ['Steel, aluminium, etc.', 'The list is long.']],
  ['a.m. mid-sentence continues', 'At 9 a.m. the talks resumed.', ['At 9 a.m. the talks resumed.']],
  ['a.m. before The ends (time at sentence end)', 'They met at 10 a.m. The talks failed.', ['They met at 10 a.m.', 'The talks failed.']],
  ['p.m. before a capitalised noun ends', 'It ended at 5 p.m. Officials left.', ['It ended at 5 p.m.', 'Officials left.']],
  ['a.m. before a time zone continues', 'It starts at 10 a.m. Eastern time.', ['It starts at 10 a.m. Eastern time.']],
  ['a.m. before a weekday continues', 'It starts at 10 a.m. Friday.', ['It starts at 10 a.m. Friday.']],
  ['Corp. before a lower-case verb continues', 'Acme Corp. said profits rose.', ['Acme Corp. said profits rose.']],
  ['Corp. at the real end before The ends', 'He works for Acme Corp. The firm is big.', ['He works for Acme Corp.', 'The firm is big.']],
  ['Inc. before It ends', 'She founded Widgets Inc. It failed.', ['She founded Widgets Inc.', 'It failed.']],
  ['Inc. before a title continues', 'Widgets Inc. CEO Jane Roe spoke.', ['Widgets Inc. CEO Jane Roe spoke.']],
  ['St. before a name continues', 'They moved to St. Louis.', ['They moved to St. Louis.']],
  ['Jr. before lower case continues', 'Martin Luther King Jr. was born in 1929.', ['Martin Luther King Jr. was born in 1929.']],
  ['Ph.D. before The ends', 'She earned a Ph.D. The thesis won.', ['She earned a Ph.D.', 'The thesis won.']],
  ['U.S.A. at the real end before The ends', 'She was born in the U.S.A. The family moved.', ['She was born in the U.S.A.', 'The family moved.']],
  ['U.S. glued to a hyphenated word does not split', 'The U.S.-Mexico border reopened.', ['The U.S.-Mexico border reopened.']],
  ['No.7 without a space does not split', 'Resolution No.7 passed.', ['Resolution No.7 passed.']],
  ['approx. before a number continues', 'It costs approx. 5 dollars.', ['It costs approx. 5 dollars.']],
  ['a possessive before a full stop ends like a word', 'It was Mexico’s. The rest was not.', ['It was Mexico’s.', 'The rest was not.']],
  ['abbreviation at the end of the paragraph stays with it', 'Trade with the U.S.', ['Trade with the U.S.']],

  // Initials
  ['initials J. F. Kennedy do not split', 'J. F. Kennedy spoke.', ['J. F. Kennedy spoke.']],
  ['an initial inside a name does not split', 'Harry S. Truman signed it.', ['Harry S. Truman signed it.']],
  ['a single capital at the real end before The ends', 'They chose Plan B. The rest failed.', ['They chose Plan B.', 'The rest failed.']],
  ['a capital unit after a degree sign is no initial', 'It hit 40°C. Crops died.', ['It hit 40°C.', 'Crops died.']],
  ['an initial in brackets does not split', 'The author (A. Smith) agreed.', ['The author (A. Smith) agreed.']],
  ['initials without spaces do not split', 'Author: J.R.R. Tolkien wrote it.', ['Author: J.R.R. Tolkien wrote it.']],

  // Numbers and versions
  ['a decimal number does not split', 'Growth was 3.5 percent.', ['Growth was 3.5 percent.']],
  ['a decimal percentage does not split', 'Prices rose 3.5%. Wages did not.', ['Prices rose 3.5%.', 'Wages did not.']],
  ['a version number does not split', 'Update to 2.0.1 now.', ['Update to 2.0.1 now.']],
  ['a version number ends a sentence like a word', 'We shipped 2.0.1. It works.', ['We shipped 2.0.1.', 'It works.']],
  ['thousands separators do not split', 'It cost 1.000.000 pesos.', ['It cost 1.000.000 pesos.']],
  ['a year at the end before The ends', 'It was signed in 2020. The deal held.', ['It was signed in 2020.', 'The deal held.']],
  ['a money amount does not split', 'It cost $4.50 per unit.', ['It cost $4.50 per unit.']],
  ['inline list numbers after a colon do not split', 'Steps: 1. Open it. 2. Close it.', ['Steps: 1. Open it.', '2. Close it.']],
  ['a time with a dot does not split', 'They met at 10.30 today.', ['They met at 10.30 today.']],

  // URLs and e-mail
  ['a URL does not split', 'Visit https://example.com/a.b?c=1 for more.', ['Visit https://example.com/a.b?c=1 for more.']],
  ['a URL with capitals does not split', 'See https://Gov.Example.org/News.Html now.', ['See https://Gov.Example.org/News.Html now.']],
  ['a URL at the end of a sentence ends it', 'Read https://example.com. Then reply.', ['Read https://example.com.', 'Then reply.']],
  ['a domain name does not split', 'Go to www.Example.com today.', ['Go to www.Example.com today.']],
  ['an e-mail address does not split', 'Write to john.Doe@example.org today.', ['Write to john.Doe@example.org today.']],
  ['an e-mail address at the end ends it', 'Write to press@example.org. We reply.', ['Write to press@example.org.', 'We reply.']],

  // Missing space after a full stop
  ['a missing space before a capital splits', 'The talks failed.The ministers left.', ['The talks failed.', 'The ministers left.']],
  ['a missing space after ? splits', 'Why?Because.', ['Why?', 'Because.']],
  ['a missing space inside U.S. does not split', 'The U.S.Senate voted.', ['The U.S.Senate voted.']],
  ['a missing space before an all-caps word does not split', 'Built on ASP.NET and more.', ['Built on ASP.NET and more.']],

  // Ellipses
  ['an ellipsis before lower case continues', 'I think... maybe not.', ['I think... maybe not.']],
  ['a Unicode ellipsis before lower case continues', 'I think… maybe not.', ['I think… maybe not.']],
  ['an ellipsis before a capital ends', 'We waited... Nobody came.', ['We waited...', 'Nobody came.']],
  ['a spaced ellipsis before lower case continues', 'We waited . . . and waited.', ['We waited . . . and waited.']],
  ['an ellipsis with no space before lower case continues', 'Wait...what happened?', ['Wait...what happened?']],

  // Quotes and brackets
  ['a closing quote after ! belongs to the sentence before', '"Stop!" He left.', ['"Stop!"', 'He left.']],
  ['a closing quote after ! before lower case continues', '"Stop!" he said.', ['"Stop!" he said.']],
  ['curly closing quotes after a full stop belong before', 'He said “no.” Then he left.', ['He said “no.”', 'Then he left.']],
  ['a closing bracket after a full stop belongs before', '(See the annex.) The text follows.', ['(See the annex.)', 'The text follows.']],
  ['a full stop after a closing quote ends', 'He called it “unfair”. Others agreed.', ['He called it “unfair”.', 'Others agreed.']],
  ['a question in brackets mid-sentence continues', 'He (who else?) won again.', ['He (who else?) won again.']],
  ['an em dash quote attribution continues', '"We will win!"—he said—"soon."', ['"We will win!"—he said—"soon."']],
  ['an opening quote before the next sentence', 'He paused. "Enough," he said.', ['He paused.', '"Enough," he said.']],
  ['an em dash opening the next sentence', 'It ended. —Then silence.', ['It ended.', '—Then silence.']],
  ['Markdown bold around a sentence', '**Deal reached.** Markets rose.', ['**Deal reached.**', 'Markets rose.']],

  // Lines, lists, headings, paragraphs
  ['a paragraph break always ends a sentence', 'First part without stop\n\nSecond part', ['First part without stop', 'Second part']],
  ['a paragraph break splits even after a title abbreviation', 'Ask Dr.\n\nSmith answered.', ['Ask Dr.', 'Smith answered.']],
  ['a paragraph break splits before lower case', 'It ended...\n\nand then more', ['It ended...', 'and then more']],
  ['a list after a blank line', 'Intro.\n\n- one\n- two', ['Intro.', '- one', '- two']],
  ['a blank line with spaces is a paragraph break', 'One\n   \nTwo', ['One', 'Two']],
  ['a single newline inside a sentence does not split', 'This sentence\nwraps over lines.', ['This sentence\nwraps over lines.']],
  ['multiple spaces inside a sentence do not split', 'Lots   of    space here.  Next one.', ['Lots   of    space here.', 'Next one.']],
  ['each dash bullet is a sentence', 'Key points:\n- tariffs on steel\n- drug enforcement', ['Key points:', '- tariffs on steel', '- drug enforcement']],
  ['each star and bullet-sign item is a sentence', '* one\n* two\n• three', ['* one', '* two', '• three']],
  ['numbered items are sentences and 1. is no sentence end', '1. Open the box\n2. Close it', ['1. Open the box', '2. Close it']],
  ['letter items a) b) are sentences', 'a) first option\nb) second option', ['a) first option', 'b) second option']],
  ['a list item may hold two sentences', '- Tariffs rose. Prices fell.\n- Done', ['- Tariffs rose.', 'Prices fell.', '- Done']],
  ['an indented line continues a list item', '- a long item that\n  continues here\n- next', ['- a long item that\n  continues here', '- next']],
  ['a line after a list is a new sentence', '- first\n- second\nThe minister spoke', ['- first', '- second', 'The minister spoke']],
  ['a Markdown heading is its own sentence', '# Joint statement\nThe parties met.', ['# Joint statement', 'The parties met.']],
  ['a heading with a number and question mark is one sentence', '## 1. What now? A plan\nText.', ['## 1. What now? A plan', 'Text.']],
  ['a hashtag at line start is not a heading', 'Good day\n#USMCA works. Yes.', ['Good day\n#USMCA works.', 'Yes.']],
  ['a year wrapped to a line start is not a list marker', 'It was signed in\n2026. The end.', ['It was signed in\n2026.', 'The end.']],

  // Astral characters and emoji
  ['an emoji before a sentence', 'Great news 🎉. We won.', ['Great news 🎉.', 'We won.']],
  ['an emoji after terminal punctuation', 'We won! 🎉 Party tonight.', ['We won!', '🎉 Party tonight.']],
  ['astral letters inside a sentence', 'The 𝒳 factor grew. Then it fell.', ['The 𝒳 factor grew.', 'Then it fell.']],
];

const spanish: Case[] = [
  ['splits after ¿…? before a capital', '¿Vienes? Te espero.', ['¿Vienes?', 'Te espero.']],
  ['splits after ¡…! before ¿', '¡Basta! ¿Qué quieren?', ['¡Basta!', '¿Qué quieren?']],
  ['a dialogue tag after ? continues', '—¿Vienes? —preguntó Ana.', ['—¿Vienes? —preguntó Ana.']],
  ['a question inside a sentence stays', 'Y tú, ¿qué opinas? Yo creo que sí.', ['Y tú, ¿qué opinas?', 'Yo creo que sí.']],
  ['Sr. continues', 'El Sr. López llegó.', ['El Sr. López llegó.']],
  ['Sra. and Dra. continue', 'La Sra. Pérez y la Dra. Ruiz firmaron.', ['La Sra. Pérez y la Dra. Ruiz firmaron.']],
  ['Lic. continues', 'El Lic. Ebrard habló.', ['El Lic. Ebrard habló.']],
  ['EE. UU. before lower case continues', 'Los aranceles de EE. UU. subieron.', ['Los aranceles de EE. UU. subieron.']],
  ['EE. UU. at the real end before El ends', 'Viajó a EE. UU. El viaje fue largo.', ['Viajó a EE. UU.', 'El viaje fue largo.']],
  ['EE.UU. without a space continues before a name', 'El presidente de EE.UU. Donald Trump habló.', ['El presidente de EE.UU. Donald Trump habló.']],
  ['pág. before a number continues', 'Véase la pág. 12 del informe.', ['Véase la pág. 12 del informe.']],
  ['art. before a number continues', 'Según el art. 35 de la ley, procede.', ['Según el art. 35 de la ley, procede.']],
  ['Art. at the start of a sentence continues', 'Art. 4 establece plazos.', ['Art. 4 establece plazos.']],
  ['núm. continues', 'El decreto núm. 12 entró en vigor.', ['El decreto núm. 12 entró en vigor.']],
  ['p. ej. continues', 'Algunos bienes, p. ej. el acero, pagan más.', ['Algunos bienes, p. ej. el acero, pagan más.']],
  ['no. as a word at the end before a capital ends', 'Dijo que no. Luego se fue.', ['Dijo que no.', 'Luego se fue.']],
  ['a decimal comma and a decimal point do not split', 'Creció 3,5 % y luego 2.1 %.', ['Creció 3,5 % y luego 2.1 %.']],
  ['a lower-case month abbreviation continues', 'El 27 de ene. de 2026 hubo reunión.', ['El 27 de ene. de 2026 hubo reunión.']],
  ['an ordinal 1.º does not split', 'El 1.º de enero entra en vigor.', ['El 1.º de enero entra en vigor.']],
  ['an accented capital after a full stop ends', 'Llegó tarde. Él no dijo nada.', ['Llegó tarde.', 'Él no dijo nada.']],
  ['a missing space before an accented capital splits', 'Fracasó.Árbitros y jueces callaron.', ['Fracasó.', 'Árbitros y jueces callaron.']],
  ['S.A. de C.V. continues', 'Grupo México S.A. de C.V. informó.', ['Grupo México S.A. de C.V. informó.']],
  ['guillemets after a full stop belong before', 'Dijo: «Basta.» Luego salió.', ['Dijo: «Basta.»', 'Luego salió.']],
  ['¡…! before lower case continues', '¡Qué bien! dijo ella.', ['¡Qué bien! dijo ella.']],
  ['es-MX uses the Spanish rules', 'El Sr. López llegó.', ['El Sr. López llegó.']],
];

describe('splitSentences (English)', () => {
  it.each(english)('%s', (_name, input, expected) => {
    expect(sentences(input, 'en')).toEqual(expected);
  });
});

describe('splitSentences (Spanish)', () => {
  it.each(spanish)('%s', (name, input, expected) => {
    expect(sentences(input, name.startsWith('es-MX') ? 'es-MX' : 'es')).toEqual(expected);
  });
});

describe('splitSentences (language-neutral fallback)', () => {
  it('keeps the structural rules for an unknown language', () => {
    expect(sentences('Er kam. Sie ging? Ja!\n\n- eins\n- zwei', 'de')).toEqual(['Er kam.', 'Sie ging?', 'Ja!', '- eins', '- zwei']);
  });

  it('has no word lists: a title before a name ends a sentence', () => {
    expect(sentences('Ask Dr. Smith.', 'de')).toEqual(['Ask Dr.', 'Smith.']);
    expect(sentences('Ask Dr. Smith.', 'en')).toEqual(['Ask Dr. Smith.']);
  });

  it('still keeps initials, initialisms, numbers and URLs together', () => {
    expect(sentences('J. F. Kennedy sah die U.S. Navy 3.5 Mal auf example.com/A.B heute.', 'fr')).toEqual([
      'J. F. Kennedy sah die U.S. Navy 3.5 Mal auf example.com/A.B heute.',
    ]);
  });

  it('splits after full-width terminators without a space', () => {
    expect(sentences('今日は晴れ。明日は雨！本当？', 'ja')).toEqual(['今日は晴れ。', '明日は雨！', '本当？']);
  });

  it('an empty or blank text has no sentences', () => {
    expect(sentences('', 'en')).toEqual([]);
    expect(sentences(' \n\n \t', 'en')).toEqual([]);
  });
});

describe('the case table', () => {
  it('holds at least 90 cases', () => {
    expect(english.length + spanish.length).toBeGreaterThanOrEqual(90);
  });
});
