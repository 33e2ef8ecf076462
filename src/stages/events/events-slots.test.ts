// Events stage: slot, trigger and duplicate rules, table-driven, in English. Sentences are our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, EventRecord } from "../../core/doc.js";
import { eventsOf, slotName as name, type Ent } from "../../test-helpers/event-cases.js";


interface Expect {
  type: string;
  location?: string | null;
  date?: string;
  actor?: string | null;
  target?: string | null;
  status?: string;
  trigger?: RegExp;
}
interface Case {
  readonly title: string;
  readonly text: string;
  readonly ents: Ent[];
  readonly expect?: Expect[];
  readonly none?: Expect[];
  /** The exact number of events the text gives, when the case is about duplicates. */
  readonly count?: number;
}

const fits = (doc: Doc, e: EventRecord, w: Expect): boolean =>
  e.type === w.type &&
  (!w.trigger || w.trigger.test(e.trigger.text)) &&
  (w.actor === undefined || name(doc, e.actor) === w.actor) &&
  (w.target === undefined || name(doc, e.target) === w.target) &&
  (w.status === undefined || e.status === w.status) &&
  (w.location === undefined || name(doc, e.location) === w.location) &&
  (w.date === undefined || e.date?.date === w.date);

const IRAN: Ent = ["Iran", "state", "iran"];
const ISRAEL: Ent = ["Israel", "state", "israel"];
const HAMAS: Ent = ["Hamas", "armed_group", "hamas"];

const CASES: Case[] = [
  { title: "a name inside a hyphenated modifier is no target: 'pro-Iran fighters'",
    text: "Seven pro-Iran fighters were killed in the raid on Tuesday.", ents: [IRAN],
    none: [{ type: "ASSAULT", target: "Iran" }] },
  { title: "'Iran-backed militiamen' is no target either",
    text: "The bombardment killed at least nine Iran-backed militiamen near the border.", ents: [IRAN],
    none: [{ type: "ASSAULT", target: "Iran" }] },
  { title: "a hyphenated pair before a war noun names both sides: 'the Israel-Hamas war'",
    text: "Prices have risen since the Israel-Hamas war started last autumn.", ents: [ISRAEL, HAMAS],
    expect: [{ type: "ASSAULT", actor: "Israel", target: "Hamas", trigger: /^war$/ }] },
  { title: "a country's possessive acts through the noun: 'Israel's war on Hamas'",
    text: "Aid groups criticised Israel's war on Hamas in a joint letter.", ents: [ISRAEL, HAMAS],
    expect: [{ type: "ASSAULT", actor: "Israel", target: "Hamas" }] },
  { title: "a war nobody wages is no event: 'fears of a wider war'",
    text: "Diplomats voiced fears of a wider war with Iran.", ents: [IRAN],
    none: [{ type: "ASSAULT" }] },
  { title: "compounds of 'war' are no war: 'a war monitor said'",
    text: "A British war monitor said the figures were rising.", ents: [["British", "state", "united-kingdom"]],
    none: [{ type: "ASSAULT" }] },
  { title: "a development that 'threatens to derail' talks is no party's threat",
    text: "The raid and the Iraqi reaction threaten to derail the talks between Baghdad and Washington.", ents: [["Iraqi", "state", "iraq"]],
    none: [{ type: "THREATEN" }] },
  { title: "'as we have demonstrated' shows, it does not protest",
    text: "“As we have demonstrated before, we will protect our soldiers,” General Smith said.", ents: [["General Smith", "person"]],
    none: [{ type: "PROTEST" }] },
  { title: "a crowd that demonstrated against a party protests",
    text: "Members of the Teachers Union demonstrated against the Interior Ministry in the capital on Friday.",
    ents: [["Teachers Union", "organization"], ["Interior Ministry", "government_body"]],
    expect: [{ type: "PROTEST", actor: "Teachers Union" }] },
  { title: "'we want to see X do more': a request to X, made by the quoted spokesman, not by the pronoun",
    text: "The Iraqi government met the militias on Monday. “We have said that we want to see the Iraqi government do more,” spokeswoman Jane Doe told reporters.",
    ents: [["Iraqi government", "government_body", "iraqi-government"], ["Jane Doe", "person"]],
    expect: [{ type: "REQUEST", actor: "Jane Doe", target: "Iraqi government" }] },
  { title: "blame that names its own attack is about that attack, not the one reported before",
    text: "Rockets hit Camp Alpha on Monday, killing two soldiers. Kataib Hezbollah was behind an earlier rocket attack on Camp Beta in May.",
    ents: [["Camp Alpha", "facility"], ["Camp Beta", "facility"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "ASSAULT", actor: null, target: "Camp Alpha" }, { type: "ASSAULT", actor: "Kataib Hezbollah", target: "Camp Beta" }] },
  { title: "'at the direction of X': X ordered the strikes, X is not their target but their actor when no other is named",
    text: "The strikes on the depots were carried out at the direction of President Doe, officials said.", ents: [["President Doe", "person"]],
    none: [{ type: "ASSAULT", target: "President Doe" }] },
  { title: "'at the direction of X … targeted Y': X acts on Y",
    text: "Overnight raids were carried out at the direction of Minister Doe and targeted depots of the IRGC.",
    ents: [["Minister Doe", "person"], ["IRGC", "armed_group", "irgc"]],
    expect: [{ type: "ASSAULT", actor: "Minister Doe", target: "IRGC" }] },
  { title: "'the deaths of X' names the victims of the attack of the clause",
    text: "A drone attack on Sunday resulted in the deaths of three US soldiers.", ents: [["US soldiers", "armed_group", "us-forces"]],
    expect: [{ type: "ASSAULT", actor: null, target: "US soldiers" }] },
  { title: "a phrase set off by commas does not cut the subject from its verb: 'X, following talks with Y, has declared'",
    text: "Kataib Hezbollah, following long talks with the Iraqi government, has declared a halt to its attacks on US forces.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["Iraqi government", "government_body", "iraqi-government"], ["US forces", "armed_group", "us-forces"]],
    expect: [{ type: "RETREAT", actor: "Kataib Hezbollah", target: "US forces" }],
    none: [{ type: "RETREAT", actor: "Iraqi government" }] },
  { title: "the agent of the subject noun acts: 'a rocket attack by X killed Y'",
    text: "Last year a rocket attack by Kataib Hezbollah killed a US contractor near Kirkuk.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US", "state", "united-states"]],
    expect: [{ type: "ASSAULT", actor: "Kataib Hezbollah", target: "US" }] },
  { title: "a claim and the toll in its relative clause are one attack",
    text: "A militant group claimed responsibility for the drone attack, which killed two US soldiers.",
    ents: [["US soldiers", "armed_group", "us-forces"]], count: 1,
    expect: [{ type: "ASSAULT", target: "US soldiers" }] },
  { title: "'the targeted base' describes a place, it reports no attack",
    text: "A spokesman for Harakat al-Nujaba called the targeted base a hub for foreign troops.", ents: [["Harakat al-Nujaba", "armed_group", "nujaba"]],
    none: [{ type: "ASSAULT" }] },
  { title: "'the resistance' stands for the armed group named before",
    text: "Kataib Hezbollah announced a pause on Monday. Over the years the resistance has launched many attacks against US forces.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US forces", "armed_group", "us-forces"]],
    expect: [{ type: "ASSAULT", actor: "Kataib Hezbollah", target: "US forces" }] },
  { title: "two attack nouns with their own articles joined by 'and' are two attacks; the role word before a hyphenated modifier marks the next name",
    text: "The dispute prompted US airstrikes against the Iran-backed militia Kataib Hezbollah and a drone strike that killed General Qassem Soleimani.",
    ents: [["US", "state", "united-states"], IRAN, ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["Qassem Soleimani", "person", "qassem-soleimani"]],
    expect: [{ type: "ASSAULT", actor: "US", target: "Kataib Hezbollah" }, { type: "ASSAULT", target: "Qassem Soleimani" }] },
  { title: "one side's attack told without its target in the lead and with it later is one attack",
    text: "The United States launched a wave of airstrikes on Friday. Officials described the scale. Reporters were briefed at length. The Pentagon gave no toll. US forces struck sites used by the IRGC, a statement said.",
    ents: [["United States", "state", "united-states"], ["US forces", "armed_group", "us-forces", ], ["IRGC", "armed_group", "irgc"]],
    count: 1, expect: [{ type: "ASSAULT", target: "IRGC" }] },
  { title: "a noun's target stands near it: a name far on in the clause is a later verb's",
    text: "The US airstrikes followed a long and tense meeting of the president and his senior military advisers with the grieving families at Fort Dix on Friday.",
    ents: [["US", "state", "united-states"], ["Fort Dix", "facility"]],
    none: [{ type: "ASSAULT", target: "Fort Dix" }] },
  { title: "a denial is a rejection by its subject, and the attack it denies is no attack of its own",
    text: "The Jordanian government denied that the drone attack took place on its soil.", ents: [["Jordanian government", "government_body", "jordan-government"]],
    expect: [{ type: "REJECT", actor: "Jordanian government", status: "denied" }], none: [{ type: "ASSAULT" }] },
  { title: "'X has nothing to do with the attacks' rejects",
    text: "Tehran's envoy told reporters that Iran has nothing to do with the attacks on the bases.", ents: [IRAN],
    expect: [{ type: "REJECT", actor: "Iran", status: "denied" }] },
  { title: "'X alleged that Y launched the strike' accuses Y",
    text: "In a statement, Kataib Hezbollah alleged that US drones launched the strike from a base abroad.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US", "state", "united-states"]],
    expect: [{ type: "ACCUSE", actor: "Kataib Hezbollah", target: "US" }] },
  { title: "'the strikes' naming no author points back to the strikes told before; the rest of its sentence is not their target",
    text: "US forces launched strikes on the IRGC in Syria on Friday. Officials gave no toll. The strikes followed a meeting of the president with the families at Fort Dix.",
    ents: [["US forces", "armed_group", "us-forces"], ["IRGC", "armed_group", "irgc"], ["Fort Dix", "facility"]],
    count: 1, expect: [{ type: "ASSAULT", actor: "US forces", target: "IRGC" }] },
  { title: "a country's possessive before a group's name says whose group it is: 'Iraq's Kataib Hezbollah suspends'",
    text: "Iraq's Kataib Hezbollah suspends its operations against US forces.",
    ents: [["Iraq", "state", "iraq"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US forces", "armed_group", "us-forces"]],
    expect: [{ type: "RETREAT", actor: "Kataib Hezbollah" }], none: [{ type: "RETREAT", actor: "Iraq" }] },
  { title: "a passive with its agent takes the object named after the verb: 'a war waged by X against Y'",
    text: "Prices rose during the long war launched by the Israeli government against Hamas last year.",
    ents: [["Israeli government", "government_body", "israel"], HAMAS],
    expect: [{ type: "ASSAULT", actor: "Israeli government", target: "Hamas" }] },
  { title: "the object of an 'of' noun merged before the main attack noun is the target: 'the killing of X in a drone attack'",
    text: "The move comes after the killing of four US troops in a drone attack at a desert outpost.", ents: [["US troops", "armed_group", "us-forces"]],
    expect: [{ type: "ASSAULT", target: "US troops" }] },
  { title: "an open question of who did it blames no one",
    text: "The Defense Department said no assessment had been made on who was behind the raid.", ents: [["Defense Department", "government_body", "pentagon"]],
    none: [{ type: "ACCUSE" }] },
  { title: "'those responsible for attacks' names unnamed perpetrators, no attack of its own",
    text: "“We want the authorities to arrest those who are responsible for attacks on our forces,” spokeswoman Jane Doe said.",
    ents: [["Jane Doe", "person"]],
    none: [{ type: "ASSAULT" }, { type: "ACCUSE" }] },
  { title: "a condemnation of 'the attacks' just reported is aimed at their author",
    text: "US forces struck depots of the Kataib Hezbollah militia near Qaim on Friday. The foreign ministry in Tehran condemned the attacks as a grave error.",
    ents: [["US forces", "armed_group", "us-forces"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["foreign ministry in Tehran", "government_body", "iran-foreign-ministry"]],
    expect: [{ type: "ACCUSE", actor: "foreign ministry in Tehran", target: "US forces" }] },
  { title: "a leading time phrase without its comma does not make the subject a target: 'On Sunday X attacked Y'",
    text: "On Sunday Kataib Hezbollah attacked US forces near the border.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US forces", "armed_group", "us-forces"]],
    expect: [{ type: "ASSAULT", actor: "Kataib Hezbollah", target: "US forces" }] },
  { title: "'the people of X' names X as the party a pledge or an attack is about",
    text: "The movement pledged to keep backing the people of Gaza by other means.",
    ents: [["The movement", "armed_group"], ["Gaza", "place", "gaza"]],
    expect: [{ type: "THREATEN", actor: "The movement", target: "Gaza" }] },
  { title: "a reprisal told as done is an attack: 'X retaliated against Y'",
    text: "Last month the United States retaliated against Kataib Hezbollah with strikes near Qaim.",
    ents: [["United States", "state", "united-states"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "ASSAULT", actor: "United States", target: "Kataib Hezbollah" }], none: [{ type: "THREATEN" }] },
  { title: "a reprisal vowed is still a threat",
    text: "The United States vowed to retaliate against Kataib Hezbollah.",
    ents: [["United States", "state", "united-states"], ["Kataib Hezbollah", "armed_group", "kataib-hezbollah"]],
    expect: [{ type: "THREATEN", actor: "United States" }], none: [{ type: "ASSAULT" }] },
  { title: "'Ops.' is an abbreviation, not the end of a sentence",
    text: "Kataib Hezbollah Halts Military Ops. On US Forces\n\nThe group gave no reason.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US Forces", "armed_group", "us-forces"]],
    expect: [{ type: "RETREAT", actor: "Kataib Hezbollah", target: "US Forces" }] },
  { title: "a vague verb gives way to a specific one of the same clause",
    text: "In a note launched late on Friday, the minister mentioned US forces retaliated with airstrikes on depots of the IRGC.",
    ents: [["US forces", "armed_group", "us-forces"], ["IRGC", "armed_group", "irgc"]],
    expect: [{ type: "ASSAULT", actor: "US forces", target: "IRGC", trigger: /^retaliated$/ }] },
  { title: "a label that condemns ('a hostile act') is an accusation by whoever says so",
    text: "The Iraqi army said in a statement that the shelling was a grave and hostile act.", ents: [["Iraqi army", "armed_group", "iraqi-armed-forces"]],
    expect: [{ type: "ACCUSE", actor: "Iraqi army" }] },
  { title: "'called the attack a …' passes judgement on the attack",
    text: "The Jordanian government called the attack a cowardly crime.", ents: [["Jordanian government", "government_body", "jordan-government"]],
    expect: [{ type: "ACCUSE", actor: "Jordanian government" }] },
  { title: "a relative clause's event happens where the noun it hangs on was placed",
    text: "The raids followed a drone attack in Jordan that killed four US soldiers.",
    ents: [["Jordan", "state", "jordan"], ["US soldiers", "armed_group", "us-forces"]],
    expect: [{ type: "ASSAULT", target: "US soldiers", location: "Jordan" }] },
  { title: "the day named in a relative clause set off by commas is that clause's event's, not the main verb's",
    text: "The militia spoke to reporters on Wednesday. Kataib Hezbollah, which carried out Sunday's raid, announced a halt to its attacks on US forces.",
    ents: [["Kataib Hezbollah", "armed_group", "kataib-hezbollah"], ["US forces", "armed_group", "us-forces"]],
    expect: [{ type: "RETREAT", actor: "Kataib Hezbollah", date: "2024-01-31" }] },
];

for (const c of CASES) {
  test(`events en: ${c.title}`, () => {
    const { doc, events: evs } = eventsOf(c.text, c.ents);
    const shown = () => JSON.stringify(evs.map((e) => `${e.type} [${e.status}] ${name(doc, e.actor)} -> ${name(doc, e.target)} '${e.trigger.text}'`));
    for (const w of c.expect ?? []) assert.ok(evs.some((e) => fits(doc, e, w)), `expected ${JSON.stringify(w, (_, x) => (x instanceof RegExp ? String(x) : x))} in ${shown()}`);
    for (const w of c.none ?? []) assert.ok(!evs.some((e) => fits(doc, e, w)), `unexpected ${JSON.stringify(w)} in ${shown()}`);
    if (c.count !== undefined) assert.equal(evs.length, c.count, shown());
  });
}

const COUNTS: { title: string; text: string; ents: Ent[]; counts: Record<string, number> }[] = [
  { title: "coordinated figures before the count word add up",
    text: "Two Americans and one British soldier were killed and 12 were wounded when rockets hit Camp Alpha.", ents: [["Camp Alpha", "facility"]],
    counts: { killed: 3, injured: 12 } },
  { title: "coordinated figures after the count word add up",
    text: "Rockets hit Camp Alpha on Monday, killing two Americans and one Briton.", ents: [["Camp Alpha", "facility"]],
    counts: { killed: 3 } },
  { title: "a figure of another kind after 'and' is not added",
    text: "Gunmen attacked Camp Alpha, killing 3 and wounding 25.", ents: [["Camp Alpha", "facility"]],
    counts: { killed: 3, injured: 25 } },
];
for (const c of COUNTS) {
  test(`events en counts: ${c.title}`, () => {
    const { events: evs } = eventsOf(c.text, c.ents);
    const e = evs.find((x) => x.type === "ASSAULT");
    assert.ok(e, JSON.stringify(evs.map((x) => x.type)));
    assert.deepEqual({ ...e.counts }, c.counts);
  });
}
