// Synthetic story fingerprints (StoryFeatures) for growing a store to sizes no corpus here reaches: Zipf-distributed
// word stems around a per-story topic, entity and number anchors, MinHash signatures of the words, publication days
// advancing through time, stories of 1 to 20 articles in three languages. Deterministic for a seed.
// Used by scripts/bench-scale.mjs and scripts/bench-stories.mjs.

/** A generator of synthetic features: `next()` gives the next article's; `story` is the story it was written for. */
export function syntheticFeatures({ minhashSignature, shingleHashes }, { seed = 42, perDay = 1000, startDay = 19000, prefix = "d" } = {}) {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const VOCAB = 200_000, ENTITIES = 50_000;
  const zipf = (n) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n)) - 1)); // ~1/rank
  const langs = ["en", "fr", "ar"];
  let storyNo = 0, left = 0, topic = null, n = 0;
  return {
    get count() {
      return n;
    },
    /** The next article: { features, story, day }. */
    next() {
      if (left <= 0) {
        storyNo++;
        left = 1 + (Math.floor(-Math.log(1 - rand()) * 3) % 20);
        topic = {
          terms: Array.from({ length: 30 }, () => `w${zipf(VOCAB)}`),
          anchors: Array.from({ length: 8 }, () => `e:k${zipf(ENTITIES)}`),
          numbers: Array.from({ length: 3 }, () => 2 + zipf(5000)),
        };
      }
      left--;
      n++;
      const day = startDay + Math.floor(n / perDay);
      const lang = langs[Math.floor(rand() * 3)];
      const words = [];
      for (let i = 0; i < 220; i++) words.push(rand() < 0.35 ? topic.terms[Math.floor(rand() * topic.terms.length)] : `w${zipf(VOCAB)}`);
      const counts = {};
      for (const w of words) counts[lang + w] = (counts[lang + w] ?? 0) + 1;
      const terms = Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 80));
      const anchors = {};
      for (const a of topic.anchors) if (rand() < 0.7) anchors[a] = 1 + Math.round(rand() * 100) / 100;
      for (const x of topic.numbers) if (rand() < 0.6) anchors[`x:${x}`] = 1 + Math.round(rand() * 100) / 100;
      for (let i = 0; i < 6; i++) anchors[`e:k${zipf(ENTITIES)}`] = 1;
      const id = `${prefix}${String(n).padStart(8, "0")}`;
      const features = {
        id, lang, title: `${prefix} story ${storyNo}`, outlet: `o${Math.floor(rand() * 500)}`, cites: [], day, year: 2022,
        terms, anchors, numbers: [...topic.numbers], minhash: minhashSignature(shingleHashes(words.map((w) => lang + w))), words: words.length,
      };
      return { features, story: `g${storyNo}`, day };
    },
  };
}
