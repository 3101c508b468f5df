// Sortable tables (class "nmm-sortable" around a Markdown table): each column header becomes a button;
// text sorts in the page language's alphabetical order (Intl.Collator: Vietnamese đ after d, tones
// after letters), numbers by value whatever the thousands separator. Without JavaScript the table
// stays as written. No dependency, no request. Pages without such a table pay nothing: the collator
// (which loads the language's collation data) is created on the first click, not at page load.
(function () {
  "use strict";
  var collator = null;

  function compareText(x, y) {
    if (!collator) {
      collator = new Intl.Collator(document.documentElement.lang || "vi", { sensitivity: "base", numeric: true });
    }
    return collator.compare(x, y);
  }

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function asNumber(text) {
    // "1.845.492", "1,845,492", "1 845 492", "4 827 ?" → 1845492; anything with letters is text.
    if (/[^\d\s.,\u00a0\u202f?]/.test(text)) return null;
    var digits = text.replace(/[^\d]/g, "");
    return digits ? Number(digits) : null;
  }

  function sortBy(table, index, button) {
    var header = button.closest("th");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (row) { return asNumber(cellText(row, index)) !== null; });
    rows.sort(function (a, b) {
      var x = cellText(a, index), y = cellText(b, index);
      var order = numeric ? asNumber(x) - asNumber(y) : compareText(x, y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length || table.dataset.nmmSortable) return;
    table.dataset.nmmSortable = "1";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nmm-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, button); });
    });
  }

  function init() {
    var tables = document.querySelectorAll(".nmm-sortable table");
    if (tables.length) Array.prototype.forEach.call(tables, enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
