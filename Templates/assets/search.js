/* The search page: Pagefind's index (built with Chinese word segmentation), queried in
   the browser. The query lives in ?q= (and ?kind=) so a search can be linked. */
const form = document.querySelector("[data-search-form]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
// The index sits at <site root>/pagefind/, wherever the site is published.
const root = new URL("../", import.meta.url);

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
  appendExcerpt(excerpt, result.excerpt);
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

async function run() {
  const { q, kinds } = params();
  form.elements.q.value = q;
  for (const box of form.querySelectorAll("input[name=kind]")) { box.checked = kinds.includes(box.value); }
  list.textContent = "";
  if (!q) { status.textContent = "输入关键词开始搜索。"; return; }
  status.textContent = "正在搜索…";
  try {
    const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname });
    const search = await pagefind.search(q, kinds.length ? { filters: { kind: { any: kinds } } } : {});
    const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
    status.textContent = results.length ? `找到 ${search.results.length} 个页面包含“${q}”。` : `没有找到包含“${q}”的页面。`;
    status.dataset.count = String(search.results.length);
    for (const result of results) { list.appendChild(item(result)); }
  } catch (error) {
    status.textContent = "搜索索引不可用（从本地文件打开时无法搜索，请通过网站访问）。";
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
