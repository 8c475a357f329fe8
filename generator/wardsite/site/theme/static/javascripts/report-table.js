/* Sorting for tables marked data-sortable, and filters for the inspectors' report table.
 *
 * Progressive enhancement: without JavaScript every table is complete, in a sensible order,
 * and the filter form stays hidden. With it, each column heading becomes a button that sorts
 * the table (aria-sort says how), and the filter form shows the rows that match, with a
 * status line saying how many are shown.
 *
 * The filtered table (table[data-ward-report]) has one row per ward (a provider's report page)
 * or one per provider (the summary). A provider's row lists its wards' review states and sexes,
 * separated by spaces, and counts its wards with missing categories and with dormitory beds, so
 * it is shown when any of its wards matches.
 */
(function () {
  "use strict";

  var NUMBER = /^-?\d+(\.\d+)?$/;

  function sortKey(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return "";
    }
    var key = cell.getAttribute("data-sort");
    return key !== null ? key : cell.textContent.trim();
  }

  function compareKeys(a, b) {
    if (a === "" || b === "") {
      return a === b ? 0 : a === "" ? 1 : -1; /* unpublished values always last */
    }
    if (NUMBER.test(a) && NUMBER.test(b)) {
      return Number(a) - Number(b);
    }
    return a.localeCompare(b, "en-GB", { numeric: true, sensitivity: "base" });
  }

  function announce(table, message) {
    var status = table.parentNode.querySelector("[data-sort-status]");
    if (!status) {
      status = document.createElement("p");
      status.className = "ward-visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("data-sort-status", "");
      table.parentNode.insertBefore(status, table.nextSibling);
    }
    status.textContent = message;
  }

  function sortBy(table, header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = compareKeys(sortKey(a, index), sortKey(b, index));
      if (sortKey(a, index) === "" || sortKey(b, index) === "") {
        return order; /* empty cells stay last in both directions */
      }
      return ascending ? order : -order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) {
      fragment.appendChild(row);
    });
    body.appendChild(fragment);
    table.querySelectorAll("thead th").forEach(function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    announce(table, "Sorted by " + header.textContent.trim() + ", " + (ascending ? "ascending" : "descending") + ".");
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ward-sort";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      header.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(table, header, index);
      });
    });
  }

  function hasWord(row, name, word) {
    return (" " + (row.getAttribute(name) || "") + " ").indexOf(" " + word + " ") !== -1;
  }

  function setUpFilters(form, table) { /* form: the filters' section; input and change events bubble up to it */
    var text = form.querySelector("#ward-filter-text");
    var review = form.querySelector("#ward-filter-review");
    var missing = form.querySelector("#ward-filter-missing");
    var dormitories = form.querySelector("#ward-filter-dormitories");
    var mixed = form.querySelector("#ward-filter-mixed");
    var count = form.querySelector("[data-ward-report-count]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function apply() {
      var words = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var name = (row.hasAttribute("data-name") ? row.getAttribute("data-name") :
          row.cells[0].textContent + " " + row.cells[1].textContent).toLowerCase();
        var match = (!words || name.indexOf(words) !== -1) &&
          (!review.value || hasWord(row, "data-review", review.value)) &&
          (!missing.checked || Number(row.getAttribute("data-missing")) > 0) &&
          (!dormitories.checked || Number(row.getAttribute("data-dormitory-beds")) > 0) &&
          (!mixed.checked || hasWord(row, "data-sex", "mixed"));
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      var noun = " " + form.getAttribute(rows.length === 1 ? "data-one" : "data-many") + ".";
      count.textContent = shown === rows.length ?
        "Showing all " + rows.length + noun :
        "Showing " + shown + " of " + rows.length + noun;
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  function run() {
    document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    var form = document.querySelector("[data-ward-report-filters]");
    var table = document.querySelector("table[data-ward-report]");
    if (form && table) {
      setUpFilters(form, table);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
