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

/* Pagefind gives excerpts as HTML: escaped page text with <mark> around the matches.
   Parsed in an inert document (nothing in it runs or loads) and copied as text, keeping
   only the marks, so no markup from the index can reach the page. */
function appendExcerpt(target, html) {
  const parsed = new DOMParser().parseFromString(html || "", "text/html").body;
  (function copy(from, to) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        copy(node, to.appendChild(document.createElement("mark")));
      } else {
        copy(node, to);
      }
    }
  })(parsed, target);
}

let currentQuery = "";

/* An excerpt of the page's own text around the first place that holds `q` as typed,
   with `q` marked: built as text nodes, so it is always clean text. False when the text
   does not hold `q` (Pagefind's excerpt is used then). */
function cleanExcerpt(target, text, q) {
  const at = q ? text.indexOf(q) : -1;
  if (at < 0) { return false; }
  const start = Math.max(0, at - 40), end = Math.min(text.length, at + q.length + 60);
  let rest = text.slice(start, end);
  if (start > 0) { target.appendChild(document.createTextNode("…")); }
  for (let found = rest.indexOf(q); found >= 0; found = rest.indexOf(q)) {
    target.appendChild(document.createTextNode(rest.slice(0, found)));
    target.appendChild(document.createElement("mark")).textContent = q;
    rest = rest.slice(found + q.length);
  }
  target.appendChild(document.createTextNode(rest + (end < text.length ? "…" : "")));
  return true;
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
  if (kind) {
    const tag = document.createElement("span");
    tag.className = "result-kind";
    tag.textContent = kind;
    heading.appendChild(tag);
  }
  const excerpt = document.createElement("p");
  if (!cleanExcerpt(excerpt, pageText(result), currentQuery)) { appendExcerpt(excerpt, result.excerpt); }
  li.appendChild(excerpt);
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
    for (const result of results) { list.appendChild(item(result)); }
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
