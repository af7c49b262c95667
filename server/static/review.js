// review.js: conveniences for the review forms of the article page. Every form works without it: this only copies
// the access token and who records into every form once typed, and fills the "add a missed finding" form from a
// selection in the article's text, with the selection's place, so that a phrase occurring several times is added
// where it was selected.
(function () {
  "use strict";
  ["token", "by"].forEach(function (name) {
    var fields = document.querySelectorAll(".review-form input[name=" + name + "]");
    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        fields.forEach(function (other) {
          if (other !== field) {
            other.value = field.value;
          }
        });
      });
    });
  });

  var marked = document.getElementById("marked");
  var phrase = document.getElementById("add-text");
  var start = document.getElementById("add-start");
  var end = document.getElementById("add-end");
  var section = document.getElementById("add-finding");
  if (!marked || !phrase || !start || !end || !window.TextEncoder) {
    return;
  }
  var utf8 = new TextEncoder();
  var selected = null;

  // textOf is the article text in a range: the highlights' tooltips are not part of it.
  function textOf(range) {
    var frag = range.cloneContents();
    frag.querySelectorAll(".tip").forEach(function (tip) {
      tip.remove();
    });
    return frag.textContent;
  }
  function inText(node) {
    var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return marked.contains(node) && !(el && el.closest(".tip"));
  }

  document.addEventListener("selectionchange", function () {
    var sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      return;
    }
    var range = sel.getRangeAt(0);
    if (!inText(range.startContainer) || !inText(range.endContainer)) {
      return;
    }
    var text = textOf(range);
    var trimmed = text.trim();
    if (trimmed === "") {
      return;
    }
    var before = document.createRange();
    before.setStart(marked, 0);
    before.setEnd(range.startContainer, range.startOffset);
    // The server counts bytes of the UTF-8 text; leading and trailing spaces are left out of the phrase.
    var lead = text.length - text.replace(/^\s+/, "").length;
    var from = utf8.encode(textOf(before) + text.slice(0, lead)).length;
    phrase.value = trimmed;
    start.value = String(from);
    end.value = String(from + utf8.encode(trimmed).length);
    selected = trimmed;
    if (section) {
      section.open = true;
    }
  });

  // A phrase typed over the selection is found by the server at its first occurrence.
  phrase.addEventListener("input", function () {
    if (phrase.value !== selected) {
      start.value = "";
      end.value = "";
    }
  });
})();
