/* SPDX-License-Identifier: EUPL-1.2 */
/* A form came back with errors: move focus to the summary at the top, so a screen reader reads it
   and a keyboard user starts there (NL Design System / GOV.UK error summary pattern). */
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
