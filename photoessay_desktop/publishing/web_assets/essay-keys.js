// PhotoEssay web export, optional: J / N or K / P move to the next or previous slide.
// The page reads completely without this script; it only moves focus and scrolls.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  if (slides.length === 0) { return; }
  document.documentElement.classList.add("has-keys");

  function currentIndex() {
    // The slide the keys last moved to, else the last one scrolled to the top of the screen.
    var focused = slides.indexOf(document.activeElement);
    if (focused >= 0) { return focused; }
    var index = -1;
    for (var i = 0; i < slides.length; i += 1) {
      if (slides[i].getBoundingClientRect().top <= 24) { index = i; }
    }
    return index;
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var key = event.key.toLowerCase();
    var step = (key === "j" || key === "n") ? 1 : (key === "k" || key === "p") ? -1 : 0;
    if (step === 0) { return; }
    var next = Math.min(slides.length - 1, Math.max(0, currentIndex() + step));
    slides[next].focus({ preventScroll: true });
    slides[next].scrollIntoView({ block: "start" });
    event.preventDefault();
  });
})();
