import { test } from "node:test";
import assert from "node:assert/strict";
import { segmentText } from "./segment-text.js";

const abbrev = new Set(["Gen", "U.S", "Lt", "Mr", "M", "Dr"]);
const cases: { lang: string; text: string; sentences: string[] }[] = [
  { lang: "en", text: "The U.S. military said two rockets hit. Gen. Smith denied it! Was it true? \"Yes,\" he said.", sentences: ["The U.S. military said two rockets hit.", "Gen. Smith denied it!", "Was it true?", "\"Yes,\" he said."] },
  { lang: "en", text: "Troops left at 5 p.m. on Monday.\nA new paragraph starts here", sentences: ["Troops left at 5 p.m. on Monday.", "A new paragraph starts here"] },
  { lang: "en", text: "“We will respond,” the statement said. It gave no date.", sentences: ["“We will respond,” the statement said.", "It gave no date."] },
  { lang: "fr", text: "M. Dupont a parlé. Le Pentagone a répondu « non ». Fin.", sentences: ["M. Dupont a parlé.", "Le Pentagone a répondu « non ».", "Fin."] },
  { lang: "ar", text: "قال المتحدث إن الهجوم فشل. وأضاف أن التحقيق مستمر؟ نعم.", sentences: ["قال المتحدث إن الهجوم فشل.", "وأضاف أن التحقيق مستمر؟", "نعم."] },
  { lang: "en", text: "There are 2,500 troops. Some 2.5 million people live there.", sentences: ["There are 2,500 troops.", "Some 2.5 million people live there."] },
  // text run together: a stop glued between two words still ends a sentence, but not inside an abbreviation, a number,
  // a web address or a degree
  { lang: "en", text: "The convoy was hit near the border.The army gave no toll.Officials met on Friday.", sentences: ["The convoy was hit near the border.", "The army gave no toll.", "Officials met on Friday."] },
  { lang: "en", text: "The U.S.Army spokesman, a Ph.D holder, cited 3.5 tonnes and the site example.com.Gen.Smith agreed.", sentences: ["The U.S.Army spokesman, a Ph.D holder, cited 3.5 tonnes and the site example.com.", "Gen.Smith agreed."] },
  { lang: "fr", text: "Le convoi a été frappé.Les autorités n'ont donné aucun bilan.", sentences: ["Le convoi a été frappé.", "Les autorités n'ont donné aucun bilan."] },
  { lang: "ar", text: "أصيب جنديان بجروح.وقال المتحدث إن التحقيق مستمر.", sentences: ["أصيب جنديان بجروح.", "وقال المتحدث إن التحقيق مستمر."] },
];

for (const c of cases) {
  test(`segmentText (${c.lang}): ${c.text.slice(0, 40)}…`, () => {
    const { sentences } = segmentText(c.text, c.lang, abbrev);
    assert.deepEqual(sentences.map((s) => c.text.slice(s.start, s.end)), c.sentences);
  });
}

test("tokens keep numbers, hyphenated and apostrophe words whole, and know their sentence", () => {
  const text = "Kata'ib Hezbollah fired 2,500 rounds at al-Asad. Two died.";
  const { tokens } = segmentText(text, "en", abbrev);
  assert.deepEqual(tokens.map((t) => t.text), ["Kata'ib", "Hezbollah", "fired", "2,500", "rounds", "at", "al-Asad", ".", "Two", "died", "."]);
  assert.deepEqual([...new Set(tokens.map((t) => t.sentence))], [0, 1]);
  assert.equal(tokens[7].isWord, false);
});
