// SPDX-License-Identifier: EUPL-1.2
// Leaflet map next to a list: one marker per list item with data-lat/data-lon, numbered like the
// list. The list stays the text alternative; the markers are buttons a keyboard reaches with Tab,
// named "3. Taalcafé De Brug", and Enter opens their popup with the link (focus moves into it,
// Escape returns to the marker). The map pane itself is no tab stop, and it works without tiles.
(function () {
  "use strict";

  function points(map) {
    var scope = document.getElementById(map.getAttribute("data-punten") || "");
    if (!scope) { return []; }
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-lat][data-lon]"));
    if (scope.hasAttribute("data-lat")) { items.unshift(scope); }
    return items.map(function (el) {
      return {
        el: el,
        lat: parseFloat(el.getAttribute("data-lat")),
        lon: parseFloat(el.getAttribute("data-lon")),
        number: el.getAttribute("data-nummer") || "",
        name: el.getAttribute("data-naam") || "",
        url: el.getAttribute("data-url") || ""
      };
    }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
  }

  function markerIcon(number) {
    var span = document.createElement("span");
    if (number) {
      span.className = "wt-kaart-marker__nummer";
      span.textContent = number;
      return L.divIcon({ className: "wt-kaart-marker", html: span, iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -15] });
    }
    span.className = "wt-kaart-marker__punt";
    return L.divIcon({ className: "wt-kaart-marker", html: span, iconSize: [26, 26], iconAnchor: [13, 26], popupAnchor: [0, -26] });
  }

  function label(point) {
    return (point.number ? point.number + ". " : "") + point.name;
  }

  function popup(point) {
    var box = document.createElement("div");
    var title = document.createElement(point.url ? "a" : "strong");
    title.textContent = label(point);
    if (point.url) { title.href = point.url; title.className = "utrecht-link"; }
    box.appendChild(title);
    return box;
  }

  function init(el) {
    if (el.getAttribute("data-kaart-klaar") === "1" || typeof L === "undefined") { return; }
    var list = points(el);
    if (!list.length) { return; }
    el.hidden = false;
    el.setAttribute("data-kaart-klaar", "1");
    var map = L.map(el, { keyboard: false, scrollWheelZoom: false, zoomControl: false });
    // Leaflet's own credit without its flag image: a plain, underlined link in the attribution
    // line (an image inside the link left axe unable to judge link-in-text-block).
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute("data-attribution") || "" }).addTo(map);
    }
    var bounds = [];
    list.forEach(function (p) {
      var marker = L.marker([p.lat, p.lon], { icon: markerIcon(p.number), keyboard: true, title: label(p) });
      marker.bindPopup(popup(p));
      marker.on("click", function () {
        // Show which list item the marker belongs to.
        document.querySelectorAll(".wt-result--uitgelicht").forEach(function (x) { x.classList.remove("wt-result--uitgelicht"); });
        if (p.el.classList.contains("wt-result")) { p.el.classList.add("wt-result--uitgelicht"); }
      });
      marker.on("popupopen", function (event) {
        var icon = marker.getElement();
        if (!icon || document.activeElement !== icon) { return; }
        // Opened from the keyboard: continue in the popup, and Escape leads back to the marker.
        var box = event.popup.getElement();
        var link = box && box.querySelector(".leaflet-popup-content a");
        if (link) { link.focus(); }
        if (box && !box.hasAttribute("data-escape")) {
          box.setAttribute("data-escape", "1");
          box.addEventListener("keydown", function (key) {
            if (key.key === "Escape") { marker.closePopup(); icon.focus(); }
          });
        }
      });
      marker.on("add", function () {
        // Leaflet creates the icon once the map has a view; name the button then.
        var icon = marker.getElement();
        if (icon) { icon.setAttribute("aria-label", label(p)); }
      });
      marker.addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 15);
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    }
  }

  function initAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("[data-kaart]")) { init(scope); }
    scope.querySelectorAll("[data-kaart]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { initAll(document); });
  } else {
    initAll(document);
  }
  // After htmx swapped new results in, draw their map.
  document.addEventListener("htmx:load", function (event) { initAll(event.target); });
})();
