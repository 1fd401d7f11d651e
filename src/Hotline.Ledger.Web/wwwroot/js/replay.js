// The auditor's replay: the two timelines submit the form when let go; the trend is drawn with ECharts.
(function () {
  "use strict";
  var form = document.getElementById("replay");
  if (form) {
    var asOf = document.getElementById("asof-slider");
    var known = document.getElementById("known-slider");
    var stops = JSON.parse(known.dataset.stops || "[]");
    asOf.addEventListener("input", function () {
      var d = new Date(asOf.dataset.first + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + Number(asOf.value));
      var iso = d.toISOString().slice(0, 10);
      document.getElementById("asof").value = iso;
      document.getElementById("asof-label").textContent = iso;
    });
    known.addEventListener("input", function () {
      var i = Number(known.value);
      var at = i < stops.length ? stops[i] : "";
      document.getElementById("knownAt").value = at;
      document.getElementById("known-label").textContent = at ? new Date(at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "当前";
    });
    [asOf, known].forEach(function (s) { s.addEventListener("change", function () { form.requestSubmit(); }); });
  }

  // The charts: the API's series for the year up to asOf, one point per day.
  function draw(el, options, toData) {
    if (!el || !window.echarts) return;
    fetch(el.dataset.src, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (points) {
        var chart = window.echarts.init(el, null, { renderer: "svg" });
        options.series[0].data = toData(points);
        chart.setOption(options);
        el.dataset.points = String(points.length);
        window.addEventListener("resize", function () { chart.resize(); });
      });
  }

  draw(document.getElementById("trend"), {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: "总分", scale: true },
    series: [{ type: "line", name: "总分", showSymbol: false, step: "end", connectNulls: false }],
  }, function (points) { return points; });

  draw(document.getElementById("ranks"), {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: "axis", valueFormatter: function (v) { return "第 " + v + " 名"; } },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: "名次", inverse: true, minInterval: 1, min: 1 },
    series: [{ type: "line", name: "名次", showSymbol: false, step: "end" }],
  }, function (points) { return points.map(function (p) { return [p[0], p[1]]; }); });
})();
