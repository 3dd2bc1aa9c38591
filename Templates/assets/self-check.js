/* The self-check: answers in the form → the tier the rules give, what each tier still
   needs, and the scenarios that would close the gap; optionally, a level per Annex 2
   indicator set beside the tier group's published medians. Nothing leaves the browser:
   the answers live in the URL fragment only (bookmark it, share it, print the summary),
   and the published figures are embedded in the page. The words are the page's
   (the strings file's section self_check_js), so this file holds logic only. */
(function () {
  "use strict";
  var form = document.getElementById("self-check");
  var rulesNode = document.getElementById("rules-data");
  if (!form || !rulesNode || !window.PortalRules || !window.PortalWords) { return; }
  var rules = JSON.parse(rulesNode.textContent);
  var Rules = window.PortalRules;
  var tierName = {};
  rules.tiers.forEach(function (t) { tierName[t.id] = t.name; });
  var areaName = {};
  rules.areas.forEach(function (a) { areaName[a.id] = a.name; });
  /* One character per tier in shared links: its id's first letter (b, a, e, l), or its
     place when two ids share a letter. */
  var codes = {};
  var fromCode = {};
  rules.tiers.forEach(function (t, i) {
    var code = t.id.charAt(0);
    if (fromCode[code] || code === "-") { code = String(i); }
    codes[t.id] = code;
    fromCode[code] = t.id;
  });
  var result = document.getElementById("result");
  var maturity = form.elements.maturity;

  var indicatorForm = document.getElementById("indicator-check");
  var indicatorFields = indicatorForm ? Array.prototype.slice.call(indicatorForm.querySelectorAll("select")) : [];
  var benchmarkNode = document.getElementById("benchmark-data");
  var benchmark = benchmarkNode ? JSON.parse(benchmarkNode.textContent) : null;
  var groupField = document.getElementById("benchmark-group");

  /* A word of the page with its {placeholders} filled in (site.js). */
  var say = window.PortalWords("self_check_js");

  function select(no) { return form.elements["s" + no]; }

  function answers() {
    var built = {};
    rules.scenarios.forEach(function (s) {
      var value = select(s.no).value;
      if (value) { built[s.no] = value; }
    });
    var indicators = {};
    indicatorFields.forEach(function (field) {
      if (field.value) { indicators[field.getAttribute("data-no")] = field.value; }
    });
    return { built: built, maturity: parseInt(maturity.value, 10), indicators: indicators, group: groupField ? groupField.value : "" };
  }

  /* #m=3&s=-ba-l…&i=34n-…&g=basic: maturity; one character per scenario in order; one
     per indicator (its level or band in base 36, n for 不涉及, - unanswered); the tier
     group compared with, when it is not the one part one gives. */
  function encode(state) {
    var s = rules.scenarios.map(function (sc) { return state.built[sc.no] ? codes[state.built[sc.no]] : "-"; }).join("");
    var fragment = "m=" + state.maturity + "&s=" + s;
    if (Object.keys(state.indicators).length) {
      fragment += "&i=" + indicatorFields.map(function (field) {
        var value = state.indicators[field.getAttribute("data-no")];
        return !value ? "-" : value === "n" ? "n" : parseInt(value, 10).toString(36);
      }).join("");
    }
    if (state.group) { fragment += "&g=" + encodeURIComponent(state.group); }
    return fragment;
  }

  function hasOption(field, value) {
    return Array.prototype.some.call(field.options, function (o) { return o.value === value; });
  }

  function restore() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var m = parseInt(params.get("m"), 10);
    maturity.value = m >= 0 && m <= rules.maturity_levels.length ? String(m) : "0";
    var s = params.get("s") || "";
    rules.scenarios.forEach(function (sc, i) {
      var tier = fromCode[s.charAt(i)];
      var field = select(sc.no);
      field.value = tier && sc.tiers.indexOf(tier) >= 0 ? tier : "";
    });
    var levels = params.get("i") || "";
    indicatorFields.forEach(function (field, i) {
      var c = levels.charAt(i);
      var value = c === "n" ? "n" : /^[0-9a-z]$/.test(c) ? String(parseInt(c, 36)) : "";
      field.value = value && hasOption(field, value) ? value : "";
    });
    if (groupField) {
      var group = params.get("g") || "";
      groupField.value = group && hasOption(groupField, group) ? group : "";
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function table(caption, columns, rows, kind) {
    return el("table", { "class": "checks" + (kind ? " " + kind : "") }, [
      el("caption", {}, [caption]),
      el("thead", {}, [el("tr", {}, columns.map(function (h) { return el("th", { scope: "col" }, [h]); }))]),
      el("tbody", {}, rows)
    ]);
  }

  function levelName(level) { return rules.maturity_levels[level - 1] || String(level); }

  /* What a tier still needs, in plain words: a scenario counts toward a tier only when it
     was built at that tier or a higher one, and the standard defines it at that tier. */
  function missingText(check, state) {
    var items = [];
    if (check.scenariosShort > 0) {
      items.push(say("scenarios_short", { "short": check.scenariosShort, minimum: check.minimum, counted: check.counted.length, tier: tierName[check.tier] }));
    }
    if (check.areasMissing.length) {
      items.push(say("areas_missing", { areas: check.areasMissing.map(function (a) { return areaName[a]; }).join(say("list_separator")) }));
    }
    if (check.minMaturity && state.maturity === 0) { items.push(say("maturity_unknown", { level: levelName(check.minMaturity) })); }
    else if (check.maturityShort > 0) { items.push(say("maturity_short", { "short": check.maturityShort, level: levelName(check.minMaturity) })); }
    return items;
  }

  /* Part one: the tier the rules give, each tier's gaps, the fastest scenarios. */
  function renderTiers(state, evaluation) {
    var live = document.getElementById("live-verdict");
    result.textContent = "";
    // No verdict before the first answer: with nothing chosen it would only say "未达基础级".
    if (!Object.keys(state.built).length && !state.maturity) {
      result.appendChild(el("p", { "class": "waiting" }, [say("waiting")]));
      live.hidden = true;
      return;
    }
    var name = evaluation.derived ? tierName[evaluation.derived] : say("none");
    result.appendChild(el("p", { "class": "verdict" }, [say("verdict"), el("strong", { id: "derived-tier", "data-tier": evaluation.derived || "none", "class": "tier-label tier-" + (evaluation.derived || "none") }, [name])]));
    result.appendChild(table(say("checks_caption"), [say("columns_tier"), say("columns_result"), say("columns_missing")], evaluation.tiers.map(function (check) {
      var missing = missingText(check, state);
      return el("tr", { "data-tier": check.tier }, [
        el("th", { scope: "row" }, [tierName[check.tier]]),
        el("td", {}, [check.met ? say("met") : say("not_met")]),
        el("td", {}, [missing.length ? missing.join(say("item_separator")) : say("nothing_missing")])
      ]);
    })));
    if (evaluation.next) {
      var next = evaluation.next.tier;
      var list = el("ol", { "class": "suggestions" });
      Rules.suggestions(rules, state.built, evaluation.next).forEach(function (s) {
        var note = state.built[s.no] ? say("upgrade", { from: tierName[state.built[s.no]], to: tierName[next] }) : "";
        list.appendChild(el("li", {}, [el("a", { href: select(s.no).getAttribute("data-href") + "#" + next }, [s.code + " " + s.name]), note + (s.area ? say("area_after", { area: areaName[s.area] }) : "")]));
      });
      result.appendChild(el("h3", {}, [say("fastest", { tier: tierName[next] })]));
      result.appendChild(list.childNodes.length ? list : el("p", {}, [say("only_maturity")]));
    }
    // On a phone the result is far from the form: a bar at the bottom keeps it in sight.
    live.textContent = say("live", { tier: name }) +
      (evaluation.next ? say("live_next", { tier: tierName[evaluation.next.tier], missing: missingText(evaluation.next, state)[0] || "" }) : "");
    live.hidden = false;
  }

  /* Part two: the tier group compared with — the user's choice, else the one holding the
     tier part one gives. */
  function comparedGroup(state, evaluation) {
    if (!benchmark) { return null; }
    var find = function (key) { return benchmark.groups.filter(function (g) { return g.key === key; })[0]; };
    var tier = evaluation.derived || "none";
    var automatic = benchmark.groups.filter(function (g) { return g.tiers.indexOf(tier) >= 0; })[0] || benchmark.groups[0];
    if (groupField && automatic) { groupField.options[0].textContent = say("group_auto", { group: automatic.name }); }
    return (state.group && find(state.group)) || automatic || null;
  }

  function median(field, group) {
    if (!group) { return null; }
    var no = parseInt(field.getAttribute("data-no"), 10);
    var entry = benchmark.indicators.filter(function (i) { return i.no === no; })[0];
    var bins = entry && entry.bins[group.key];
    if (!bins) { return null; }
    return Rules.medianRange(bins, group.records, benchmark.k);
  }

  /* A level or band as the page names it: "3级", or the band's own label. */
  function valueName(field, value) {
    if (field.hasAttribute("data-graded")) { return say("level", { level: value }); }
    var option = field.options[value];  // options[0] is 未选, so band n is options[n]
    return option ? option.textContent : String(value);
  }

  function medianName(field, range) {
    if (!range) { return say("no_median"); }
    if (range.low === range.high) { return valueName(field, range.low); }
    return field.hasAttribute("data-graded") ? say("level_range", { low: range.low, high: range.high })
      : valueName(field, range.low) + "–" + valueName(field, range.high);
  }

  function answerName(field, value) {
    return !value ? say("not_answered") : value === "n" ? say("not_applicable") : valueName(field, parseInt(value, 10));
  }

  function comparison(value, range) {
    if (!range || !value || value === "n") { return ""; }
    var level = parseInt(value, 10);
    if (level > range.high) { return say("above"); }
    if (level < range.low) { return say("below"); }
    return range.low === range.high ? say("within") : say("overlaps");
  }

  /* The radar's grid comes with the page (its axes in the order of the graded fields);
     only the outlines and marks depend on the answers. */
  function drawRadar(state, group) {
    var svg = document.getElementById("self-check-radar");
    if (!svg) { return; }
    var maximum = parseInt(svg.getAttribute("data-maximum"), 10);
    var axes = svg.querySelectorAll("line.axis");
    var graded = indicatorFields.filter(function (f) { return f.hasAttribute("data-graded"); });
    function point(index, level) {
      var x = parseFloat(axes[index].getAttribute("x2")), y = parseFloat(axes[index].getAttribute("y2"));
      return (150 + (x - 150) * level / maximum).toFixed(1) + "," + (150 + (y - 150) * level / maximum).toFixed(1);
    }
    var answer = [], low = [], high = [];
    var marks = document.getElementById("radar-marks");
    marks.textContent = "";
    var anyAnswer = Object.keys(state.indicators).length > 0;
    graded.forEach(function (field, index) {
      var value = state.indicators[field.getAttribute("data-no")];
      if (value && value !== "n") { answer.push(point(index, parseInt(value, 10))); }
      else if (anyAnswer) {
        // 不涉及 and unanswered are marked at the axis's end, never drawn as level 0.
        var mark = document.createElementNS("http://www.w3.org/2000/svg", "text");
        mark.setAttribute("class", "missing-mark");
        mark.setAttribute("x", axes[index].getAttribute("x2"));
        mark.setAttribute("y", axes[index].getAttribute("y2"));
        mark.setAttribute("dy", "-4");
        mark.setAttribute("text-anchor", "middle");
        mark.textContent = value === "n" ? say("not_applicable") : say("not_answered");
        marks.appendChild(mark);
      }
      var range = median(field, group);
      if (range) { low.push(point(index, range.low)); high.push(point(index, range.high)); }
    });
    document.getElementById("radar-answer").setAttribute("points", answer.join(" "));
    document.getElementById("radar-median").setAttribute("points", low.join(" "));
    document.getElementById("radar-median-high").setAttribute("points", high.join(" ") === low.join(" ") ? "" : high.join(" "));
  }

  function renderIndicators(state, evaluation) {
    var box = document.getElementById("indicator-result");
    if (!box) { return; }
    var group = comparedGroup(state, evaluation);
    drawRadar(state, group);
    box.textContent = "";
    if (group) { box.appendChild(el("p", { "class": "hint", id: "benchmark-note" }, [say("group_note", { group: group.name, records: group.records })])); }
    if (!Object.keys(state.indicators).length) {
      box.appendChild(el("p", { "class": "waiting" }, [say("indicator_waiting")]));
      return;
    }
    var columns = group ? [say("indicator_columns_indicator"), say("indicator_columns_answer"), say("indicator_columns_median")] : [say("indicator_columns_indicator"), say("indicator_columns_answer")];
    box.appendChild(table(say("indicator_caption"), columns, indicatorFields.map(function (field) {
      var value = state.indicators[field.getAttribute("data-no")];
      var cells = [el("th", { scope: "row" }, [field.getAttribute("data-code") + " " + field.getAttribute("data-name")]),
        el("td", {}, [answerName(field, value)])];
      if (group) {
        var range = median(field, group);
        var verdict = comparison(value, range);
        cells.push(el("td", {}, [medianName(field, range)].concat(verdict ? [el("span", { "class": "compared" }, [verdict])] : [])));
      }
      return el("tr", { "data-indicator": field.getAttribute("data-no") }, cells);
    }), "indicator-checks"));
  }

  /* The answers for the printed summary: maturity, each built scenario, each indicator,
     the link that reopens them. */
  function printAnswers(state, evaluation) {
    var box = document.getElementById("print-answers");
    box.textContent = "";
    box.appendChild(el("h2", {}, [say("print_title")]));
    var list = el("ul");
    list.appendChild(el("li", {}, [say("print_maturity", { level: state.maturity ? levelName(state.maturity) : say("unsure") })]));
    rules.scenarios.forEach(function (s) {
      if (state.built[s.no]) { list.appendChild(el("li", {}, [say("print_scenario", { code: s.code, name: s.name, tier: tierName[state.built[s.no]] })])); }
    });
    var group = comparedGroup(state, evaluation);
    indicatorFields.forEach(function (field) {
      var value = state.indicators[field.getAttribute("data-no")];
      if (!value) { return; }
      var range = group ? median(field, group) : null;
      var answer = group ? say("print_compared", { answer: answerName(field, value), median: medianName(field, range) }) : answerName(field, value);
      list.appendChild(el("li", {}, [say("print_indicator", { code: field.getAttribute("data-code"), name: field.getAttribute("data-name"), answer: answer })]));
    });
    box.appendChild(list);
    box.appendChild(el("p", {}, [say("print_link", { url: location.href })]));
  }

  function render() {
    var state = answers();
    var evaluation = Rules.evaluate(rules, state.built, state.maturity);
    var fragment = encode(state);
    if (location.hash.replace(/^#/, "") !== fragment) { history.replaceState(null, "", "#" + fragment); }
    renderTiers(state, evaluation);
    renderIndicators(state, evaluation);
    document.getElementById("summary-link").value = location.href;
    printAnswers(state, evaluation);
  }

  if (benchmark && groupField) {
    benchmark.groups.forEach(function (g) { groupField.appendChild(el("option", { value: g.key }, [g.name])); });
    groupField.addEventListener("change", render);
  }
  restore();
  form.addEventListener("change", render);
  if (indicatorForm) { indicatorForm.addEventListener("change", render); }
  window.addEventListener("hashchange", function () { restore(); render(); });
  document.getElementById("print-summary").addEventListener("click", function () { window.print(); });
  document.getElementById("reset").addEventListener("click", function () {
    rules.scenarios.forEach(function (s) { select(s.no).value = ""; });
    indicatorFields.forEach(function (field) { field.value = ""; });
    if (groupField) { groupField.value = ""; }
    maturity.value = "0";
    render();
  });
  document.getElementById("copy-link").addEventListener("click", function () {
    var field = document.getElementById("summary-link");
    field.select();
    if (navigator.clipboard) { navigator.clipboard.writeText(field.value).catch(function () {}); }
  });
  form.hidden = false;
  if (indicatorForm) { indicatorForm.hidden = false; }
  document.getElementById("self-check-tools").hidden = false;
  render();
})();
