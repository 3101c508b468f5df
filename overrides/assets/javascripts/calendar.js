/* Festival calendar filters (nmm_site/calendar/render.py writes the markup).
   Without JavaScript the form stays hidden and the whole list shows. With it, the province and kind
   selects hide the events that do not match, then the months left empty; the season strip follows the
   province. ?province=…&kind=… in the address preselects them (a shareable filtered view). */
(function () {
  "use strict";
  function setUp(root) {
    var form = root.querySelector("[data-nmm-filters]");
    if (!form) return;
    var province = form.querySelector("select[name=province]");
    var kind = form.querySelector("select[name=kind]");
    var count = form.querySelector("[data-nmm-count]");
    var empty = root.querySelector("[data-nmm-empty]");
    var events = root.querySelectorAll(".nmm-event");
    var months = root.querySelectorAll("[data-nmm-month]");
    var seasons = root.querySelectorAll(".nmm-season");
    var seasonMonths = root.querySelectorAll("[data-nmm-season-month]");

    function choose(select, value) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) { select.value = value; return; }
      }
    }
    var params = new URLSearchParams(window.location.search);
    choose(province, params.get("province") || "");
    choose(kind, params.get("kind") || "");

    function apply() {
      var shown = 0;
      for (var i = 0; i < events.length; i++) {
        var item = events[i];
        var provinces = (item.getAttribute("data-provinces") || "").split(" ");
        var match = (!province.value || provinces.indexOf(province.value) !== -1) &&
          (!kind.value || item.getAttribute("data-kind") === kind.value);
        item.hidden = !match;
        if (match) shown++;
      }
      for (var j = 0; j < months.length; j++) {
        months[j].hidden = months[j].querySelector(".nmm-event:not([hidden])") === null;
      }
      // The season strip follows the province filter (a season has no kind).
      for (var s = 0; s < seasons.length; s++) {
        seasons[s].hidden = !!province.value && seasons[s].getAttribute("data-provinces") !== province.value;
      }
      for (var m = 0; m < seasonMonths.length; m++) {
        seasonMonths[m].hidden = seasonMonths[m].querySelector(".nmm-season:not([hidden])") === null;
      }
      var template = count.getAttribute(shown === 1 ? "data-one" : "data-many") || "{n}";
      count.textContent = template.replace("{n}", String(shown));
      empty.hidden = shown !== 0;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  var roots = document.querySelectorAll("[data-nmm-calendar]");
  for (var i = 0; i < roots.length; i++) setUp(roots[i]);
})();
