/* Small progressive enhancements. Every page is complete without JavaScript.
 *
 * 1. The out-of-date banner: a page is read long after it was built, so the reader's own
 *    date is compared with the "next review due" date written into the page.
 * 2. Today's row in the visiting table is marked, with the word "today" (not colour alone).
 */
(function () {
  "use strict";

  function localIsoDate(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  function showOverdueBanners(today) {
    document.querySelectorAll("[data-ward-overdue-banner]").forEach(function (banner) {
      var due = banner.getAttribute("data-next-review-due");
      if (due && today > due) {
        banner.hidden = false;
      }
    });
  }

  function markToday(now) {
    var weekday = (now.getDay() + 6) % 7; /* Monday is 0, as in the page */
    document.querySelectorAll("[data-ward-days] tr[data-weekday='" + weekday + "']").forEach(function (row) {
      row.classList.add("ward-today");
      row.setAttribute("aria-current", "date");
      var label = row.querySelector(".ward-today-label");
      if (label) {
        label.hidden = false;
      }
    });
  }

  function run() {
    var now = new Date();
    showOverdueBanners(localIsoDate(now));
    markToday(now);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
