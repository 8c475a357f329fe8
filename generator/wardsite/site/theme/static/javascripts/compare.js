/* Compare wards: tick wards in the table and see just those side by side.
 *
 * Progressive enhancement: without JavaScript the page's table already shows every ward of
 * the type. With it, each ward gets a "Compare" tick box; chosen wards appear above the table
 * in a second table with one column per ward. The choice is kept in the address
 * (#compare=example-trust--heron-ward,other-trust--heron-ward), so it can be shared or bookmarked.
 */
(function () {
  "use strict";

  var HASH = /^#compare=([a-z0-9,-]*)$/;

  function chosenFromHash() {
    var match = HASH.exec(window.location.hash);
    return match && match[1] ? match[1].split(",") : [];
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function setUp(table, place) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var measures = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (th) {
      return th.textContent.trim();
    });
    var status = el("p", { role: "status", class: "ward-visually-hidden" });
    var chosenArea = el("div");
    place.appendChild(status);
    place.appendChild(chosenArea);
    var boxes = {};

    function chosenRows() {
      return rows.filter(function (row) {
        return boxes[row.getAttribute("data-ward")].checked;
      });
    }

    function render(announce) {
      var chosen = chosenRows();
      chosenArea.textContent = "";
      var slugs = chosen.map(function (row) {
        return row.getAttribute("data-ward");
      });
      var address = window.location.pathname + window.location.search + (slugs.length ? "#compare=" + slugs.join(",") : "");
      window.history.replaceState(null, "", address);
      if (announce) {
        status.textContent = chosen.length === 1 ? "1 ward chosen." : chosen.length + " wards chosen.";
      }
      if (!chosen.length) {
        return;
      }
      var headRow = el("tr", {}, [el("th", { scope: "col" }, ["Ward"])]);
      chosen.forEach(function (row) {
        var link = row.cells[0].querySelector("a").cloneNode(true);
        headRow.appendChild(el("th", { scope: "col" }, [link]));
      });
      var body = el("tbody");
      measures.forEach(function (measure, i) {
        var line = el("tr", {}, [el("th", { scope: "row" }, [measure])]);
        chosen.forEach(function (row) {
          line.appendChild(row.cells[i + 1].cloneNode(true));
        });
        body.appendChild(line);
      });
      var sideBySide = el("table", { class: "ward-compare-chosen__table" }, [
        el("caption", { id: "compare-chosen-caption" }, ["Chosen wards side by side"]),
        el("thead", {}, [headRow]),
        body
      ]);
      var clear = el("button", { type: "button", class: "ward-compare-clear" }, ["Clear your choices"]);
      clear.addEventListener("click", function () {
        Object.keys(boxes).forEach(function (slug) {
          boxes[slug].checked = false;
        });
        render(true);
        status.textContent = "Choices cleared.";
      });
      chosenArea.appendChild(el("section", { class: "ward-compare-chosen", "aria-labelledby": "compare-chosen-heading" }, [
        el("h2", { id: "compare-chosen-heading" }, ["Your chosen wards"]),
        el("div", { class: "ward-table-scroll", role: "region", tabindex: "0", "aria-labelledby": "compare-chosen-caption" }, [sideBySide]),
        clear
      ]));
    }

    var wanted = chosenFromHash();
    rows.forEach(function (row) {
      var slug = row.getAttribute("data-ward");
      var name = row.cells[0].querySelector("a").textContent.trim();
      var box = el("input", { type: "checkbox", id: "compare-" + slug });
      box.checked = wanted.indexOf(slug) !== -1;
      box.addEventListener("change", function () {
        render(true);
      });
      boxes[slug] = box;
      var label = el("label", { for: "compare-" + slug }, ["Compare", el("span", { class: "ward-visually-hidden" }, [" " + name])]);
      row.cells[0].appendChild(el("span", { class: "ward-compare__choose" }, [box, label]));
    });
    document.querySelectorAll("[data-compare-howto]").forEach(function (howto) {
      howto.hidden = false;
    });
    render(false);
  }

  function run() {
    var table = document.querySelector("table[data-compare-table]");
    var place = document.querySelector("[data-compare-chosen]");
    if (table && place) {
      setUp(table, place);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
