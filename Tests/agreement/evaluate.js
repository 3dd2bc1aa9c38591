// Runs the site's JavaScript rules (Templates/assets/rules.js) for the Swift/JavaScript
// agreement tests:
//   node evaluate.js rules.json answers.json   the tier rules on answer sets
//   node evaluate.js --medians cases.json      medianRange on {bins, size, k} cases
"use strict";
const fs = require("fs");
const path = require("path");
const rules = require(path.join(__dirname, "../../Templates/assets/rules.js"));
const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

function tiers(ruleSet, answers) {
  return answers.map((a) => {
    const r = rules.evaluate(ruleSet, a.built, a.maturity);
    return {
      derived: r.derived,
      next: r.next ? r.next.tier : null,
      tiers: r.tiers.map((t) => ({
        tier: t.tier, counted: t.counted, scenariosShort: t.scenariosShort, areasCovered: t.areasCovered,
        areasMissing: t.areasMissing, maturityShort: t.maturityShort, met: t.met,
      })),
    };
  });
}

const results = process.argv[2] === "--medians"
  ? read(process.argv[3]).map((c) => rules.medianRange(c.bins, c.size, c.k))
  : tiers(read(process.argv[2]), read(process.argv[3]));
process.stdout.write(JSON.stringify(results));
