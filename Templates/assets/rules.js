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

  /* The median level of a group as far as its published figures fix it: the same
     algorithm as MedianRange (Sources/PortalDerive/Views/MedianRange.swift). bins: per
     published bin {from, to (levels it may hold, null if none), other (whether it may hold
     不涉及 and the like), count (null where withheld), mark ("<": 1 to k-1, "x": k or
     more)}; size: the group's members. The median is the range over every placement the
     bins allow; null when nothing is graded. */
  function medianRange(bins, size, k) {
    var top = 0, known = 0;
    bins.forEach(function (b) { if (b.to != null && b.to > top) { top = b.to; } if (b.count != null) { known += b.count; } });
    if (top <= 0) { return null; }
    var withheld = size - known;
    var low = null, high = null, m;
    for (m = 1; m <= top; m++) { if (bestScore(bins, withheld, k, m, true) >= 0) { low = m; break; } }
    for (m = top; m >= 1; m--) { if (bestScore(bins, withheld, k, m - 1, false) < 0) { high = m; break; } }
    if (low == null || high == null || low > high) { return null; }
    return { low: low, high: high };
  }

  function bestScore(bins, withheld, k, threshold, lowering) {
    var scores = bins.map(function (b) {
      var below = b.from != null && b.from <= threshold, above = b.to != null && b.to > threshold;
      if (lowering) { return below ? 1 : (b.other ? 0 : -1); }
      return above ? -1 : (b.other ? 0 : 1);
    });
    var score = 0, graded = 0, remaining = withheld, open = [], room = {};
    bins.forEach(function (b, i) {
      if (b.count == null) { open.push(i); return; }
      score += scores[i] * b.count;
      if (scores[i] !== 0) { graded += b.count; }
    });
    open.forEach(function (i) {
      var least = bins[i].mark === "<" ? 1 : k, most = bins[i].mark === "<" ? k - 1 : Infinity;
      score += scores[i] * least;
      if (scores[i] !== 0) { graded += least; }
      remaining -= least;
      room[i] = most - least;
    });
    open.sort(function (a, b) {
      if (scores[a] !== scores[b]) { return lowering ? scores[b] - scores[a] : scores[a] - scores[b]; }
      return a - b;
    });
    open.forEach(function (i) {
      if (remaining <= 0) { return; }
      var placed = Math.min(remaining, room[i]);
      score += scores[i] * placed;
      if (scores[i] !== 0) { graded += placed; }
      remaining -= placed;
    });
    return graded > 0 ? score : (lowering ? -1 : 0);
  }

  var api = { evaluate: evaluate, suggestions: suggestions, medianRange: medianRange };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.PortalRules = api; }
})(this);
