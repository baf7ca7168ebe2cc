(function () {
  "use strict";
  var reason = document.getElementById("f-reason");
  var prios = Array.prototype.slice.call(document.querySelectorAll("input.f-prio"));
  var ships = Array.prototype.slice.call(document.querySelectorAll("article.ship"));
  var count = document.getElementById("f-count");
  if (!reason || !count) { return; }
  function has(list, word) { return (" " + list + " ").indexOf(" " + word + " ") >= 0; }
  function apply() {
    var r = reason.value, want = {}, shown = 0;
    prios.forEach(function (p) { want[p.value] = p.checked; });
    ships.forEach(function (s) {
      var ok = want[s.getAttribute("data-priority")] === true &&
        (r === "" || has(s.getAttribute("data-reasons"), r));
      s.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " of " + ships.length + " listed rows shown";
    count.setAttribute("data-shown", String(shown));
  }
  function fromHash() {
    var h = location.hash.replace(/^#/, "");
    if (h === "") { return; }
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) { return; }
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === "reason") {
        reason.value = v;
        if (reason.value !== v) { reason.value = ""; }
      } else if (k === "priority") {
        var set = v.split(",");
        prios.forEach(function (p) { p.checked = set.indexOf(p.value) >= 0; });
      }
    });
  }
  function toHash() {
    var on = prios.filter(function (p) { return p.checked; }).map(function (p) { return p.value; });
    try {
      history.replaceState(null, "", "#reason=" + encodeURIComponent(reason.value) + "&priority=" + on.join(","));
    } catch (e) { /* some browsers refuse history on file: URLs; the filter still works */ }
  }
  function changed() { apply(); toHash(); }
  reason.addEventListener("change", changed);
  prios.forEach(function (p) { p.addEventListener("change", changed); });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
}());
