// The clause editor: each change is sent as it is made and the preview (the what-if of the draft's new
// version) replaces the one shown. Changes go one after another, so that each is a version of its own.
(function () {
  "use strict";
  var form = document.getElementById("clause-editor");
  var preview = document.getElementById("preview");
  if (!form || !preview) return;
  var queue = Promise.resolve();

  function send() {
    var body = new FormData(form);
    queue = queue.then(function () {
      preview.setAttribute("aria-busy", "true");
      return fetch(form.action, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Hotline-Preview": "1" } })
        .then(function (r) { return r.text().then(function (html) { return { ok: r.ok, html: html }; }); })
        .then(function (reply) {
          if (reply.ok) {
            preview.innerHTML = reply.html;
            // The page's heading names the version the preview is of.
            var body = preview.querySelector("[data-version]");
            var heading = document.querySelector("h1 [data-test=version]");
            if (body && heading) heading.textContent = body.dataset.version;
          }
          else preview.insertAdjacentHTML("afterbegin", "<p class=\"error\" role=\"alert\">未能预览（HTTP 错误），请重试。</p>");
        })
        .catch(function () { preview.insertAdjacentHTML("afterbegin", "<p class=\"error\" role=\"alert\">未能连接服务器，请重试。</p>"); })
        .finally(function () { preview.removeAttribute("aria-busy"); form.dataset.sent = ""; });
    });
  }

  form.addEventListener("change", send);
  // With the script the save button previews in place too (the page works without it as an ordinary form).
  form.addEventListener("submit", function (event) { event.preventDefault(); send(); });
})();
