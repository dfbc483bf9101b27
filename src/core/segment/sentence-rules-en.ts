import { buildSentenceRules } from './build-sentence-rules.js';

const w = (s: string) => s.split(/\s+/).filter(Boolean);

/** English abbreviations; the token is the word before the final full stop, inner dots kept (U.S, a.m). */
export const ENGLISH_RULES = buildSentenceRules({
  title: w(`Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Profs Gov Govs Sen Sens Rep Reps Lt Col Gen Brig Capt Cpt
    Sgt Cpl Pvt Maj Adm Cmdr Cdr Hon Rev Fr Pres Supt Insp Amb Atty Sec Secs Rt v vs cf viz e.g i.e E.g I.e`),
  number: w(`No Nos no nos Art Arts art arts p pp vol vols ch chap fig figs sec secs para paras eq eqs ed eds
    op approx ca nr tel ext pt pts`),
  starter: w(`Inc Corp Ltd Co Cos Bros Jr Sr St Mt Ave Blvd Rd Dept Univ Assn Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec U.S U.K E.U U.N D.C N.Y L.A`),
  time: w(`a.m p.m A.M P.M`),
  sentenceStarters: w(`A An The This That These Those It Its He She We They I You His Her Our Their My Your
    There Here In On At But And Or So If As When While After Before Although Though Because Since However
    Meanwhile Moreover Also Then Yet Still What Who Whom Why How Where Which No Not Some Many Most All Both
    Each Every Several One Two Three For From With By Under Over Last Next Today Yesterday Tomorrow During
    Despite Instead Other Such Only Even Now Thus Therefore Later Earlier First Second Third Finally Please
    Let Do Does Did Is Are Was Were Has Have Had Will Would Can Could Should May Might Must`),
  timeWords: w(`ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST Eastern Central Pacific
    Mountain Local Monday Tuesday Wednesday Thursday Friday Saturday Sunday`),
});
