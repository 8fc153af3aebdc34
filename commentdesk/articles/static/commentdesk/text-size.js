// A+ / A- change the story's text size within bounds and remember the choice across pages.
(function () {
  "use strict";
  var KEY = "commentdesk:text-scale";
  var STEP = 0.125, MIN = 0.75, MAX = 1.75;
  var story = document.getElementById("story-body");
  if (!story) return;
  var up = document.querySelector("[data-text-size=up]");
  var down = document.querySelector("[data-text-size=down]");

  function stored() {
    try {
      var value = parseFloat(window.localStorage.getItem(KEY));
      return isNaN(value) ? 1 : value;
    } catch (e) {
      return 1;  // storage blocked (privacy mode): sizing still works for this page
    }
  }

  function apply(scale) {
    scale = Math.min(MAX, Math.max(MIN, Math.round(scale / STEP) * STEP));
    story.style.setProperty("--story-scale", String(scale));
    up.disabled = scale >= MAX;
    down.disabled = scale <= MIN;
    return scale;
  }

  function remember(scale) {
    try { window.localStorage.setItem(KEY, String(scale)); } catch (e) { /* see stored() */ }
  }

  var scale = apply(stored());
  up.addEventListener("click", function () { remember(scale = apply(scale + STEP)); });
  down.addEventListener("click", function () { remember(scale = apply(scale - STEP)); });
  // The buttons do nothing without this script, so they stay hidden until it runs.
  up.parentNode.hidden = false;
})();
