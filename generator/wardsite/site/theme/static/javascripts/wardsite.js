/* Small progressive enhancements. Every page is complete without JavaScript.
 *
 * 1. The out-of-date banner: a page is read long after it was built, so the reader's own
 *    date is compared with the "next review due" date written into the page (and the Easy
 *    Read page's "They will check it again by ..." becomes "They should have checked it ...").
 * 2. Today's row in the visiting table is marked, with the word "today" (not colour alone),
 *    and the summary box shows today's visiting times (without JavaScript it shows the week's).
 * 3. The theme's menu and search buttons (labels for hidden checkboxes) become real buttons a
 *    keyboard can reach: Enter or Space opens the menu (focus moves to its first link), Escape
 *    closes it and focus goes back to the button.
 * 4. A ward photo that loaded is marked, so it prints; one that could not load is hidden on
 *    screen, leaving its caption, instead of showing a broken-picture sign.
 *
 * "Today" is the date in England (Europe/London), whatever time zone the reader's device is
 * set to: the ward's visiting days and review dates are English dates, so a device set to
 * another zone must not see Wednesday's row on a London Tuesday.
 */
(function () {
  "use strict";

  var WARD_TIME_ZONE = "Europe/London";

  /* The calendar date in London as YYYY-MM-DD; the device's own date if the browser cannot tell. */
  function londonIsoDate(date) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-GB", {
        timeZone: WARD_TIME_ZONE,
        year: "numeric",
        month: "2-digit",
        day: "2-digit"
      }).formatToParts(date).forEach(function (part) {
        parts[part.type] = part.value;
      });
      if (parts.year && parts.month && parts.day) {
        return parts.year + "-" + parts.month + "-" + parts.day;
      }
    } catch (error) {
      /* a browser without time zone data: fall back to the device's date */
    }
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  /* Monday is 0, as in the page. The weekday of a calendar date does not depend on any zone. */
  function weekdayOf(isoDate) {
    var bits = isoDate.split("-").map(Number);
    return (new Date(Date.UTC(bits[0], bits[1] - 1, bits[2])).getUTCDay() + 6) % 7;
  }

  function showOverdueBanners(today) {
    document.querySelectorAll("[data-ward-overdue-banner]").forEach(function (banner) {
      var due = banner.getAttribute("data-next-review-due");
      if (due && today > due) {
        banner.hidden = false;
      }
    });
    /* A sentence that says when the ward will check its page says when it should have, once that has passed. */
    document.querySelectorAll("[data-overdue-text]").forEach(function (sentence) {
      var due = sentence.getAttribute("data-next-review-due");
      if (due && today > due) {
        sentence.textContent = sentence.getAttribute("data-overdue-text");
      }
    });
  }

  function markToday(today) {
    var weekday = weekdayOf(today);
    document.querySelectorAll("[data-ward-days] tr[data-weekday='" + weekday + "']").forEach(function (row) {
      row.classList.add("ward-today");
      row.setAttribute("aria-current", "date");
      var label = row.querySelector(".ward-today-label");
      if (label) {
        label.hidden = false;
      }
    });
    document.querySelectorAll("[data-ward-visiting-today]").forEach(function (fact) {
      var times = fact.querySelector("[data-weekday='" + weekday + "']");
      if (times) {
        times.hidden = false;
        fact.hidden = false;
      }
    });
  }

  function keyboardButtons() {
    var drawer = document.getElementById("__drawer");
    document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
      var box = document.getElementById(label.getAttribute("for"));
      if (!box) return;
      var isMenu = box === drawer;
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", isMenu ? "Menu" : "Search");
      if (isMenu) label.setAttribute("aria-expanded", String(box.checked));
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        label.click();
        if (isMenu && box.checked) {
          var first = document.querySelector(".md-sidebar--primary .md-nav__list a[href]");
          if (first) first.focus();
        }
      });
    });
    if (!drawer) return;
    var menuButton = document.querySelector('label.md-header__button[for="__drawer"]');
    var update = function () { if (menuButton) menuButton.setAttribute("aria-expanded", String(drawer.checked)); };
    drawer.addEventListener("change", update);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        update();
        if (menuButton) menuButton.focus();
      }
    });
  }

  function markPhotos() {
    document.querySelectorAll(".ward-photos img").forEach(function (img) {
      var loaded = function () { img.classList.add("ward-photo--loaded"); };
      var failed = function () { img.classList.add("ward-photo--failed"); };
      if (img.complete) {
        (img.naturalWidth > 0 ? loaded : failed)();
      } else {
        img.addEventListener("load", loaded);
        img.addEventListener("error", failed);
      }
    });
  }

  function run() {
    var today = londonIsoDate(new Date());
    showOverdueBanners(today);
    markToday(today);
    keyboardButtons();
    markPhotos();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
