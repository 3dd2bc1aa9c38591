/* Matrix and comparison tables, progressively enhanced: filter by area and segment,
   choose the tiers shown, highlight one scenario row. The state lives in the query
   string (?area=…&segment=…&tiers=…&row=07), so a copied link reopens the same view.
   Without JavaScript the full table is there and readable. */
(function () {
  "use strict";
  var form = document.querySelector("[data-matrix-controls]");
  var table = document.querySelector("table.matrix");
  if (!form || !table || !window.PortalWords) { return; }
  var say = window.PortalWords("matrix_js");
  var area = form.elements.area;
  var segment = form.elements.segment;
  var tierBoxes = Array.prototype.slice.call(form.querySelectorAll("input[name=tier]"));
  var groups = Array.prototype.slice.call(table.tBodies);
  var summary = document.querySelector("[data-filter-summary]");
  var status = form.querySelector("[data-share-status]");

  function state() {
    var params = new URLSearchParams(location.search);
    return {
      area: params.get("area") || "",
      segment: params.get("segment") || "",
      tiers: params.has("tiers") ? params.get("tiers").split(",").filter(Boolean) : null,
      row: params.get("row") || ""
    };
  }

  function write(current) {
    var params = new URLSearchParams();
    if (current.area) { params.set("area", current.area); }
    if (current.segment) { params.set("segment", current.segment); }
    if (current.tiers && current.tiers.length !== tierBoxes.length) { params.set("tiers", current.tiers.join(",")); }
    if (current.row) { params.set("row", current.row); }
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function fromForm(row) {
    return {
      area: area.value,
      segment: segment.value,
      tiers: tierBoxes.length ? tierBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }) : null,
      row: row
    };
  }

  function apply(current) {
    area.value = current.area;
    // Only the segments of the chosen area are offered.
    Array.prototype.forEach.call(segment.options, function (option) {
      option.hidden = !!(option.value && current.area && option.getAttribute("data-area") !== current.area);
    });
    var chosen = segment.querySelector('option[value="' + current.segment + '"]');
    segment.value = chosen && !chosen.hidden ? current.segment : "";
    var shown = 0;
    groups.forEach(function (group) {
      var visible = (!current.area || group.getAttribute("data-area") === current.area) &&
        (!segment.value || group.getAttribute("data-segment") === segment.value);
      group.hidden = !visible;
      if (visible) { shown += group.querySelectorAll("tr[id]").length; }
    });
    if (tierBoxes.length) {
      var tiers = current.tiers || tierBoxes.map(function (b) { return b.value; });
      tierBoxes.forEach(function (box) { box.checked = tiers.indexOf(box.value) >= 0; });
      Array.prototype.forEach.call(table.querySelectorAll("[data-tier]"), function (cell) {
        cell.classList.toggle("tier-hidden", tiers.indexOf(cell.getAttribute("data-tier")) < 0);
      });
      // A segment's heading spans the columns shown: spanning hidden ones would add empty
      // columns that squeeze the shown ones.
      var columns = table.tHead.rows[0].querySelectorAll("th:not(.tier-hidden)").length;
      Array.prototype.forEach.call(table.querySelectorAll("tr.segment-row th"), function (heading) { heading.colSpan = columns; });
    }
    Array.prototype.forEach.call(table.querySelectorAll("tr.highlight"), function (row) { row.classList.remove("highlight"); });
    var row = current.row && document.getElementById("s" + current.row);
    if (row) { row.classList.add("highlight"); }
    if (summary) {
      summary.hidden = false;
      summary.textContent = say("shown", { count: shown }) + (row ? say("highlighted", { code: current.row }) : "");
    }
    return row;
  }

  function update() {
    var current = fromForm(state().row);
    apply(current);
    write(current);
  }

  form.hidden = false;
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  table.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-row-link]") : null;
    if (!link) { return; }
    var code = link.getAttribute("href").replace("#s", "");
    var current = fromForm(state().row === code ? "" : code);
    apply(current);
    write(current);
  });
  form.querySelector("[data-clear]").addEventListener("click", function () {
    var current = { area: "", segment: "", tiers: null, row: "" };
    apply(current);
    write(current);
  });
  form.querySelector("[data-share]").addEventListener("click", function () {
    var url = location.href;
    var done = function () { status.textContent = say("copied", { url: url }); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
    } else {
      status.textContent = url;
    }
  });
  var row = apply(state());
  if (row && !location.hash) { row.scrollIntoView({ block: "center" }); }
})();
