// Events stage, French and Arabic rules: table-driven cases, each checking what a rule makes of a sentence of our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, EventRecord } from "../../core/doc.js";
import { analyzeText } from "../../test-helpers/analyze-text.js";
import { eventsOf, slotName as name, type Ent } from "../../test-helpers/event-cases.js";
import { mergeEvents } from "./merge-events.js";


interface Want {
  type: string;
  actor?: string | null;
  target?: string | null;
  location?: string | null;
  status?: string;
  counts?: Record<string, number>;
}

interface Case {
  readonly lang: "fr" | "ar";
  readonly title: string;
  readonly text: string;
  readonly ents: Ent[];
  readonly expect?: Want[];
  /** Events that must not be found (only the fields given are compared). */
  readonly none?: Want[];
}

const USF_FR: Ent = ["forces américaines", "armed_group", "us-forces"];
const USF_AR: Ent = ["القوات الأمريكية", "armed_group", "us-forces"];

const CASES: Case[] = [
  // status cues
  { lang: "fr", title: "« représailles » n'est pas une reprise",
    text: "Le Pentagone a menacé les milices de représailles après l'attaque.",
    ents: [["Pentagone", "government_body", "pentagon"], ["milices", "armed_group"]],
    expect: [{ type: "THREATEN", actor: "Pentagone", status: "threatened" }], none: [{ type: "THREATEN", status: "resumed" }] },
  { lang: "fr", title: "« à plusieurs reprises » n'est pas une reprise",
    text: "La milice a attaqué à plusieurs reprises les forces américaines en Syrie.",
    ents: [["milice", "armed_group"], USF_FR, ["Syrie", "state", "syria"]],
    expect: [{ type: "ASSAULT", target: "forces américaines", status: "occurred" }] },
  { lang: "fr", title: "la reprise annoncée reste une reprise",
    text: "La milice a repris ses attaques contre les forces américaines.",
    ents: [["milice", "armed_group"], USF_FR],
    expect: [{ type: "ASSAULT", actor: "milice", status: "resumed" }] },
  { lang: "fr", title: "une négation suivie de deux-points ne nie pas ce qui suit",
    text: "« Aucun doute : nous demanderons des comptes aux coupables », a déclaré Joe Biden.",
    ents: [["Joe Biden", "person", "joe-biden"]],
    expect: [{ type: "THREATEN", actor: "Joe Biden", status: "threatened" }], none: [{ type: "THREATEN", status: "denied" }] },
  { lang: "fr", title: "une négation tout contre le verbe nie toujours",
    text: "La milice a déclaré qu'elle n'a pas attaqué les forces américaines.",
    ents: [["milice", "armed_group"], USF_FR],
    expect: [{ type: "ASSAULT", status: "denied" }] },
  // lexicon
  { lang: "fr", title: "« bombardements américains » : l'adjectif après le nom est l'auteur",
    text: "Les bombardements américains ont visé des positions de la milice près de Qaïm.",
    ents: [["américains", "state", "united-states"], ["milice", "armed_group"], ["Qaïm", "place"]],
    expect: [{ type: "ASSAULT", actor: "américains" }], none: [{ type: "ASSAULT", target: "américains" }] },
  { lang: "fr", title: "refuser de commenter n'est pas un rejet",
    text: "Un responsable du Pentagone a refusé de commenter l'annonce de la milice.",
    ents: [["Pentagone", "government_body", "pentagon"]],
    none: [{ type: "REJECT" }] },
  { lang: "fr", title: "un refus reste un rejet",
    text: "Le gouvernement irakien a refusé la présence des forces américaines.",
    ents: [["gouvernement irakien", "government_body", "iraqi-government"], USF_FR],
    expect: [{ type: "REJECT", actor: "gouvernement irakien" }] },
  // slots
  { lang: "fr", title: "le soutien nommé en apposition n'est pas l'auteur : « X, soutenu par l'Iran, … qu'il suspendait »",
    text: "Le groupe armé Kataib Hezbollah, soutenu par l'Iran, a annoncé qu'il suspendait ses opérations contre les forces américaines.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["Iran", "state", "iran"], USF_FR],
    expect: [{ type: "RETREAT", actor: "Kataib Hezbollah", target: "forces américaines", status: "suspended" }], none: [{ type: "RETREAT", actor: "Iran" }] },
  { lang: "ar", title: "«علق على» تعليق بالكلام لا تعليق للعمليات",
    text: "علق البنتاغون على الهجوم بالقول إن الوضع خطير.",
    ents: [["البنتاغون", "government_body", "pentagon"]],
    none: [{ type: "RETREAT" }] },
  { lang: "ar", title: "«التعليق على» القرار ليس تعليقا للعمليات",
    text: "رفضت الخارجية الأمريكية التعليق على قرار الفصائل.",
    ents: [["الخارجية الأمريكية", "government_body", "us-state-department"], ["الفصائل", "armed_group"]],
    none: [{ type: "RETREAT" }] },
  { lang: "ar", title: "تعليق العمليات بالفعل «علقت» يبقى تعليقا",
    text: "علقت الفصائل المسلحة عملياتها ضد القوات الأمريكية.",
    ents: [["الفصائل المسلحة", "armed_group"], USF_AR],
    expect: [{ type: "RETREAT", actor: "الفصائل المسلحة", target: "القوات الأمريكية", status: "suspended" }] },
  { lang: "ar", title: "عدد بعد الفعل: المعدود ضحية لا فاعل (مبني للمجهول)",
    text: "قتل خمسة جنود أمريكيين وأصيب 12 آخرون في هجوم بطائرة مسيرة على قاعدة في سوريا.",
    ents: [["جنود أمريكيين", "armed_group", "us-forces"], ["سوريا", "state", "syria"]],
    expect: [{ type: "ASSAULT", actor: null, target: "جنود أمريكيين", counts: { killed: 5, injured: 12 } }] },
  { lang: "ar", title: "فاعل بعد الفعل بلا عدد يبقى فاعلا",
    text: "هاجمت الفصائل المسلحة القوات الأمريكية في سوريا.",
    ents: [["الفصائل المسلحة", "armed_group"], USF_AR, ["سوريا", "state", "syria"]],
    expect: [{ type: "ASSAULT", actor: "الفصائل المسلحة", target: "القوات الأمريكية" }] },
  { lang: "ar", title: "صلة الموصول: «الهجوم الذي استهدف X» — X مفعول به",
    text: "قال المتحدث إن الهجوم الذي استهدف القوات الأمريكية كان خطيرا.",
    ents: [USF_AR],
    expect: [{ type: "ASSAULT", actor: null, target: "القوات الأمريكية" }], none: [{ type: "ASSAULT", actor: "القوات الأمريكية" }] },
  { lang: "ar", title: "«ما لا يقل عن» قبل العدد",
    text: "قتل جنديان وأصيب ما لا يقل عن 30 عسكريا في قصف صاروخي على القوات الأمريكية.",
    ents: [USF_AR],
    expect: [{ type: "ASSAULT", counts: { injured: 30 } }] },
  { lang: "fr", title: "« dans l'est de la Syrie » est un lieu, pas un auxiliaire",
    text: "La milice a attaqué les forces américaines dans l'est de la Syrie.",
    ents: [["milice", "armed_group"], USF_FR, ["Syrie", "state", "syria"]],
    expect: [{ type: "ASSAULT", target: "forces américaines", location: "Syrie" }] },
  { lang: "ar", title: "النفي «نفت الحكومة وقوع الهجوم» رفض من الحكومة",
    text: "نفت الحكومة العراقية وقوع الهجوم على القاعدة داخل أراضيها.",
    ents: [["الحكومة العراقية", "government_body", "iraqi-government"]],
    expect: [{ type: "REJECT", actor: "الحكومة العراقية", status: "occurred" }], none: [{ type: "ASSAULT", actor: "الحكومة العراقية" }] },
  { lang: "ar", title: "«مسلحيها هاجموا»: الهجوم لصاحب البيان",
    text: "وقالت الفصائل المسلحة في بيان إن مسلحيها هاجموا قاعدة التنف.",
    ents: [["الفصائل المسلحة", "armed_group"], ["قاعدة التنف", "facility", "al-tanf"]],
    expect: [{ type: "ASSAULT", actor: "الفصائل المسلحة", target: "قاعدة التنف" }] },
  { lang: "ar", title: "اسم الهجوم قبل الفعل فاعله: «الهجوم استهدف قاعدة أمريكية»",
    text: "وأكد مسؤول أن الهجوم استهدف قاعدة أمريكية في سوريا.",
    ents: [["أمريكية", "state", "united-states"], ["سوريا", "state", "syria"]],
    none: [{ type: "ASSAULT", actor: "أمريكية" }] },
  { lang: "ar", title: "«فيما» تفصل الجملتين: المعلن ليس فاعل النفي ولا الهجوم",
    text: "نفت الحكومة العراقية وقوع الهجوم، فيما أعلنت القيادة المركزية مقتل جنديين في هجوم صاروخي على قاعدة قرب بغداد.",
    ents: [["الحكومة العراقية", "government_body", "iraqi-government"], ["القيادة المركزية", "armed_group", "centcom"], ["بغداد", "place"]],
    expect: [{ type: "REJECT", actor: "الحكومة العراقية" }], none: [{ type: "REJECT", target: "القيادة المركزية" }] },
  { lang: "fr", title: "« En réponse à des attaques …, X a lancé des frappes » : deux attaques, pas une",
    text: "En réponse à des attaques contre ses soldats en Irak, l'armée américaine a lancé des frappes contre deux sites qu'elle associe à l'Iran.",
    ents: [["Irak", "state", "iraq"], ["armée américaine", "armed_group", "us-forces"], ["Iran", "state", "iran"]],
    expect: [{ type: "ASSAULT", actor: "armée américaine", target: "Iran" }] },
  { lang: "fr", title: "verbe support « a procédé à des frappes »",
    text: "L'armée américaine a procédé à des frappes contre la milice près de Qaïm.",
    ents: [["armée américaine", "armed_group", "us-forces"], ["milice", "armed_group"], ["Qaïm", "place"]],
    expect: [{ type: "ASSAULT", actor: "armée américaine", target: "milice" }] },
  { lang: "fr", title: "verbe support « ont réalisé des frappes … qui ont visé »",
    text: "Les forces américaines ont réalisé des frappes nocturnes qui ont visé des dépôts des Gardiens de la révolution.",
    ents: [["forces américaines", "armed_group", "us-forces"], ["Gardiens de la révolution", "armed_group", "irgc"]],
    expect: [{ type: "ASSAULT", actor: "forces américaines", target: "Gardiens de la révolution" }] },
  { lang: "fr", title: "participe après une virgule : « a accusé …, menaçant … » — le sujet de la phrase menace",
    text: "Le président américain Joe Biden a accusé la milice d'être responsable, menaçant les auteurs de représailles.",
    ents: [["américain", "state", "united-states"], ["Joe Biden", "person", "joe-biden"], ["milice", "armed_group"]],
    expect: [{ type: "THREATEN", actor: "Joe Biden" }, { type: "ACCUSE", actor: "Joe Biden" }], none: [{ type: "ACCUSE", actor: "américain" }] },
  { lang: "fr", title: "« l'attaque était le fait de X » : X est désigné, l'orateur accuse",
    text: "Deux gardes ont été tués samedi par un drone. Joe Biden a réagi en déclarant que l'attaque était le fait de Kataib Hezbollah.",
    ents: [["Joe Biden", "person", "joe-biden"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "ACCUSE", actor: "Joe Biden", target: "Kataib Hezbollah" }] },
  { lang: "fr", title: "attribution au présent : « …, affirme le groupe » nomme l'orateur d'une menace citée",
    text: "« Nous attaquerons encore les forces américaines », affirme Kataib Hezbollah.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], USF_FR],
    expect: [{ type: "THREATEN", actor: "Kataib Hezbollah" }] },
  { lang: "ar", title: "الصفة بعد الاسم: «الضربات الأمريكية استهدفت …» — الصفة هي الفاعل",
    text: "قال مسؤول إن الضربات الأمريكية استهدفت مواقع الفصائل المسلحة في سوريا.",
    ents: [["الأمريكية", "state", "united-states"], ["الفصائل المسلحة", "armed_group"], ["سوريا", "state", "syria"]],
    expect: [{ type: "ASSAULT", actor: "الأمريكية" }] },
  { lang: "ar", title: "«قال الرئيس الأمريكي جو بايدن»: المتكلم هو الرئيس لا بلده",
    text: "قتل ثلاثة جنود في هجوم على قاعدة البرج 22. وقال الرئيس الأمريكي جو بايدن إن الهجوم نفذته كتائب حزب الله.",
    ents: [["البرج 22", "facility", "tower-22"], ["الأمريكي", "state", "united-states"], ["جو بايدن", "person", "joe-biden"], ["كتائب حزب الله", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "ACCUSE", actor: "جو بايدن", target: "كتائب حزب الله" }], none: [{ type: "ACCUSE", actor: "الأمريكي" }] },
  { lang: "fr", title: "participe sans auxiliaire « militaires tués en Jordanie » : passif, les militaires sont la cible",
    text: "Cette réplique intervient après la mort de quatre militaires américains tués en Jordanie.",
    ents: [["militaires américains", "armed_group", "us-forces"], ["Jordanie", "state", "jordan"]],
    expect: [{ type: "ASSAULT", actor: null, target: "militaires américains" }], none: [{ type: "ASSAULT", actor: "militaires américains" }] },
  { lang: "fr", title: "participe avec objet « a tué le chef » : actif",
    text: "L'armée américaine a tué le chef de la milice près de Bagdad.",
    ents: [["armée américaine", "armed_group", "us-forces"], ["milice", "armed_group"], ["Bagdad", "place"]],
    expect: [{ type: "ASSAULT", actor: "armée américaine" }] },
  { lang: "fr", title: "« des soldats déployés en Syrie » décrit une présence, pas un déploiement",
    text: "Des centaines de soldats américains déployés en Syrie soutiennent les forces locales.",
    ents: [["soldats américains", "armed_group", "us-forces"], ["Syrie", "state", "syria"]],
    none: [{ type: "MOBILIZE" }] },
  { lang: "fr", title: "« ont déployé des renforts » reste un déploiement",
    text: "Les États-Unis ont déployé des renforts en Syrie.",
    ents: [["États-Unis", "state", "united-states"], ["Syrie", "state", "syria"]],
    expect: [{ type: "MOBILIZE", actor: "États-Unis" }] },
  { lang: "fr", title: "« menacent de compromettre » est un risque, pas une menace",
    text: "Les frappes des États-Unis menacent de compromettre les efforts de désescalade.",
    ents: [["États-Unis", "state", "united-states"]],
    none: [{ type: "THREATEN" }] },
  { lang: "ar", title: "«يحمل بصمات X»: اتهام لـX من المتكلم",
    text: "قتل جنديان في هجوم صاروخي على قاعدة التاجي. وقالت وزارة الدفاع الأمريكية إن الهجوم يحمل بصمات كتائب حزب الله.",
    ents: [["قاعدة التاجي", "facility", "camp-taji"], ["وزارة الدفاع الأمريكية", "government_body", "pentagon"], ["كتائب حزب الله", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "ACCUSE", actor: "وزارة الدفاع الأمريكية", target: "كتائب حزب الله" }] },
  { lang: "ar", title: "«ستتخذ الإجراءات اللازمة»: تهديد من فاعل فعل الدعم",
    text: "وأكد المتحدث أن الولايات المتحدة ستتخذ كل الإجراءات اللازمة للدفاع عن قواتها.",
    ents: [["الولايات المتحدة", "state", "united-states"]],
    expect: [{ type: "THREATEN", actor: "الولايات المتحدة", status: "threatened" }] },
  { lang: "ar", title: "تهديد مشروط: «إذا استمرت X … سيكون هناك تصعيد» — X هو المستهدف",
    text: "وحذرت المقاومة الإسلامية في العراق: إذا استمرت الولايات المتحدة في تسليح إسرائيل سيكون هناك تصعيد كبير.",
    ents: [["المقاومة الإسلامية في العراق", "armed_group", "islamic-resistance-in-iraq"], ["الولايات المتحدة", "state", "united-states"], ["إسرائيل", "state", "israel"]],
    expect: [{ type: "THREATEN", actor: "المقاومة الإسلامية في العراق", target: "الولايات المتحدة", status: "conditional" }] },
  { lang: "ar", title: "«تصعيد» بلا مستقبل ليس تهديدا",
    text: "وحذر المراقبون من أن التصعيد في المنطقة بلغ مستوى خطيرا.",
    ents: [],
    none: [{ type: "THREATEN" }] },
  { lang: "fr", title: "« si X … » : la menace conditionnelle vise la partie de la condition",
    text: "Kataib Hezbollah a menacé de frapper si les États-Unis ne quittent pas l'Irak.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["États-Unis", "state", "united-states"], ["Irak", "state", "iraq"]],
    expect: [{ type: "THREATEN", actor: "Kataib Hezbollah", target: "États-Unis", status: "conditional" }] },
  { lang: "fr", title: "« des groupes » (indéfini) ne reprend pas un groupe déjà nommé",
    text: "Kataib Hezbollah a annoncé la suspension de ses opérations. Selon le Pentagone, des groupes ont attaqué la base de Tanf samedi.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["Pentagone", "government_body", "pentagon"], ["base de Tanf", "facility", "al-tanf"]],
    expect: [{ type: "ASSAULT", actor: null, target: "base de Tanf" }], none: [{ type: "ASSAULT", actor: "Kataib Hezbollah" }] },
  { lang: "ar", title: "الصفة بعد اسم مدمج: «مقتل 16 شخصا و25 جريحا إثر العدوان الأمريكي على X»",
    text: "أعلنت الفصائل عن مقتل 16 شخصا و25 جريحا إثر العدوان الأمريكي على مقر الفصائل المسلحة.",
    ents: [["الأمريكي", "state", "united-states"], ["الفصائل المسلحة", "armed_group"]],
    expect: [{ type: "ASSAULT", actor: "الأمريكي", target: "الفصائل المسلحة", counts: { killed: 16, injured: 25 } }] },
  { lang: "ar", title: "فعل بعد فاصلة يبدأ جملته: «…، وتوعدت واشنطن بـ…» — الفاعل بعده",
    text: "شنت القوات الأمريكية غارات على مواقع في سوريا، وتوعدت واشنطن بشن المزيد من الضربات ضد الفصائل المسلحة.",
    ents: [["القوات الأمريكية", "armed_group", "us-forces"], ["سوريا", "state", "syria"], ["واشنطن", "state", "united-states"], ["الفصائل المسلحة", "armed_group"]],
    expect: [{ type: "THREATEN", actor: "واشنطن" }], none: [{ type: "THREATEN", actor: "القوات الأمريكية" }] },
  { lang: "fr", title: "« X a affirmé avoir mené des frappes » : l'orateur parle de lui-même",
    text: "Les forces américaines ont affirmé avoir mené des frappes contre la milice en Syrie.",
    ents: [USF_FR, ["milice", "armed_group"], ["Syrie", "state", "syria"]],
    expect: [{ type: "ASSAULT", actor: "forces américaines", target: "milice" }] },
  { lang: "fr", title: "génitif : « les attaques des rebelles houthis » — le groupe est l'auteur",
    text: "Les attaques des rebelles houthis contre les navires ont repris en mer Rouge.",
    ents: [["rebelles houthis", "armed_group", "houthis"]],
    expect: [{ type: "ASSAULT", actor: "rebelles houthis" }], none: [{ type: "ASSAULT", target: "rebelles houthis" }] },
  { lang: "fr", title: "génitif d'un site : « l'attaque de la Tour 22 » — le site est la cible",
    text: "L'attaque de la Tour 22 a fait trois morts.",
    ents: [["Tour 22", "facility", "tower-22"]],
    expect: [{ type: "ASSAULT", actor: null, target: "Tour 22" }] },
  { lang: "ar", title: "الإضافة: «هجوم حماس على إسرائيل» — المضاف إليه هو المهاجم",
    text: "ونفذت الفصائل هجمات منذ هجوم حماس على إسرائيل في أكتوبر.",
    ents: [["الفصائل", "armed_group"], ["حماس", "armed_group", "hamas"], ["إسرائيل", "state", "israel"]],
    expect: [{ type: "ASSAULT", actor: "حماس", target: "إسرائيل" }] },
  { lang: "fr", title: "génitif d'un retrait : « le retrait des troupes étrangères » n'en fait pas l'auteur d'une attaque",
    text: "Le parlement a voté le retrait des forces américaines.",
    ents: [["parlement", "government_body"], USF_FR],
    none: [{ type: "ASSAULT" }, { type: "RETREAT", actor: "forces américaines" }] },
  { lang: "fr", title: "blâme d'un groupe repris par « le groupe »",
    text: "Kataib Hezbollah a annoncé la fin de ses attaques. Le Pentagone a blâmé le groupe pour l'attaque de drone qui a tué trois soldats.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["Pentagone", "government_body", "pentagon"]],
    expect: [{ type: "ACCUSE", actor: "Pentagone", target: "Kataib Hezbollah" }] },
  { lang: "ar", title: "الإضافة في الحصيلة: «مقتل جنود أمريكيين» — المضاف إليه ضحية لا فاعل",
    text: "قالت الوزارة مساء أمس إن الهجوم الليلي الذي أسفر عن مقتل جنود أمريكيين يحمل بصمات كتائب حزب الله.",
    ents: [["جنود أمريكيين", "armed_group", "us-forces"], ["كتائب حزب الله", "armed_group", "kataib-hezbollah"]],
    none: [{ type: "ASSAULT", actor: "جنود أمريكيين" }] },
  { lang: "fr", title: "relative « qu'il accuse » : le pronom reprend le sujet nommé, pas le dernier nom",
    text: "Joe Biden a promis une riposte. Il menace les milices pro-Iran qu'il accuse d'être derrière la frappe.",
    ents: [["Joe Biden", "person", "joe-biden"], ["Iran", "state", "iran"]],
    expect: [{ type: "ACCUSE", actor: "Joe Biden" }], none: [{ type: "ACCUSE", actor: "Iran" }] },
  { lang: "ar", title: "فعل بعد اسم نكرة صفة له: «أعلنت القيادة مقتل 3 جنود في هجوم صاروخي استهدف قاعدة» — المعلن ليس المهاجم",
    text: "أعلنت القيادة المركزية مقتل 3 جنود في هجوم صاروخي استهدف قاعدة التاجي.",
    ents: [["القيادة المركزية", "armed_group", "centcom"], ["قاعدة التاجي", "facility", "camp-taji"]],
    expect: [{ type: "ASSAULT", actor: null, target: "قاعدة التاجي", counts: { killed: 3 } }], none: [{ type: "ASSAULT", actor: "القيادة المركزية" }] },
  { lang: "ar", title: "الحصيلة نفسها في بلد واحد: تقرير ثان عن الهجوم نفسه يندمج فيه",
    text: "استهدفت المقاومة الإسلامية في العراق القوات الأمريكية في هجوم أسفر عن مقتل 3 جنود. وقالت القيادة الوسطى إن هجوما بطائرة مسيرة استهدف شمال شرق الأردن وأسفر عن مقتل 3 جنود.",
    ents: [["المقاومة الإسلامية في العراق", "armed_group", "islamic-resistance-in-iraq"], USF_AR, ["القيادة الوسطى", "armed_group", "centcom"], ["الأردن", "state", "jordan"]],
    expect: [{ type: "ASSAULT", actor: "المقاومة الإسلامية في العراق", target: "القوات الأمريكية", counts: { killed: 3 } }],
    none: [{ type: "ASSAULT", actor: "الأردن" }, { type: "ASSAULT", target: "القيادة الوسطى" }] },
  { lang: "ar", title: "«شمال شرق الأردن» مكان لا فاعل",
    text: "هاجمت طائرة مسيرة قاعدة التنف شمال شرق الأردن.",
    ents: [["قاعدة التنف", "facility", "al-tanf"], ["الأردن", "state", "jordan"]],
    none: [{ type: "ASSAULT", actor: "الأردن" }] },
  { lang: "fr", title: "« la guerre entre X et Y » : les deux camps, dans l'ordre",
    text: "Les tirs se sont multipliés depuis que la guerre entre Israël et le Hamas a éclaté.",
    ents: [["Israël", "state", "israel"], ["Hamas", "armed_group", "hamas"]],
    expect: [{ type: "ASSAULT", actor: "Israël", target: "Hamas" }] },
  { lang: "ar", title: "«الحرب بين إسرائيل وحماس»: الطرفان بالترتيب",
    text: "وتصاعدت الهجمات منذ اندلاع الحرب بين إسرائيل وحماس في أكتوبر.",
    ents: [["إسرائيل", "state", "israel"], ["حماس", "armed_group", "hamas"]],
    expect: [{ type: "ASSAULT", actor: "إسرائيل", target: "حماس" }] },
  { lang: "fr", title: "« la guerre entre » sans deux camps nommés ne donne pas d'acteur",
    text: "La guerre entre les deux pays a repris en octobre.",
    ents: [],
    none: [{ type: "ASSAULT" }] },
  { lang: "fr", title: "pronominal « se sont engagés à répondre » : pas un passif, les États-Unis menacent",
    text: "Les États-Unis se sont engagés à répondre à cet assaut meurtrier.",
    ents: [["États-Unis", "state", "united-states"]],
    expect: [{ type: "THREATEN", actor: "États-Unis" }] },
  { lang: "fr", title: "conditionnel rapporté « répondraient » : une menace",
    text: "Joe Biden a déclaré mardi que les États-Unis répondraient à l'assaut de dimanche.",
    ents: [["Joe Biden", "person", "joe-biden"], ["États-Unis", "state", "united-states"]],
    expect: [{ type: "THREATEN", actor: "États-Unis", status: "threatened" }] },
  { lang: "fr", title: "un vrai passif « ont été tués » reste passif",
    text: "Trois soldats américains ont été tués par la milice.",
    ents: [["soldats américains", "armed_group", "us-forces"], ["milice", "armed_group"]],
    expect: [{ type: "ASSAULT", actor: "milice", target: "soldats américains" }] },
  { lang: "fr", title: "« montrer du doigt » : une accusation",
    text: "Après l'attaque, Washington a montré du doigt Téhéran.",
    ents: [["Washington", "state", "united-states"], ["Téhéran", "state", "iran"]],
    expect: [{ type: "ACCUSE", actor: "Washington", target: "Téhéran" }] },
  { lang: "ar", title: "نقطة داخل جملة ملتصقة («…\".وفي بيان أدان الأردن …») تنهي العبارة",
    text: "وأعلنت القيادة الوسطى \"مقتل 3 جنود في هجوم على قاعدة التنف\".وفي بيان أدان الأردن الهجوم.",
    ents: [["القيادة الوسطى", "armed_group", "centcom"], ["قاعدة التنف", "facility", "al-tanf"], ["الأردن", "state", "jordan"]],
    expect: [{ type: "ACCUSE", actor: "الأردن" }], none: [{ type: "ACCUSE", actor: "القيادة الوسطى" }] },
  { lang: "fr", title: "le point d'une abréviation ne coupe pas la proposition",
    text: "Le Gen. Qassem Soleimani a menacé les forces américaines.",
    ents: [["Qassem Soleimani", "person", "qassem-soleimani"], USF_FR],
    expect: [{ type: "THREATEN", actor: "Qassem Soleimani", target: "forces américaines" }] },
];

const fits = (doc: Doc, e: EventRecord, w: Want): boolean =>
  e.type === w.type &&
  (w.actor === undefined || name(doc, e.actor) === w.actor) &&
  (w.target === undefined || name(doc, e.target) === w.target) &&
  (w.location === undefined || name(doc, e.location) === w.location) &&
  (w.status === undefined || e.status === w.status) &&
  (w.counts === undefined || Object.entries(w.counts).every(([k, v]) => (e.counts as Record<string, number> | undefined)?.[k] === v));

for (const c of CASES) {
  test(`events ${c.lang}: ${c.title}`, () => {
    const { doc, events: evs } = eventsOf(c.text, c.ents, { lang: c.lang });
    assert.equal(doc.language?.code, c.lang);
    const shown = () => JSON.stringify(evs.map((e) => `${e.type} [${e.status}] ${name(doc, e.actor)} -> ${name(doc, e.target)} ${JSON.stringify(e.counts ?? {})} '${e.trigger.text}'`));
    for (const w of c.expect ?? []) assert.ok(evs.some((e) => fits(doc, e, w)), `expected ${JSON.stringify(w)} in ${shown()}`);
    for (const w of c.none ?? []) assert.ok(!evs.some((e) => fits(doc, e, w)), `unexpected ${JSON.stringify(w)} in ${shown()}`);
  });
}

test("events: merging a report of another tier keeps the news's own date", () => {
  const at = (s: number) => ({ start: s, end: s + 1, text: "x" });
  const base = { mode: null, cameo: "18", acled: null, location: null, weapon: null, attribution: null, evidence: at(0) };
  const news = { ...base, type: "ASSAULT", actor: { entity: "e1", text: "g" }, target: null, status: "occurred", trigger: at(1), tier: "core",
    date: { date: "2024-01-28", precision: "day", basis: "no date in the sentence; the report's date: Sunday" } } as unknown as EventRecord;
  const campaign = { ...base, type: "ASSAULT", actor: { entity: "e1", text: "g" }, target: null, status: "ongoing", trigger: at(9), tier: "background",
    date: { date: "2023-10-10", precision: "day", basis: "'since 110 days'" } } as unknown as EventRecord;
  const sameTier = { ...campaign, tier: "core" } as EventRecord;
  assert.equal(mergeEvents([news, campaign])[0].date?.date, "2024-01-28");
  // a report of the same tier with a date of its own still dates the news
  assert.equal(mergeEvents([news, sameTier])[0].date?.date, "2023-10-10");
});

test("events: a date lent by the lead is taken again once the document has its day (redateEvents)", async () => {
  const { redateEvents } = await import("./extract-events.js");
  // the report known only by its year when the events ran: the threat takes the year
  const body = "Trois soldats américains ont été tués dimanche lors d'une attaque de drone contre un poste en Jordanie. Les États-Unis ont promis de répondre.";
  const { doc } = eventsOf(body, [["soldats américains", "armed_group", "us-forces"], ["Jordanie", "state", "jordan"], ["États-Unis", "state", "united-states"]], { lang: "fr", published: "2024" });
  const threat = (doc.events ?? []).find((e) => e.type === "THREATEN");
  assert.ok(threat, "a THREATEN event");
  assert.equal(threat.date?.date, "2024");
  // the day found later (story dates): the report's day (the lead's weekday was read against the year alone)
  const dated = { ...doc, published: { value: { date: "2024-01-30", precision: "day" as const, basis: "test" }, source: "story" } } as unknown as Doc;
  const again = redateEvents(dated);
  assert.ok(again, "the events are dated again");
  assert.equal(again.find((e) => e.type === "THREATEN")?.date?.date, "2024-01-30");
});

test("events ar: the project's Arabic example gives the suspension as its news, the attack two days before", async () => {
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(new URL("../../../examples/kh-suspension-ar.txt", import.meta.url), "utf8");
  const doc = analyzeText(text, { upTo: "events", file: "kh-suspension-ar.txt" });
  const evs = doc.events ?? [];
  const suspension = evs.find((e) => e.type === "RETREAT");
  assert.ok(suspension, JSON.stringify(evs.map((e) => `${e.type}:${e.trigger.text}`)));
  assert.equal(suspension.status, "suspended");
  assert.equal(suspension.actor?.text.startsWith("كتائب حزب الله"), true);
  assert.equal(suspension.tier, "core");
  const attack = evs.find((e) => e.type === "ASSAULT");
  assert.ok(attack);
  assert.equal(attack.counts?.killed, 3);
  // the attack is what the suspension came after, not the news of the day
  assert.ok(!suspension.date || !attack.date || attack.date.date < suspension.date.date);
});
