// Section card grids (hooks/cards.py): a filter by province since 2025. Without JavaScript the
// filter stays hidden and every card is listed; with it, the select shows the cards whose
// data-now names the chosen province. No dependency, no request.
(function () {
  "use strict";
  function setUp(box) {
    var list = document.getElementById(box.getAttribute("data-nmm-filter"));
    var select = box.querySelector("select");
    var status = box.querySelector(".nmm-filter__status");
    if (!list || !select) return;
    var cards = Array.prototype.slice.call(list.children);
    var template = box.getAttribute("data-status") || "{shown} / {total}";
    function apply() {
      var wanted = select.value;
      var shown = 0;
      cards.forEach(function (card) {
        var now = (card.getAttribute("data-now") || "").split(" ");
        var visible = !wanted || now.indexOf(wanted) >= 0;
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      if (status) status.textContent = template.replace("{shown}", shown).replace("{total}", cards.length);
    }
    select.addEventListener("change", apply);
    box.hidden = false;
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-nmm-filter]"), setUp);
})();
