/* SPDX-License-Identifier: EUPL-1.2 */
/* The filter panel comes back closed after a search, so on a phone the first result is on screen
   without scrolling past the filters. On a wide screen there is room: open it again when filters
   were chosen, so they stay in view beside the results. */
(function () {
  "use strict";
  function openOnWideScreens() {
    if (!window.matchMedia("(min-width: 60rem)").matches) { return; }
    document.querySelectorAll("details[data-open-breed]").forEach(function (details) { details.open = true; });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openOnWideScreens);
  } else {
    openOnWideScreens();
  }
})();
