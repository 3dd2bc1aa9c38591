/* The search page: Pagefind's index (built with Chinese word segmentation), queried in
   the browser. The query lives in ?q= (and ?kind=) so a search can be linked. */
const form = document.querySelector("[data-search-form]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
// The site's root and its index's folder below it, as the page gives them.
const root = new URL(form.getAttribute("data-root"), location.href);
const index = form.getAttribute("data-index");
// The page's words (site.js, which runs first, reads them from the page).
const say = window.PortalWords("search_js");

function params() {
  const query = new URLSearchParams(location.search);
  return { q: (query.get("q") || "").trim(), kinds: query.getAll("kind") };
}

let currentQuery = "";

/* The page's running text, block by block: Pagefind joins a page's blocks with ". ", and
   puts the word lists added for the index (SearchTerms.swift, never shown) after
   "zzterms". A block is prose when it holds a sentence (a comma, full stop or semicolon)
   and is not a label with its value: only prose makes an excerpt.
   (The full-width marks are written as escapes: scripts hold no Chinese text.) */
function proseBlocks(result) {
  const text = (result.content || "").split("zzterms")[0];
  return text.split(/\.\s+/).map((block) => block.trim()).filter((block) => /[\uFF0C\u3002\uFF1B]/.test(block) && block.length >= 12);
}

/* The sentence (or two, if short) of `block` around `at`, cut at sentence marks and,
   where still long, at commas. */
function sentenceAround(block, at, length) {
  const ends = /[\u3002\uFF1B\uFF01\uFF1F]/g;
  let start = 0, end = block.length;
  for (let m = ends.exec(block); m; m = ends.exec(block)) {
    if (m.index < at) { start = m.index + 1; } else if (m.index >= at + length) { end = m.index + 1; break; }
  }
  if (end - start < 40) {
    const next = block.slice(end).search(/[\u3002\uFF1B\uFF01\uFF1F]/);
    if (next >= 0) { end = Math.min(block.length, end + next + 1); }
  }
  // A long sentence is cut at commas around the match, never cutting the match off.
  const limit = 110;
  if (end - start > limit) {
    const before = block.lastIndexOf("\uFF0C", at - 1);
    if (before >= start && at - before <= 60) { start = before + 1; } else { start = Math.max(start, at - 40); }
    if (end - start > limit) {
      const after = block.indexOf("\uFF0C", Math.max(at + length, start + 40));
      end = after > 0 && after < end && after - start <= limit + 20 ? after + 1 : Math.max(at + length, start + limit);
    }
  }
  return { text: block.slice(start, end), cutBefore: start > 0, cutAfter: end < block.length };
}

/* The sentence to show: the first place `q` stands in a real sentence (a heading run into
   the text after it is not one); else the first real sentence holding some of its
   characters (a page that holds only some); else the page's first sentence worth
   reading (not a short note such as 本层级未定义该场景). */
function bestSentence(blocks, q) {
  const real = (cut) => cut.text.trim().length >= 15 && /[\uFF0C\u3002\uFF1B]/.test(cut.text);
  const around = (text) => {
    const cuts = [];
    for (const block of blocks) {
      for (let at = text ? block.indexOf(text) : -1; at >= 0; at = block.indexOf(text, at + text.length)) {
        cuts.push(sentenceAround(block, at, text.length));
      }
    }
    return cuts.find(real);
  };
  const characters = [...new Set((q || "").replace(/\s+/g, ""))];
  return around(q)
    || characters.map(around).find(Boolean)
    || blocks.map((b) => sentenceAround(b, 0, 0)).find((cut) => real(cut) && cut.text.length >= 25)
    || sentenceAround(blocks[0] || "", 0, 0);
}

/* An excerpt of the page's running text: the sentence that holds `q` as typed, with `q`
   marked; on a page that holds only some of its characters, the first sentence. Built as
   text nodes, so it is always clean text; Pagefind's own excerpt (which may come from the
   word lists or a table) is never shown. */
function excerpt(target, result, q) {
  const cut = bestSentence(proseBlocks(result), q);
  if (cut.cutBefore) { target.appendChild(document.createTextNode("…")); }
  let rest = cut.text;
  for (let found = q ? rest.indexOf(q) : -1; found >= 0; found = rest.indexOf(q)) {
    target.appendChild(document.createTextNode(rest.slice(0, found)));
    target.appendChild(document.createElement("mark")).textContent = q;
    rest = rest.slice(found + q.length);
  }
  target.appendChild(document.createTextNode(rest + (cut.cutAfter ? "…" : "")));
}

function item(result) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  const heading = document.createElement("h2");
  heading.appendChild(link);
  li.appendChild(heading);
  const kind = result.filters && result.filters.kind ? result.filters.kind[0] : "";
  // The kind, unless the title says it already (层级要求 is the tiers' page).
  if (kind && kind !== link.textContent) {
    const tag = document.createElement("span");
    tag.className = "result-kind";
    tag.textContent = kind;
    heading.appendChild(tag);
  }
  const text = document.createElement("p");
  excerpt(text, result, currentQuery);
  li.appendChild(text);
  const subs = (result.sub_results || []).filter((s) => s.url !== result.url && s.url.includes("#")).slice(0, 4);
  if (subs.length) {
    const sub = document.createElement("ul");
    sub.className = "sub-results";
    for (const s of subs) {
      const entry = document.createElement("li");
      const a = document.createElement("a");
      a.href = s.url;
      a.textContent = s.title;
      entry.appendChild(a);
      sub.appendChild(entry);
    }
    li.appendChild(sub);
  }
  return li;
}

let pagefind = null;

/* The page's own text: Pagefind's content up to the word lists added for the index
   (SearchTerms.swift), which are never shown. */
function pageText(result) {
  return (result.content || "").split("zzterms")[0];
}

/* Whether every character of `q` occurs in `text` in order (设备监控 in 设备运行监控). */
function inOrder(q, text) {
  let at = 0;
  for (const character of q.replace(/\s+/g, "")) {
    at = text.indexOf(character, at);
    if (at < 0) { return false; }
    at += character.length;
  }
  return true;
}

/* How well a result answers `q`, before Pagefind's own order: the words exactly in its
   title, exactly in its text, in order in its title. */
function closeness(q, result) {
  const title = result.meta.title || "";
  if (title.includes(q)) { return 3; }
  if (pageText(result).includes(q)) { return 2; }
  if (inOrder(q, title)) { return 1; }
  return 0;
}

/* The first `limit` results for `q` (in `kinds`), with their total and how many hold
   `q` as written: what the page shows, and what the browser suite's query set checks
   (window.portalSearch). Pagefind cuts Chinese into words, so it also returns pages
   that hold only some of the characters; those come after the pages that hold the
   words as typed. */
async function find(q, kinds = [], limit = 30) {
  if (!pagefind) {
    pagefind = await import(new URL(index + "pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname });
  }
  const search = await pagefind.search(q, kinds.length ? { filters: { kind: { any: kinds } } } : {});
  const loaded = await Promise.all(search.results.slice(0, Math.max(limit, 60)).map((r) => r.data()));
  const ranked = loaded.map((result, order) => ({ result, order, score: closeness(q, result) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const exact = ranked.filter((entry) => entry.score >= 2).length;
  return { total: search.results.length, exact, results: ranked.slice(0, limit).map((entry) => entry.result) };
}
window.portalSearch = async (q, limit) => (await find(q, [], limit)).results.map((r) => r.url.slice(root.pathname.length));

async function run() {
  const { q, kinds } = params();
  form.elements.q.value = q;
  for (const box of form.querySelectorAll("input[name=kind]")) { box.checked = kinds.includes(box.value); }
  list.textContent = "";
  if (!q) { status.textContent = say("prompt"); return; }
  status.textContent = say("searching");
  try {
    currentQuery = q;
    const { total, exact, results } = await find(q, kinds);
    // Honest counts: pages holding the words as typed, and pages holding only some of
    // their characters or words (Pagefind finds both).
    if (!total) { status.textContent = say("none", { q }); }
    else if (exact === total) { status.textContent = say("all", { q, total }); }
    else if (exact) { status.textContent = say("some", { q, exact, partial: total - exact }); }
    else { status.textContent = say("only_partial", { q, total }); }
    status.dataset.count = String(total);
    // The pages that hold the words as typed; then, folded, those holding only some of
    // their characters (排版 and 产品 for 排产), which never come first.
    const holding = results.filter((result) => closeness(q, result) >= 2);
    for (const result of holding) { list.appendChild(item(result)); }
    const partial = results.filter((result) => closeness(q, result) < 2);
    if (partial.length) {
      const group = document.createElement("li");
      group.className = "partial-results";
      const details = group.appendChild(document.createElement("details"));
      details.appendChild(document.createElement("summary")).textContent = say("partial_group", { count: partial.length });
      const inner = details.appendChild(document.createElement("ol"));
      for (const result of partial) { inner.appendChild(item(result)); }
      list.appendChild(group);
    }
  } catch (error) {
    status.textContent = say("unavailable");
    status.dataset.count = "error";
  }
}

form.hidden = false;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = new URLSearchParams();
  query.set("q", form.elements.q.value.trim());
  for (const box of form.querySelectorAll("input[name=kind]:checked")) { query.append("kind", box.value); }
  history.pushState(null, "", "?" + query.toString());
  run();
});
form.addEventListener("change", (event) => { if (event.target.name === "kind") { form.requestSubmit(); } });
window.addEventListener("popstate", run);
run();
