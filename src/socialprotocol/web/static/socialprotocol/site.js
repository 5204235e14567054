// Progress of a media check, and copying the improved text. The page works without it.
"use strict";
(function () {
  var pending = document.querySelector("[data-status-url]");
  if (pending) {
    var url = pending.getAttribute("data-status-url");
    var bar = pending.querySelector("progress");
    var label = pending.querySelector(".js-progress");
    var poll = function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = s.progress; label.textContent = s.progress;
          if (s.status === "done" || s.status === "failed") { window.location.reload(); }
          else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 500);
  }
  document.querySelectorAll(".js-copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-target")).textContent;
      if (navigator.clipboard) { navigator.clipboard.writeText(text); }
    });
  });
})();
