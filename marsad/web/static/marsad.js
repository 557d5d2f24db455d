// Progressive enhancement only: every page works without this file.
// "/" focuses the search box; the summary sentence a link points to is scrolled into view.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) return;
  var box = document.querySelector("input[type=search]");
  if (box) { event.preventDefault(); box.focus(); }
});
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("mark");
  if (mark && mark.scrollIntoView) mark.scrollIntoView({block: "center"});
});
