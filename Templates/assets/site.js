/* On every page: with JavaScript, the header's "查找场景" link becomes a search box, and
   "复制链接" buttons copy the address of one tier or one row (the link with its fragment). */
(function () {
  "use strict";
  /* The words a script shows: its section of the strings file, which its template writes
     into the page as a <script type="application/json" id="words-SECTION"> block, so that
     scripts hold logic only. PortalWords(section) gives a function of a key and values
     that returns the text with its {placeholders} filled in. */
  window.PortalWords = function (section) {
    var node = document.getElementById("words-" + section);
    var words = node ? JSON.parse(node.textContent) : {};
    return function (key, values) {
      return String(words[key] === undefined ? key : words[key]).replace(/\{(\w+)\}/g, function (whole, name) {
        return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
      });
    };
  };
  var say = window.PortalWords("site_js");
  /* The documented address. Links point at index.html so the site also works from disk;
     on a web server the address bar, and so every copied link, shows the folder instead
     (/scenarios/07/#advanced). Only the file name goes: relative links resolve alike. */
  if (/^https?:$/.test(location.protocol) && /\/index\.html$/.test(location.pathname)) {
    history.replaceState(history.state, "", location.pathname.slice(0, -"index.html".length) + location.search + location.hash);
  }
  var form = document.querySelector("[data-site-search]");
  var fallback = document.querySelector("[data-search-fallback]");
  if (form && fallback) {
    form.hidden = false;
    fallback.hidden = true;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy-link]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = location.href.split("#")[0] + button.getAttribute("data-copy-link");
      var label = button.firstChild;
      var original = label.textContent;
      var done = function (text) {
        label.textContent = text;
        setTimeout(function () { label.textContent = original; }, 2000);
      };
      button.setAttribute("data-copied", url);
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { done(say("copied")); }, function () { window.prompt(say("copy_prompt"), url); });
      } else {
        window.prompt(say("copy_prompt"), url);
      }
    });
  });
})();
