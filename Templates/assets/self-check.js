/* The self-check: answers in the form → the tier the rules give, what each tier still
   needs, and the scenarios that would close the gap; optionally, a level per Annex 2
   indicator set beside the tier group's published medians. Nothing leaves the browser:
   the answers live in the URL fragment only (bookmark it, share it, save the summary as
   an image or print it), and the published figures are embedded in the page. The words are the page's
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

  function answered(state) { return Object.keys(state.built).length > 0 || state.maturity > 0; }

  function verdictName(evaluation) { return evaluation.derived ? tierName[evaluation.derived] : say("none"); }

  /* The scenarios that close the next tier's gap fastest, each with the tier to build it
     at and its area. */
  function fastest(state, evaluation) {
    var next = evaluation.next.tier;
    return Rules.suggestions(rules, state.built, evaluation.next).map(function (s) {
      var note = state.built[s.no] ? say("upgrade", { from: tierName[state.built[s.no]], to: tierName[next] }) : "";
      return { scenario: s, href: select(s.no).getAttribute("data-href") + "#" + next, label: s.code + " " + s.name,
        note: note + (s.area ? say("area_after", { area: areaName[s.area] }) : "") };
    });
  }

  /* Part one, first what a reader acts on (kept in view beside the questions): the tier
     the rules give, what the next one lacks and the scenarios that close it fastest. */
  function renderVerdict(state, evaluation) {
    result.textContent = "";
    // No verdict before the first answer: with nothing chosen it would only say "未达基础级".
    if (!answered(state)) {
      result.appendChild(el("p", { "class": "waiting" }, [say("waiting")]));
      return;
    }
    result.appendChild(el("p", { "class": "verdict" }, [say("verdict"), el("strong", { id: "derived-tier", "data-tier": evaluation.derived || "none", "class": "tier-label tier-" + (evaluation.derived || "none") }, [verdictName(evaluation)])]));
    if (!evaluation.next) { return; }
    var next = evaluation.next.tier;
    result.appendChild(el("p", { "class": "next-gap", id: "next-gap" }, [say("next_gap", { tier: tierName[next], missing: missingText(evaluation.next, state).join(say("item_separator")) })]));
    var list = el("ol", { "class": "suggestions" });
    fastest(state, evaluation).forEach(function (s) {
      list.appendChild(el("li", {}, [el("a", { href: s.href }, [s.label]), s.note]));
    });
    result.appendChild(el("h3", {}, [say("fastest", { tier: tierName[next] })]));
    result.appendChild(list.childNodes.length ? list : el("p", {}, [say("only_maturity")]));
  }

  /* Then each tier's checks; what "counted" means is said once, under the table. */
  function renderChecks(state, evaluation) {
    var box = document.getElementById("result-checks");
    box.textContent = "";
    if (!answered(state)) { return; }
    box.appendChild(table(say("checks_caption"), [say("columns_tier"), say("columns_result"), say("columns_missing")], evaluation.tiers.map(function (check) {
      var missing = missingText(check, state);
      return el("tr", { "data-tier": check.tier }, [
        el("th", { scope: "row" }, [tierName[check.tier]]),
        el("td", {}, [check.met ? say("met") : say("not_met")]),
        el("td", {}, [missing.length ? missing.join(say("item_separator")) : say("nothing_missing")])
      ]);
    }), "tier-checks"));
    if (evaluation.tiers.some(function (check) { return check.scenariosShort > 0; })) {
      box.appendChild(el("p", { "class": "hint", id: "counted-note" }, [say("counted_note")]));
    }
  }

  /* On a phone the result is far below the questions: a bar at the bottom keeps the
     verdict and the next step in sight (words only: a control there would cover the
     questions' own). */
  function renderLiveBar(state, evaluation) {
    var live = document.getElementById("live-verdict");
    live.hidden = !answered(state);
    live.textContent = "";
    if (live.hidden) { return; }
    var next = evaluation.next ? say("live_next", { tier: tierName[evaluation.next.tier], missing: missingText(evaluation.next, state)[0] || "" }) : "";
    live.textContent = say("live", { tier: verdictName(evaluation) }) + next;
  }

  /* The bar steps aside while the verdict and next step themselves are wholly on screen. */
  function watchResult() {
    var live = document.getElementById("live-verdict");
    if (!window.IntersectionObserver) { return; }
    new IntersectionObserver(function (seen) {
      live.classList.toggle("beside-result", seen[0].isIntersecting && seen[0].intersectionRatio > 0.99);
    }, { threshold: [0, 1] }).observe(result);
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

  /* A graded indicator's track (as partials/level-track draws the cohorts' medians): the
     group's median as a bar over the levels it may be, the answer as a line across. */
  var levelCount = (document.getElementById("level-scale") || { content: null }).content;
  levelCount = levelCount ? levelCount.querySelectorAll(".level-scale > span").length : 0;

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function track(range, value) {
    var drawing = svg("svg", { "class": "level-track", viewBox: "0 0 " + levelCount + " 12", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" });
    drawing.appendChild(svg("rect", { "class": "track-line", x: 0, y: 5, width: levelCount, height: 2 }));
    if (range) { drawing.appendChild(svg("rect", { "class": "median-range", x: range.low - 1, y: 1, width: range.high - range.low + 1, height: 10 })); }
    for (var level = 1; level < levelCount; level += 1) {
      drawing.appendChild(svg("line", { "class": "divider", x1: level, x2: level, y1: 0, y2: 12 }));
    }
    var level = parseInt(value, 10);
    if (level > 0) { drawing.appendChild(svg("rect", { "class": "answer-mark", x: level - 0.55, y: 0, width: 0.1, height: 12 })); }
    return drawing;
  }

  function showTrackKey(shown) {
    var key = document.getElementById("track-key");
    if (key) { key.hidden = !shown; }
  }

  function scaleHeading() {
    return document.importNode(document.getElementById("level-scale").content, true);
  }

  function renderIndicators(state, evaluation) {
    var box = document.getElementById("indicator-result");
    if (!box) { return; }
    var group = comparedGroup(state, evaluation);
    box.textContent = "";
    if (group) { box.appendChild(el("p", { "class": "hint", id: "benchmark-note" }, [say("group_note", { group: group.name, records: group.records })])); }
    if (!Object.keys(state.indicators).length) {
      box.appendChild(el("p", { "class": "waiting" }, [say("indicator_waiting")]));
      showTrackKey(false);
      return;
    }
    var columns = group ? [say("indicator_columns_indicator"), say("indicator_columns_answer"), say("indicator_columns_median")] : [say("indicator_columns_indicator"), say("indicator_columns_answer")];
    var drawn = levelCount > 0;
    var checks = table(say("indicator_caption"), columns, indicatorFields.map(function (field) {
      var value = state.indicators[field.getAttribute("data-no")];
      var range = group ? median(field, group) : null;
      var cells = [el("th", { scope: "row" }, [field.getAttribute("data-code") + " " + field.getAttribute("data-name")]),
        el("td", {}, [answerName(field, value)])];
      if (group) {
        var verdict = comparison(value, range);
        cells.push(el("td", {}, [medianName(field, range)].concat(verdict ? [el("span", { "class": "compared" }, [verdict])] : [])));
      }
      if (drawn) {
        cells.push(el("td", { "class": "track-cell" }, field.hasAttribute("data-graded") ? [track(range, value)] : []));
      }
      return el("tr", { "data-indicator": field.getAttribute("data-no") }, cells);
    }), "indicator-checks level-table" + (group ? "" : " without-median"));
    if (drawn) {
      var heading = el("th", { scope: "col", "class": "track-cell" }, [el("span", { "class": "visually-hidden" }, [say("indicator_columns_chart")])]);
      heading.appendChild(scaleHeading());
      checks.querySelector("thead tr").appendChild(heading);
    }
    box.appendChild(checks);
    showTrackKey(drawn);
  }

  /* The answers, one line each: maturity, each built scenario, each indicator (beside
     the group's median when there is one). */
  function answerLines(state, evaluation) {
    var lines = [say("print_maturity", { level: state.maturity ? levelName(state.maturity) : say("unsure") })];
    rules.scenarios.forEach(function (s) {
      if (state.built[s.no]) { lines.push(say("print_scenario", { code: s.code, name: s.name, tier: tierName[state.built[s.no]] })); }
    });
    var group = comparedGroup(state, evaluation);
    indicatorFields.forEach(function (field) {
      var value = state.indicators[field.getAttribute("data-no")];
      if (!value) { return; }
      var range = group ? median(field, group) : null;
      var answer = group ? say("print_compared", { answer: answerName(field, value), median: medianName(field, range) }) : answerName(field, value);
      lines.push(say("print_indicator", { code: field.getAttribute("data-code"), name: field.getAttribute("data-name"), answer: answer }));
    });
    return lines;
  }

  /* The printed summary adds the answers and the link that reopens them. */
  function printAnswers(state, evaluation) {
    var box = document.getElementById("print-answers");
    box.textContent = "";
    box.appendChild(el("h2", {}, [say("print_title")]));
    box.appendChild(el("ul", {}, answerLines(state, evaluation).map(function (line) { return el("li", {}, [line]); })));
    box.appendChild(el("p", {}, [say("print_link", { url: location.href })]));
  }

  function today() {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  /* The summary as an image (summary-image.js): verdict, next step, each tier, the
     answers and the link, in the order a reader who was sent it needs them. */
  function imageEntries(state, evaluation) {
    var entries = [{ style: "title", text: say("image_title") }, { style: "meta", text: say("image_date", { date: today() }) },
      { style: "verdict", text: say("verdict") + verdictName(evaluation) }];
    var add = function (style) { return function (text) { entries.push({ style: style, text: text }); }; };
    if (evaluation.next) {
      var next = evaluation.next.tier;
      add("text")(say("next_gap", { tier: tierName[next], missing: missingText(evaluation.next, state).join(say("item_separator")) }));
      var suggestions = fastest(state, evaluation);
      if (suggestions.length) {
        add("heading")(say("fastest", { tier: tierName[next] }));
        suggestions.forEach(function (s) { add("item")(s.label + s.note); });
      }
    }
    add("heading")(say("checks_caption"));
    evaluation.tiers.forEach(function (check) {
      add("item")(say("image_check", { tier: tierName[check.tier], result: check.met ? say("met") : say("not_met") }));
    });
    add("heading")(say("print_title"));
    answerLines(state, evaluation).forEach(add("item"));
    add("small")(say("print_link", { url: location.href }));
    add("small")(say("image_note"));
    return entries;
  }

  function saveImage() {
    var state = answers();
    var evaluation = Rules.evaluate(rules, state.built, state.maturity);
    var canvas = window.PortalSummaryImage(imageEntries(state, evaluation), getComputedStyle(document.body).fontFamily);
    var url = canvas.toDataURL("image/png");
    var figure = document.getElementById("summary-image");
    var image = document.getElementById("summary-image-img") || figure.insertBefore(el("img", { id: "summary-image-img" }), figure.firstChild);
    image.src = url;
    image.alt = say("image_alt", { tier: verdictName(evaluation) });
    document.getElementById("summary-image-download").href = url;
    figure.hidden = false;
    figure.scrollIntoView({ block: "nearest" });
  }

  function render() {
    var state = answers();
    var evaluation = Rules.evaluate(rules, state.built, state.maturity);
    var fragment = encode(state);
    if (location.hash.replace(/^#/, "") !== fragment) { history.replaceState(null, "", "#" + fragment); }
    renderVerdict(state, evaluation);
    renderChecks(state, evaluation);
    renderLiveBar(state, evaluation);
    renderIndicators(state, evaluation);
    document.getElementById("summary-link").value = location.href;
    document.getElementById("summary-image").hidden = true;  // it showed the answers before
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
  var printButton = document.getElementById("print-summary");
  printButton.addEventListener("click", function () { window.print(); });
  // WeChat's browser has no print: there the image is the way to keep the result.
  printButton.hidden = /MicroMessenger/i.test(navigator.userAgent) || typeof window.print !== "function";
  var imageButton = document.getElementById("save-image");
  imageButton.hidden = !window.PortalSummaryImage;
  imageButton.addEventListener("click", saveImage);
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
  watchResult();
  form.hidden = false;
  if (indicatorForm) { indicatorForm.hidden = false; }
  document.getElementById("self-check-tools").hidden = false;
  render();
})();
