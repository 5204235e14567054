// Search-as-you-type for tagging faces and naming voices (ARIA combobox, keyboard first):
// type a few letters, ArrowDown/ArrowUp to move, Enter to choose (focus moves to the next
// face), Escape to close. The last option is always "onbekend / niet herkenbaar".
// Without JavaScript the typed name is resolved on the server.
"use strict";
(function () {
  // While consent requests are open: say when new answers came in (the page stays as it is).
  var notice = document.querySelector(".js-answers");
  if (notice) {
    var seen = Number(notice.getAttribute("data-answered"));
    var poll = function () {
      fetch(notice.getAttribute("data-answers-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.answered > seen) { notice.hidden = false; }
          if (s.open > 0) { window.setTimeout(poll, 10000); }
        })
        .catch(function () { window.setTimeout(poll, 30000); });
    };
    window.setTimeout(poll, 10000);
  }
  var form = document.getElementById("tag-form");
  if (!form) { return; }
  var url = form.getAttribute("data-search-url");
  var UNKNOWN = document.documentElement.lang === "en" ? "unknown / not recognisable" : "onbekend / niet herkenbaar";
  var seq = 0;

  function optionsOf(input) { return document.getElementById(input.getAttribute("aria-controls")); }

  function close(input) {
    var list = optionsOf(input);
    list.hidden = true; list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(input, index) {
    var items = optionsOf(input).querySelectorAll("[role=option]");
    if (!items.length) { return; }
    index = (index + items.length) % items.length;
    items.forEach(function (el, i) { el.setAttribute("aria-selected", i === index ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[index].id);
    input.dataset.active = String(index);
  }

  function show(input, results) {
    var list = optionsOf(input);
    list.innerHTML = "";
    var all = results.slice();
    if (input.classList.contains("js-person")) { all.push({ id: "unknown", name: UNKNOWN, detail: "" }); }
    all.forEach(function (r, i) {
      var li = document.createElement("li");
      li.id = list.id + "-" + i; li.setAttribute("role", "option");
      li.dataset.id = r.id; li.dataset.name = r.name;
      li.textContent = r.name + (r.detail ? " · " + r.detail : "");
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(input, li); });
      list.appendChild(li);
    });
    list.hidden = all.length === 0;
    input.setAttribute("aria-expanded", all.length ? "true" : "false");
    setActive(input, 0);
  }

  function nextInput(input) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll(".js-person"));
    var i = inputs.indexOf(input);
    return inputs[i + 1] || document.getElementById("save-tags");
  }

  function choose(input, li) {
    if (input.classList.contains("js-voice")) { addVoice(li.dataset.id, li.dataset.name); input.value = ""; close(input); return; }
    var face = input.closest(".face");
    var hidden = face.querySelector("input[type=hidden]");
    var unknown = face.querySelector("input[type=checkbox]");
    hidden.value = li.dataset.id;
    unknown.checked = li.dataset.id === "unknown";
    input.value = li.dataset.id === "unknown" ? "" : li.dataset.name;
    face.classList.add("tagged");
    close(input);
    updateCount();
    nextInput(input).focus();
  }

  function addVoice(id, name) {
    var ul = form.querySelector(".voice-list");
    if (ul.querySelector("input[value='" + id + "']")) { return; }
    var li = document.createElement("li");
    li.innerHTML = "<label><input type=checkbox name=voice checked> </label>";
    li.querySelector("input").value = id;
    li.querySelector("label").appendChild(document.createTextNode(name));
    ul.appendChild(li);
  }

  function updateCount() {
    var left = 0;
    form.querySelectorAll(".face").forEach(function (face) {
      var hidden = face.querySelector("input[type=hidden]");
      if (!hidden.value && !face.querySelector("input[type=checkbox]").checked) { left += 1; }
    });
    var el = document.querySelector("[data-untagged]");
    if (el) { el.textContent = String(left); }
  }

  function search(input) {
    var q = input.value.trim();
    var mine = ++seq;
    if (!q) { if (input.classList.contains("js-person")) { show(input, []); } else { close(input); } return; }
    fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { if (mine === seq && document.activeElement === input) { show(input, data.results || []); } })
      .catch(function () { close(input); });
  }

  form.querySelectorAll(".js-person, .js-voice").forEach(function (input) {
    var timer = null;
    input.addEventListener("input", function () {
      if (input.classList.contains("js-person")) {
        input.closest(".face").querySelector("input[type=hidden]").value = "";
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { search(input); }, 80);
    });
    input.addEventListener("keydown", function (e) {
      var list = optionsOf(input);
      var open = !list.hidden;
      var active = Number(input.dataset.active || 0);
      if (e.key === "ArrowDown") { e.preventDefault(); if (open) { setActive(input, active + 1); } else { search(input); } }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (open) { setActive(input, active - 1); } }
      else if (e.key === "Escape") { close(input); }
      else if (e.key === "Enter") {
        e.preventDefault();
        if (open) {
          var li = list.querySelectorAll("[role=option]")[active];
          if (li) { choose(input, li); }
        } else if (input.classList.contains("js-person")) { nextInput(input).focus(); }
      }
    });
    input.addEventListener("focus", function () {
      var box = document.getElementById(input.getAttribute("data-box") || "");
      if (box) { box.classList.add("current"); }
    });
    input.addEventListener("blur", function () {
      var box = document.getElementById(input.getAttribute("data-box") || "");
      if (box) { box.classList.remove("current"); }
      window.setTimeout(function () { close(input); }, 150);
    });
  });
})();
