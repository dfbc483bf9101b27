/**
 * Function words left out of keyness: English and Spanish, written for qcode
 * (pronouns, articles, prepositions, conjunctions, auxiliaries and the most
 * common adverbs), in lower case with and without accents where Spanish
 * writers drop them. Both lists apply to every text, since corpora mix languages.
 */
const ENGLISH = `
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
either few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's
like many may me might more most much must mustn't my myself neither no nor not now of off on once one only or
other ought our ours ourselves out over own per rather same say said says shall shan't she she'd she'll she's
should shouldn't since so some such than that that's the their theirs them themselves then there there's these
they they'd they'll they're they've this those though through thus to too under until up upon us very via was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which while who
who's whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're you've
your yours yourself yourselves also s t ll d re ve
`;

const SPANISH = `
a al algo algun alguna algunas alguno algunos ante antes aqui aquí asi así aun aún cada como cómo con contra
cual cuál cuales cuando cuándo de del desde donde dónde durante e el él ella ellas ello ellos en entre era eran
eres es esa esas ese eso esos esta está estaba estaban estado estamos estan están estar este esto estos estoy
fue fueron fui ha había habia habían han has hasta hay he la las le les lo los mas más me mi mí mis mucho muchos
muy nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero
poco por porque que qué quien quién quienes se sea ser será sera si sí sido siempre sin sino sobre son su sus
suya suyo tal también tambien tan tanto te tenemos tener tiene tienen toda todas todo todos tras tu tú tus un
una uno unos usted ustedes vosotros vuestra vuestro y ya yo dijo dice según segun
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${SPANISH}`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w.normalize('NFC')),
);
