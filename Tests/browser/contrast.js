function parse(c) { var m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; var p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
function over(top, bottom) { var a = top[3]; return [0,1,2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]); }
function background(el) {
  var layers = [];
  for (var e = el; e; e = e.parentElement) { var c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
  var base = [255, 255, 255, 1];
  if (!layers.length || layers[layers.length - 1][3] < 1) base = parse(getComputedStyle(document.documentElement).backgroundColor) || base;
  for (var i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
  return base;
}
function opacity(el) { var o = 1; for (var e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; }
function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); } }
function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
var scope = document.querySelector(arguments[0]) || document.body, bad = [], count = 0;
var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  var node = walker.currentNode, el = node.parentElement;
  if (!node.textContent.trim() || !el.getClientRects().length) continue;
  if (el.closest('[hidden], .visually-hidden, svg, script, template, noscript')) continue;
  var style = getComputedStyle(el); if (style.visibility === 'hidden') continue;
  var bg = background(el), fg = parse(style.color); fg[3] *= opacity(el);
  var r = ratio(over(fg, bg), bg); count++;
  if (r < 4.5) bad.push([node.textContent.trim().slice(0, 16), el.className || el.tagName, Math.round(r * 100) / 100]);
}
return [count, bad];
