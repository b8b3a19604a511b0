/* SPDX-License-Identifier: EUPL-1.2 */
/* Names for the widgets that Django's admin scripts and select2 build after the page loaded, so a
   screen reader can tell them apart (axe: aria-input-field-name, aria-prohibited-attr, label). */
(function () {
  "use strict";

  function labelText(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    return label ? label.textContent.replace(/[:\s]+$/, "").trim() : "";
  }

  function nameWidgets(root) {
    // The magnifying glass of filter_horizontal carries an aria-label: that needs a role.
    root.querySelectorAll(".help-tooltip.search-label-icon[aria-label]").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
    // select2 (autocomplete_fields): its combobox and the box showing the choice.
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var name = labelText(select.id);
      var holder = select.nextElementSibling;
      if (!name || !holder) { return; }
      holder.querySelectorAll(".select2-selection, .select2-selection__rendered").forEach(function (el) {
        el.setAttribute("aria-label", name);
        el.removeAttribute("aria-labelledby");
      });
    });
    // Date and time of a split date-time field: "Laatst gewijzigd, datum".
    root.querySelectorAll("p.datetime").forEach(function (p) {
      var inputs = p.querySelectorAll("input");
      var field = inputs.length ? labelText(inputs[0].id) || labelText(inputs[0].id.replace(/_\d$/, "")) : "";
      inputs.forEach(function (input) {
        if (input.labels && input.labels.length) { return; }
        var before = input.previousSibling;
        var part = before && before.textContent ? before.textContent.replace(/[:\s]+$/, "").trim() : "";
        input.setAttribute("aria-label", [field, part].filter(Boolean).join(", "));
      });
    });
  }

  // Django's SelectFilter and select2 start on window load; run after them, and for new inlines.
  window.addEventListener("load", function () { window.setTimeout(function () { nameWidgets(document); }, 0); });
  document.addEventListener("formset:added", function (event) { nameWidgets(event.target || document); });
})();
