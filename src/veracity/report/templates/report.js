/* veracity report: follow a record value to the sentences behind it.
   Reads only attributes written by the renderer and writes text with textContent, never HTML. */
(function () {
  "use strict";
  var trail = document.getElementById("trail");
  var trailTitle = document.getElementById("trail-title");
  var trailList = document.getElementById("trail-list");
  var pressed = null;

  function clearFocus() {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    if (pressed) { pressed.setAttribute("aria-pressed", "false"); pressed = null; }
  }

  function marksFor(key) {
    return document.querySelectorAll('.docs [data-claims~="' + key + '"]');
  }

  function reveal(el) {
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  }

  function flash(key) {
    var first = null;
    marksFor(key).forEach(function (mark) {
      mark.classList.add("focus");
      var sentence = mark.closest(".sent");
      if (sentence) { sentence.classList.add("lit"); }
      if (!first) { first = mark; }
    });
    return first;
  }

  function sentenceText(mark) {
    var holder = mark.closest(".sent") || mark;
    var text = holder.textContent.replace(/\s+/g, " ").trim();
    return text.length > 280 ? text.slice(0, 277) + "…" : text;
  }

  function trailItem(key, mark) {
    var item = document.createElement("li");
    var doc = mark.closest(".doc");
    var link = document.createElement("a");
    link.href = "#claim-" + key;
    link.className = "jump";
    link.setAttribute("data-claims", key);
    link.textContent = doc ? doc.getAttribute("data-doc") : "document";
    var quote = document.createElement("span");
    quote.className = "trail-quote";
    quote.textContent = sentenceText(mark);
    item.appendChild(link);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(quote);
    return item;
  }

  function follow(button) {
    clearFocus();
    pressed = button;
    button.setAttribute("aria-pressed", "true");
    var keys = (button.getAttribute("data-claims") || "").split(" ").filter(Boolean);
    trailList.textContent = "";
    var first = null;
    var documents = {};
    keys.forEach(function (key) {
      var mark = flash(key);
      if (!mark) { return; }
      first = first || mark;
      var doc = mark.closest(".doc");
      if (doc) { documents[doc.id] = true; }
      trailList.appendChild(trailItem(key, mark));
    });
    var count = Object.keys(documents).length;
    trailTitle.textContent = button.getAttribute("data-label") + " — " +
      (keys.length ? keys.length + " claim" + (keys.length > 1 ? "s" : "") + " in " + count +
        " document" + (count === 1 ? "" : "s") : "no sentence found in the documents");
    trail.hidden = false;
    if (first) { reveal(first); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var button = target.closest("button.val");
    if (button) { follow(button); return; }
    var jump = target.closest("a.jump");
    if (jump) {
      var key = jump.getAttribute("data-claims");
      var mark = key && marksFor(key)[0];
      if (mark) {
        event.preventDefault();
        if (!jump.closest("#trail")) { clearFocus(); }
        document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
        flash(key);
        reveal(mark);
      }
    }
  });

  document.getElementById("trail-close").addEventListener("click", function () {
    trail.hidden = true;
    clearFocus();
  });
})();
