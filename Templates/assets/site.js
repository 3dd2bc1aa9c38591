/* On every page: with JavaScript, the header's "查找场景" link becomes a search box. */
(function () {
  "use strict";
  var form = document.querySelector("[data-site-search]");
  var fallback = document.querySelector("[data-search-fallback]");
  if (!form || !fallback) { return; }
  form.hidden = false;
  fallback.hidden = true;
})();
