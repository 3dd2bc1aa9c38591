/* A summary drawn as a PNG: lines of text, each in a style, wrapped to the image's width.
   Why an image: inside WeChat (where most enterprises read the site) there is no print and
   no download, but a long press on an image saves it to the album or sends it to a chat.
   The text comes from the page's script; this file only lays it out. */
(function () {
  "use strict";
  var WIDTH = 540;        // CSS pixels; drawn at twice that for sharp text on phones
  var SCALE = 2;
  var MARGIN = 28;
  var STYLES = {
    title: { size: 24, weight: 700, color: "#0d2a4a", gap: 6 },
    meta: { size: 13, weight: 400, color: "#5b6472", gap: 14 },
    verdict: { size: 22, weight: 700, color: "#1f2328", gap: 10 },
    heading: { size: 16, weight: 700, color: "#0d2a4a", gap: 4, before: 10 },
    text: { size: 15, weight: 400, color: "#1f2328", gap: 4 },
    item: { size: 15, weight: 400, color: "#1f2328", gap: 4, indent: 18 },
    small: { size: 12, weight: 400, color: "#5b6472", gap: 4, before: 10 }
  };

  function fontOf(style, family) { return style.weight + " " + style.size + "px " + family; }

  /* Chinese has no spaces to break at: the text breaks before the character that would
     overflow, which also suits the long links. */
  function wrap(context, text, width) {
    var lines = [];
    var line = "";
    Array.from(text).forEach(function (character) {
      if (line && context.measureText(line + character).width > width) {
        lines.push(line);
        line = character.trim() ? character : "";
      } else {
        line += character;
      }
    });
    if (line || !lines.length) { lines.push(line); }
    return lines;
  }

  /* entries: [{ style: "title" | "meta" | "verdict" | "heading" | "text" | "item" | "small",
     text }]; family: the page's font. Returns the canvas. */
  function layout(context, entries, family) {
    var placed = [];
    var y = MARGIN;
    entries.forEach(function (entry) {
      var style = STYLES[entry.style] || STYLES.text;
      var indent = style.indent || 0;
      context.font = fontOf(style, family);
      y += style.before || 0;
      wrap(context, entry.text, WIDTH - 2 * MARGIN - indent).forEach(function (text, index) {
        placed.push({ style: style, text: text, x: MARGIN + indent, y: y, bullet: entry.style === "item" && index === 0 });
        y += Math.round(style.size * 1.5);
      });
      y += style.gap;
    });
    return { lines: placed, height: y + MARGIN };
  }

  window.PortalSummaryImage = function (entries, family) {
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d");
    var measured = layout(context, entries, family);
    canvas.width = WIDTH * SCALE;
    canvas.height = measured.height * SCALE;
    context.scale(SCALE, SCALE);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, WIDTH, measured.height);
    context.fillStyle = "#0d2a4a";
    context.fillRect(0, 0, WIDTH, 6);
    context.textBaseline = "top";
    measured.lines.forEach(function (line) {
      context.font = fontOf(line.style, family);
      context.fillStyle = line.style.color;
      if (line.bullet) { context.fillText("•", line.x - 14, line.y); }
      context.fillText(line.text, line.x, line.y);
    });
    return canvas;
  };
})();
