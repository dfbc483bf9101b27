import { describe, expect, it } from 'vitest';
import { matched } from './helpers.js';

/**
 * The matching rules of docs/matching.md, one case per line:
 * [what the case proves, pattern(s), text, matched texts expected in order].
 */
type Case = [string, string | string[], string, string[]];

const cases: Record<string, Case[]> = {
  'case-insensitive': [
    ['lower-case pattern matches capitalised word', 'tariff', 'Tariff talks', ['Tariff']],
    ['lower-case pattern matches upper-case word', 'tariff', 'NEW TARIFF NOW', ['TARIFF']],
    ['upper-case pattern matches lower-case word', 'TARIFF', 'a tariff', ['tariff']],
    ['mixed-case pattern matches mixed-case word', 'TaRiFf', 'tArIfF', ['tArIfF']],
    ['acronym pattern matches acronym', 'FBI', 'the FBI said', ['FBI']],
    ['case folding covers non-ASCII letters', 'éxito', 'ÉXITO total', ['ÉXITO']],
    ['case folding covers Greek', 'αθήνα', 'ΑΘΗΝΑ', ['ΑΘΗΝΑ']],
    ['case folding covers Cyrillic', 'москва', 'МОСКВА сегодня', ['МОСКВА']],
  ],
  'whole tokens only': [
    ['word does not match its plural', 'tariff', 'tariffs rose', []],
    ['word does not match inside a longer word', 'war', 'software warning', []],
    ['word does not match a word it contains', 'tariffs', 'tariff', []],
    ['word matches at the very start', 'tariff', 'tariff', ['tariff']],
    ['word matches at the very end', 'tariff', 'new tariff', ['tariff']],
    ['every occurrence is a match', 'tariff', 'tariff after tariff', ['tariff', 'tariff']],
    ['digits are word characters', 'g7', 'the G7 summit', ['G7']],
    ['a number does not match inside a longer number', '2024', 'in 20245', []],
    ['a number matches as a token', '2024', 'in 2024.', ['2024']],
    ['underscore is a word character', 'foo', 'foo_bar', []],
    ['word with digits does not match letters alone', 'covid', 'covid19', []],
  ],
  'hyphenated compound is one token': [
    ['compound does not match its second part', 'tariff', 'non-tariff barriers', []],
    ['compound does not match its first part', 'non', 'non-tariff barriers', []],
    ['compound pattern matches the compound', 'non-tariff', 'non-tariff barriers', ['non-tariff']],
    ['prefix wildcard matches across the hyphen', 'tariff*', 'tariff-free trade', ['tariff-free']],
    ['compound pattern with U+2010 in text', 'non-tariff', 'non\u2010tariff', ['non\u2010tariff']],
    ['compound pattern with U+2011 in text', 'non-tariff', 'non\u2011tariff', ['non\u2011tariff']],
    ['pattern with U+2010 matches ASCII hyphen', 'non\u2010tariff', 'non-tariff', ['non-tariff']],
    ['three-part compound is one token', 'state-of-the-art', 'a state-of-the-art plan', ['state-of-the-art']],
    ['part of a three-part compound does not match', 'art', 'state-of-the-art', []],
    ['double hyphen separates words', 'well', 'well--known', ['well']],
    ['spaced hyphen separates words', 'tariff', 'tariff - free', ['tariff']],
    ['trailing hyphen is not part of the token', 'pre', 'pre- and post-war', ['pre']],
    ['leading hyphen is not part of the token', 'war', 'the -war', ['war']],
    ['en dash separates words', 'tariff', 'tariff\u2013free', ['tariff']],
    ['em dash separates words', 'tariff', 'the tariff\u2014again', ['tariff']],
  ],
  'wildcards': [
    ['prefix wildcard matches longer word', 'tariff*', 'tariffs rose', ['tariffs']],
    ['prefix wildcard matches the bare stem', 'tariff*', 'a tariff', ['tariff']],
    ['prefix wildcard does not match a word that only contains the stem', 'tariff*', 'antitariff', []],
    ['suffix wildcard matches', '*tariff', 'the antitariff group', ['antitariff']],
    ['suffix wildcard matches the bare word', '*tariff', 'tariff', ['tariff']],
    ['suffix wildcard matches a compound ending in it', '*tariff', 'non-tariff', ['non-tariff']],
    ['suffix wildcard does not match a longer word', '*tariff', 'tariffs', []],
    ['narco prefix', 'narco*', 'narcotraffickers and narcos', ['narcotraffickers', 'narcos']],
    ['infix wildcard', 't*ff', 'tariff and tiff and tuff', ['tariff', 'tiff', 'tuff']],
    ['infix wildcard needs both ends', 't*ff', 'tariffs', []],
    ['wildcards at both ends find a part anywhere', '*traffick*', 'drug-trafficking, untrafficked', ['drug-trafficking', 'untrafficked']],
    ['wildcard in a phrase word', 'drug traffick*', 'drug trafficking rings', ['drug trafficking']],
    ['wildcard in the first word of a phrase', 'narco* state', 'a narco state', ['narco state']],
    ['lone star in a phrase matches any one word', 'war on * drugs', 'war on illegal drugs', ['war on illegal drugs']],
    ['lone star matches exactly one word', 'war on * drugs', 'war on drugs', []],
    ['wildcard does not cross a space', 'tariff*', 'tariff wall', ['tariff']],
    ['wildcard does not cross punctuation', 'tariff*', 'tariff.wall', ['tariff']],
    ['wildcard is case-insensitive', 'NARCO*', 'Narcotics', ['Narcotics']],
    ['wildcard matches folded letters', 'mexic*', 'Mexicanos', ['Mexicanos']],
    ['wildcard stem with diacritic', 'soberan*', 'soberanía', ['soberanía']],
    ['repeated stars act as one', 'tariff**', 'tariffs', ['tariffs']],
    ['two prefix patterns both match', ['tar*', 'tariff*'], 'tariffs', ['tariffs', 'tariffs']],
  ],
  'phrases': [
    ['phrase matches across one space', 'highly intelligent', 'highly intelligent', ['highly intelligent']],
    ['phrase matches across several spaces', 'highly intelligent', 'highly   intelligent', ['highly   intelligent']],
    ['phrase matches across a line break', 'highly intelligent', 'highly\nintelligent', ['highly\nintelligent']],
    ['phrase matches across a blank line', 'highly intelligent', 'highly\n\nintelligent', ['highly\n\nintelligent']],
    ['phrase matches across a tab', 'highly intelligent', 'highly\tintelligent', ['highly\tintelligent']],
    ['phrase matches across a no-break space', 'highly intelligent', 'highly\u00a0intelligent', ['highly\u00a0intelligent']],
    ['phrase does not match across a comma', 'highly intelligent', 'highly, intelligent', []],
    ['phrase does not match across a full stop', 'highly intelligent', 'highly. Intelligent', []],
    ['phrase does not match across a dash', 'highly intelligent', 'highly \u2014 intelligent', []],
    ['phrase does not match across a spaced hyphen', 'highly intelligent', 'highly - intelligent', []],
    ['phrase does not match across a quote', 'highly intelligent', 'highly "intelligent"', []],
    ['phrase does not match across a bracket', 'highly intelligent', 'highly (intelligent)', []],
    ['phrase words must be whole tokens', 'highly intelligent', 'highly intelligently', []],
    ['phrase words must be in order', 'highly intelligent', 'intelligent highly', []],
    ['phrase needs every word', 'drug cartel leader', 'drug cartel', []],
    ['phrase words must be adjacent', 'drug cartel', 'drug and cartel', []],
    ['phrase is case-insensitive', 'drug cartel', 'Drug CARTEL', ['Drug CARTEL']],
    ['phrase written with several spaces matches one', 'drug   cartel', 'drug cartel', ['drug cartel']],
    ['overlapping phrase occurrences are all found', 'new new', 'new new new', ['new new', 'new new']],
    ['phrase may end at a full stop', 'drug cartel', 'the drug cartel.', ['drug cartel']],
    ['phrase may start after a bracket', 'drug cartel', '(drug cartel)', ['drug cartel']],
    ['phrase with a hyphenated word', 'non-tariff barriers', 'non-tariff barriers', ['non-tariff barriers']],
    ['phrase and its first word both match', ['drug', 'drug cartel'], 'drug cartel', ['drug', 'drug cartel']],
    ['phrase across a possessive', 'fbi director', "the FBI's director", ["FBI's director"]],
  ],
  'folding': [
    ['straight apostrophe pattern matches curly apostrophe', "don't", 'I don\u2019t know', ['don\u2019t']],
    ['curly apostrophe pattern matches straight apostrophe', 'don\u2019t', "I don't know", ["don't"]],
    ['apostrophe word does not match its first part', 'don', "don't", []],
    ['U+2011 in text folds to hyphen', 'covid-19', 'covid\u201119', ['covid\u201119']],
    ['diacritic in text, none in pattern', 'Mexico', 'México', ['México']],
    ['diacritic in pattern, none in text', 'México', 'Mexico', ['Mexico']],
    ['diacritic on both sides', 'méxico', 'MÉXICO', ['MÉXICO']],
    ['soberania matches soberanía', 'soberania', 'la soberanía nacional', ['soberanía']],
    ['tilde folds', 'nino', 'el niño', ['niño']],
    ['cedilla folds', 'facade', 'the façade', ['façade']],
    ['umlaut folds', 'uber', 'Über alles', ['Über']],
    ['diacritics fold inside a phrase', 'seguridad publica', 'seguridad pública', ['seguridad pública']],
    ['diacritics fold in a wildcard', 'econom*', 'económica', ['económica']],
    ['decomposed text folds like composed text', 'mexico', 'Me\u0301xico', ['Me\u0301xico']],
    ['folding does not make different letters equal', 'mexico', 'mexica', []],
    ['astral letters are word characters', 'tariff', '\u{1D400}tariff', []],
    ['emoji separate words', 'tariff', 'tariff\u{1F600}deal', ['tariff']],
  ],
  'possessive': [
    ['possessive with straight apostrophe', 'FBI', "The FBI's report", ['FBI']],
    ['possessive with curly apostrophe', 'FBI', 'The FBI\u2019s report', ['FBI']],
    ['possessive with capital S', 'FBI', "THE FBI'S REPORT", ['FBI']],
    ['possessive on a wildcard word', 'mexic*', "Mexico's border", ['Mexico']],
    ['possessive on the last phrase word', 'drug cartel', "the drug cartel's boss", ['drug cartel']],
    ['possessive pattern matches plain word', "FBI's", 'the FBI', ['FBI']],
    ['plural possessive leaves the word', 'countries', "the countries' leaders", ['countries']],
    ['apostrophe-s that is not final is not a possessive', 'fbi', "FBI'sx", []],
    ['apostrophe with other letters is not a possessive', 'fbi', "FBI'd", []],
    ['possessive of a compound', 'non-tariff', "non-tariff's effect", ['non-tariff']],
  ],
  'brackets, quotes and punctuation': [
    ['round brackets', 'mexico', '(Mexico)', ['Mexico']],
    ['square brackets', 'mexico', '[Mexico]', ['Mexico']],
    ['curly braces', 'mexico', '{Mexico}', ['Mexico']],
    ['straight double quotes', 'mexico', '"Mexico"', ['Mexico']],
    ['curly double quotes', 'mexico', '\u201cMexico\u201d', ['Mexico']],
    ['straight single quotes', 'mexico', "'Mexico'", ['Mexico']],
    ['curly single quotes', 'mexico', '\u2018Mexico\u2019', ['Mexico']],
    ['guillemets', 'mexico', '\u00abMexico\u00bb', ['Mexico']],
    ['Spanish question marks', 'mexico', '\u00bfMexico?', ['Mexico']],
    ['full stop between words splits them', ['tariff', 'customs'], 'Tariff.Customs', ['Tariff', 'Customs']],
    ['comma between words splits them', ['tariff', 'customs'], 'tariff,customs', ['tariff', 'customs']],
    ['slash between words splits them', ['tariff', 'customs'], 'tariff/customs', ['tariff', 'customs']],
    ['colon and semicolon', 'mexico', 'Mexico: yes; Mexico;', ['Mexico', 'Mexico']],
    ['exclamation and question marks', 'mexico', 'Mexico! Mexico?', ['Mexico', 'Mexico']],
    ['ellipsis', 'mexico', 'Mexico\u2026', ['Mexico']],
    ['hashtag sign', 'mexico', '#Mexico', ['Mexico']],
    ['at sign', 'mexico', '@mexico', ['mexico']],
    ['abbreviation dots split letters', 'u', 'U.S.', ['U']],
  ],
  'regex patterns': [
    ['regex runs as written', '/tarif+s?/', 'tariffs', ['tariffs']],
    ['regex is case-sensitive without i', '/Tariff/', 'tariff Tariff', ['Tariff']],
    ['regex with the i flag', '/tariff/i', 'TARIFF', ['TARIFF']],
    ['regex can match inside words', '/tar/', 'guitar', ['tar']],
    ['regex sees punctuation', '/U\\.S\\./', 'the U.S. said', ['U.S.']],
    ['regex finds every occurrence', '/\\d+/', '3 and 45', ['3', '45']],
    ['regex does not fold diacritics', '/Mexico/', 'México', []],
    ['regex with the u flag', '/\\p{Lu}{3}/u', 'the FBI', ['FBI']],
    ['regex with anchors uses the segment text', '/^The/', 'The end', ['The']],
    ['regex matching empty text is skipped', '/x*/', 'abc', []],
  ],
  'negative cases': [
    ['no match in empty text', 'tariff', '', []],
    ['no match in whitespace', 'tariff', '   \n ', []],
    ['no match in punctuation', 'tariff', '...!?', []],
    ['near miss by one letter', 'tariff', 'tarif', []],
    ['misspelling is not folded', 'tariff', 'tarrif', []],
    ['phrase split by a line of punctuation', 'highly intelligent', 'highly\n---\nintelligent', []],
  ],
};

describe('matching rules', () => {
  for (const [rule, list] of Object.entries(cases)) {
    describe(rule, () => {
      for (const [name, patterns, text, expected] of list) {
        it(name, () => {
          expect(matched(patterns, text)).toEqual(expected);
        });
      }
    });
  }

  it('has at least 110 cases', () => {
    expect(Object.values(cases).flat().length).toBeGreaterThanOrEqual(110);
  });
});
