/* The Annex 1 tier rules in the browser: the same algorithm as the generator's
   Eligibility engine (Sources/PortalDerive/Rules/Eligibility.swift), fed with the
   thresholds the generator writes to data/rules.json. A test runs this file under Node
   on hundreds of answer sets and compares every result with the Swift engine's. */
(function (root) {
  "use strict";

  /* The tiers' order is rules.json's: lowest first, as framework/tiers.yaml lists them. */
  function ranker(rules) {
    var order = rules.tiers.map(function (t) { return t.id; });
    return function (tier) { return order.indexOf(tier); };
  }

  /* built: {scenario number: tier id}; maturity: GB/T 39116 level (1 … rules.maturity_levels.length). */
  function evaluate(rules, built, maturity) {
    var rank = ranker(rules);
    var areaOf = {};
    rules.scenarios.forEach(function (s) { areaOf[s.no] = s.area; });
    var checks = rules.tiers.map(function (tier) {
      var counted = [];
      var covered = {};
      rules.scenarios.forEach(function (s) {
        var at = built[s.no];
        if (!at || rank(at) < rank(tier.id) || s.tiers.indexOf(tier.id) < 0) { return; }
        counted.push(s.no);
        if (s.area) { covered[s.area] = true; }
      });
      var missing = tier.required_areas.filter(function (a) { return !covered[a]; });
      var others = Object.keys(covered).filter(function (a) { return tier.required_areas.indexOf(a) < 0; }).sort();
      var minMaturity = tier.min_maturity === null ? null : tier.min_maturity;
      var maturityShort = Math.max(0, (minMaturity || 0) - maturity);
      var scenariosShort = Math.max(0, tier.min_scenarios - counted.length);
      return {
        tier: tier.id,
        counted: counted.sort(function (a, b) { return a - b; }),
        minimum: tier.min_scenarios,
        scenariosShort: scenariosShort,
        areasCovered: tier.required_areas.filter(function (a) { return covered[a]; }).concat(others),
        areasMissing: missing,
        maturity: maturity,
        minMaturity: minMaturity,
        maturityShort: maturityShort,
        met: scenariosShort === 0 && missing.length === 0 && maturityShort === 0
      };
    });
    var derived = null;
    checks.forEach(function (c) { if (c.met) { derived = c.tier; } });
    var next = null;
    for (var i = 0; i < checks.length; i++) {
      if (derived === null || rank(checks[i].tier) > rank(derived)) { next = checks[i]; break; }
    }
    return { derived: derived, tiers: checks, next: next };
  }

  /* Scenarios that would close the gap to `check`'s tier fastest: those in a missing
     area first, then those already built at a lower tier (an upgrade), then the rest. */
  function suggestions(rules, built, check) {
    if (!check) { return []; }
    var tier = check.tier;
    var candidates = rules.scenarios.filter(function (s) {
      return s.tiers.indexOf(tier) >= 0 && check.counted.indexOf(s.no) < 0;
    });
    candidates.sort(function (a, b) {
      var ka = [check.areasMissing.indexOf(a.area) >= 0 ? 0 : 1, built[a.no] ? 0 : 1, a.no];
      var kb = [check.areasMissing.indexOf(b.area) >= 0 ? 0 : 1, built[b.no] ? 0 : 1, b.no];
      for (var i = 0; i < 3; i++) { if (ka[i] !== kb[i]) { return ka[i] - kb[i]; } }
      return 0;
    });
    var needed = Math.max(check.scenariosShort, check.areasMissing.length);
    return candidates.slice(0, needed);
  }

  /* The median level of a tier group as far as its published counts fix it: the same
     algorithm as MedianRange (Sources/PortalDerive/Views/MedianRange.swift). counts: per
     level (or band) 1…n, null where withheld; others: 不涉及 and the like, null where
     withheld; size: the group's assessments. The withheld ones may sit at any withheld
     level or among the others, so the median is the range over those placements;
     null when nothing is graded. */
  function medianRange(counts, others, size) {
    function sum(list) { return list.reduce(function (total, c) { return total + (c === null ? 0 : c); }, 0); }
    var unknown = size - sum(counts) - sum(others);
    var places = [];
    counts.forEach(function (c, i) { if (c === null) { places.push(i); } });
    if (others.some(function (c) { return c === null; })) { places.push(-1); }
    if (unknown > 0 && !places.length) { return null; }
    var medians = [];
    (unknown > 0 ? places : [-1]).forEach(function (place) {
      var levels = counts.map(function (c) { return c === null ? 0 : c; });
      if (place >= 0) { levels[place] += unknown; }
      var graded = sum(levels);
      if (graded <= 0) { return; }
      var seen = 0;
      for (var level = 0; level < levels.length; level++) {
        seen += levels[level];
        if (seen * 2 >= graded) { medians.push(level + 1); break; }
      }
    });
    if (!medians.length) { return null; }
    return { low: Math.min.apply(null, medians), high: Math.max.apply(null, medians) };
  }

  var api = { evaluate: evaluate, suggestions: suggestions, medianRange: medianRange };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.PortalRules = api; }
})(this);
