// Small aids for the server-rendered pages; every page works without them.
(function () {
  "use strict";

  // A form is sent once: a second click while the first is under way does nothing (the server's
  // idempotency key covers a resend that gets past this).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.sent === "1") { event.preventDefault(); return; }
    form.dataset.sent = "1";
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); b.classList.add("busy"); });
  }, true);

  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  var form = document.getElementById("entry-form");
  if (!form) return;
  var clause = form.querySelector("#clause");
  var points = form.querySelector("#points");
  var info = form.querySelector("#clause-info");
  var unit = form.querySelector("#unit");
  var person = form.querySelector("#person");
  var date = form.querySelector("#occurredOn");
  var preview = form.querySelector("#preview");
  var timer = null;

  // The page's own requests say so: the server answers an ended session with a 401, not a sign-in page.
  var asFetch = { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } };
  function expired(r) {
    if (r.status !== 401) return false;
    preview.innerHTML = "";
    var p = document.createElement("p");
    p.className = "error"; p.setAttribute("role", "alert"); p.dataset.test = "session-expired";
    p.textContent = "登录已过期，请先复制已填写的内容，再刷新页面重新登录。";
    preview.appendChild(p);
    return true;
  }

  function chosen() { return clause.options[clause.selectedIndex]; }

  function describe(keepPoints) {
    var o = chosen();
    if (!o || !o.value) { info.textContent = ""; return; }
    info.innerHTML = "";
    var title = document.createElement("b");
    title.textContent = o.value + " " + o.dataset.title;
    var rule = document.createElement("span");
    rule.textContent = "　" + o.dataset.rule;
    info.appendChild(title); info.appendChild(rule);
    if (o.dataset.range === "1") {
      points.readOnly = false;
      points.placeholder = o.dataset.min + "–" + o.dataset.max;
      if (!keepPoints) points.value = "";
    } else {
      points.readOnly = true;
      points.value = o.dataset.points;
      points.placeholder = "";
    }
  }

  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = new URLSearchParams({ unit: unit.value, clause: clause.value, points: points.value, occurredOn: date.value });
      fetch(form.dataset.preview + "&" + q.toString(), asFetch)
        .then(function (r) { return r.ok ? r.text() : (expired(r), ""); })
        .then(function (html) { if (html) preview.innerHTML = html; });
    }, 250);
  }

  // Suggestions are the server's search for what was typed (a page of 20), asked a moment after typing stops.
  var asked = null;
  function suggest() {
    clearTimeout(asked);
    asked = setTimeout(function () {
      var q = new URLSearchParams({ unit: unit.value, q: person.value.split("（")[0].split("#")[0].trim() });
      fetch(form.dataset.people + "&" + q.toString(), asFetch)
        .then(function (r) { return r.ok ? r.json() : (expired(r), []); })
        .then(function (labels) {
          var list = document.getElementById("person-list");
          list.innerHTML = "";
          labels.forEach(function (l) { var o = document.createElement("option"); o.value = l; list.appendChild(o); });
          list.dataset.q = q.get("q");
        });
    }, 200);
  }

  clause.addEventListener("change", function () { describe(false); refresh(); });
  [unit, points, date].forEach(function (el) { el.addEventListener("input", refresh); el.addEventListener("change", refresh); });
  person.addEventListener("focus", suggest);
  person.addEventListener("input", suggest);
  describe(true);
  refresh();
})();
