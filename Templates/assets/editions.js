/* The history page: each edition's status on the reader's day, from its dates, so that
   the page is right on the day an edition takes effect without a rebuild. The build
   wrote the status of its own day, which stays where JavaScript does not run. */
(function () {
  "use strict";
  var table = document.querySelector("[data-editions]");
  if (!table || !window.PortalWords) { return; }
  var say = window.PortalWords("editions_js");
  var now = new Date();
  var two = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  Array.prototype.forEach.call(table.querySelectorAll("[data-effective]"), function (cell) {
    var effective = cell.getAttribute("data-effective");
    var replacedOn = cell.getAttribute("data-replaced-on");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effective)) { return; }
    cell.textContent = today < effective ? say("upcoming")
      : replacedOn && today >= replacedOn ? say("replaced") : say("current");
  });
})();
