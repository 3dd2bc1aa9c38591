// Runs the site's JavaScript rules evaluator (Templates/assets/rules.js) on answer sets
// for the Swift/JavaScript agreement test: node evaluate.js rules.json answers.json
"use strict";
const fs = require("fs");
const path = require("path");
const rules = require(path.join(__dirname, "../../Templates/assets/rules.js"));
const ruleSet = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const answers = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const results = answers.map((a) => {
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
process.stdout.write(JSON.stringify(results));
