import { buildSentenceRules } from './build-sentence-rules.js';

const w = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Spanish abbreviations. `EE. UU.` is written with a space: `EE` never ends a
 * sentence and `UU` behaves like U.S.; months are lower case in Spanish.
 */
export const SPANISH_RULES = buildSentenceRules({
  title: w(`Sr Sres Sra Sras Srta Srtas Dr Dra Dres Dras Lic Lics Lcdo Lcda Ing Arq Mtro Mtra Gral Cnel Tte
    Pbro Excmo Excma Ilmo Ilma Sto Sta Dña Ud Uds Vd Vds Prof Profa Pdte Pdta Gob Dip Mr Mrs Ms EE ej v vs cf
    p.ej P.ej`),
  number: w(`núm núms no nos art arts pág págs p pp cap caps vol vols fig párr inc fracc secc tel aprox`),
  starter: w(`UU EE.UU S.A C.V Cía Inc Corp Ltd Co Jr ene feb mar abr may jun jul ago sep sept oct nov dic
    U.S U.E`),
  time: w(`a.m p.m A.M P.M`),
  sentenceStarters: w(`El La Los Las Lo Un Una Unos Unas Este Esta Estos Estas Esto Ese Esa Esos Esas Eso Aquel
    Aquella Él Ella Ellos Ellas Yo Tú Usted Ustedes Nosotros Nosotras Su Sus Mi Mis Nuestro Nuestra En Por Para
    Pero Y E O Ni Sin Con Al Del De A Ante Tras Desde Hasta Durante Según Sobre Entre Hacia Se Le Les Me Nos
    No Sí Si Además Asimismo Hoy Ayer Mañana También Tampoco Cuando Como Cómo Qué Quién Dónde Porque Aunque
    Mientras Luego Después Antes Entonces Así Ya Todo Todos Toda Todas Cada Otro Otra Es Fue Son Era Hay Ha
    Han Había Está Están The This It In`),
  timeWords: w(`ET EST CT CST PT PST GMT UTC Eastern Central Pacific`),
});
