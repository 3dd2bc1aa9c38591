/* The self-check: answers in the form → the tier the rules give, what each tier still
   needs, and the scenarios that would close the gap. Nothing leaves the browser: the
   answers live in the URL fragment only (bookmark it, share it, print the summary). */
(function () {
  "use strict";
  var form = document.getElementById("self-check");
  var rulesNode = document.getElementById("rules-data");
  if (!form || !rulesNode || !window.PortalRules) { return; }
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

  function select(no) { return form.elements["s" + no]; }

  function answers() {
    var built = {};
    rules.scenarios.forEach(function (s) {
      var value = select(s.no).value;
      if (value) { built[s.no] = value; }
    });
    return { built: built, maturity: parseInt(maturity.value, 10) };
  }

  /* #m=3&s=-ba-l…: maturity, then one character per scenario in order. */
  function encode(state) {
    var s = rules.scenarios.map(function (sc) { return state.built[sc.no] ? codes[state.built[sc.no]] : "-"; }).join("");
    return "m=" + state.maturity + "&s=" + s;
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
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function levelName(level) { return rules.maturity_levels[level - 1] || String(level); }

  /* What a tier still needs, in plain words: a scenario counts toward a tier only when it
     was built at that tier or a higher one, and the standard defines it at that tier. */
  function missingText(check, state) {
    var items = [];
    if (check.scenariosShort > 0) {
      items.push("还差 " + check.scenariosShort + " 个场景（至少 " + check.minimum + " 个；已计入 " + check.counted.length +
        " 个——只计在" + tierName[check.tier] + "或更高层级建成、且标准在" + tierName[check.tier] + "定义的场景）");
    }
    if (check.areasMissing.length) { items.push("未覆盖环节：" + check.areasMissing.map(function (a) { return areaName[a]; }).join("、")); }
    if (check.minMaturity && state.maturity === 0) { items.push("成熟度未确定：需达到" + levelName(check.minMaturity) + "或以上"); }
    else if (check.maturityShort > 0) { items.push("成熟度还差 " + check.maturityShort + " 级（至少" + levelName(check.minMaturity) + "）"); }
    return items;
  }

  /* The answers for the printed summary: maturity, each built scenario, the link. */
  function printAnswers(state) {
    var box = document.getElementById("print-answers");
    box.textContent = "";
    box.appendChild(el("h2", {}, ["自查的答案"]));
    var list = el("ul");
    list.appendChild(el("li", {}, ["成熟度等级：" + (state.maturity ? levelName(state.maturity) : "不确定")]));
    rules.scenarios.forEach(function (s) {
      if (state.built[s.no]) { list.appendChild(el("li", {}, [s.code + " " + s.name + "：" + tierName[state.built[s.no]]])); }
    });
    box.appendChild(list);
    box.appendChild(el("p", {}, ["重新打开本次自查：" + location.href]));
  }

  function render() {
    var state = answers();
    var evaluation = Rules.evaluate(rules, state.built, state.maturity);
    var fragment = encode(state);
    if (location.hash.replace(/^#/, "") !== fragment) { history.replaceState(null, "", "#" + fragment); }
    var live = document.getElementById("live-verdict");
    // No verdict before the first answer: with nothing chosen it would only say "未达基础级".
    if (!Object.keys(state.built).length && !state.maturity) {
      result.textContent = "";
      result.appendChild(el("p", { "class": "waiting" }, ["选择第一个已建场景（或成熟度等级）后，这里显示按规则可达到的层级和差距。"]));
      live.hidden = true;
      document.getElementById("summary-link").value = location.href;
      printAnswers(state);
      return;
    }
    var name = evaluation.derived ? tierName[evaluation.derived] : "未达基础级";
    result.textContent = "";
    result.appendChild(el("p", { "class": "verdict" }, ["按规则可达到：", el("strong", { id: "derived-tier", "data-tier": evaluation.derived || "none", "class": "tier-label tier-" + (evaluation.derived || "none") }, [name])]));
    var table = el("table", { "class": "checks" }, [
      el("caption", {}, ["各层级的要求"]),
      el("thead", {}, [el("tr", {}, ["层级", "结果", "还差什么"].map(function (h) { return el("th", { scope: "col" }, [h]); }))])
    ]);
    var body = el("tbody");
    evaluation.tiers.forEach(function (check) {
      var missing = missingText(check, state);
      body.appendChild(el("tr", { "data-tier": check.tier }, [
        el("th", { scope: "row" }, [tierName[check.tier]]),
        el("td", {}, [check.met ? "达到" : "未达到"]),
        el("td", {}, [missing.length ? missing.join("；") : "—"])
      ]));
    });
    table.appendChild(body);
    result.appendChild(table);
    if (evaluation.next) {
      var list = el("ol", { "class": "suggestions" });
      Rules.suggestions(rules, state.built, evaluation.next).forEach(function (s) {
        var note = state.built[s.no] ? "（现为" + tierName[state.built[s.no]] + "，升至" + tierName[evaluation.next.tier] + "）" : "";
        list.appendChild(el("li", {}, [el("a", { href: "../scenarios/" + s.code + "/index.html#" + evaluation.next.tier }, [s.code + " " + s.name]), note + (s.area ? "　" + areaName[s.area] : "")]));
      });
      result.appendChild(el("h3", {}, ["迈向" + tierName[evaluation.next.tier] + "最快的场景"]));
      result.appendChild(list.childNodes.length ? list : el("p", {}, ["场景数与环节已满足，提升成熟度等级即可。"]));
    }
    document.getElementById("summary-link").value = location.href;
    // On a phone the result is far from the form: a bar at the bottom keeps it in sight.
    live.textContent = "当前结果：" + name + (evaluation.next ? "　距" + tierName[evaluation.next.tier] + "：" + (missingText(evaluation.next, state)[0] || "") : "");
    live.hidden = false;
    printAnswers(state);
  }

  restore();
  form.addEventListener("change", render);
  window.addEventListener("hashchange", function () { restore(); render(); });
  document.getElementById("print-summary").addEventListener("click", function () { window.print(); });
  document.getElementById("reset").addEventListener("click", function () {
    rules.scenarios.forEach(function (s) { select(s.no).value = ""; });
    maturity.value = "0";
    render();
  });
  document.getElementById("copy-link").addEventListener("click", function () {
    var field = document.getElementById("summary-link");
    field.select();
    if (navigator.clipboard) { navigator.clipboard.writeText(field.value).catch(function () {}); }
  });
  form.hidden = false;
  document.getElementById("self-check-tools").hidden = false;
  render();
})();
