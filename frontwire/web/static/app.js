/* frontwire's map page: plain JavaScript, no build step, nothing loaded from anywhere but this server.
 *
 * Data flow: the filters (and the timeline's brushed date range) make one query; /api/events fills the list and
 * the map, /api/stats the timeline (without the date range, so the brush always sees every day), and the download
 * links carry the same query to /api/export. Choosing an event fetches /api/events/{id} and each of its documents.
 *
 * Safety: every string that comes from the API (article text, titles, names, notes) reaches the page through
 * textContent or document.createTextNode, never innerHTML, so an article that contains markup shows it as text.
 */
(function () {
  "use strict";

  // ACLED's six event types; anything else (a future type) is grey.
  const TYPE_COLOURS = {
    "Battles": "#d1495b",
    "Explosions/Remote violence": "#ee8434",
    "Violence against civilians": "#7b3fa0",
    "Protests": "#2a9d8f",
    "Riots": "#c9a227",
    "Strategic developments": "#4f6d8f",
  };
  const OTHER_COLOUR = "#8a8f98";
  const HOLDER_COLOURS = ["#4f6d8f", "#d1495b", "#2a9d8f", "#c9a227", "#7b3fa0", "#ee8434"];
  const CLAIM_PALETTE_SIZE = 6; // .ev-c0 ... .ev-c5 in app.css
  const PAGE_SIZE = 500;
  const DAY_MS = 86400000;
  const EMPTY_LEDGER = "The ledger is empty: run `frontwire ingest --examples` (or ingest your own articles), then reload.";

  const state = {
    filters: { type: "", country: "", actor: "", claimant: "", disputed: false },
    range: null, // {from, to}: the brushed days, inclusive
    events: [],
    total: 0,
    nextCursor: null,
    selected: null,
    byDay: [],
  };
  let generation = 0; // a newer query makes an older one's answer stale

  const $ = (id) => document.getElementById(id);

  /* ---- DOM: strings always become text nodes ------------------------------------------------------------------ */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "style") {
        for (const [property, setting] of Object.entries(value)) node.style.setProperty(property, setting);
      }
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function colourOf(eventType) {
    return TYPE_COLOURS[eventType] || OTHER_COLOUR;
  }

  function joinPresent(parts, sep) {
    return parts.filter((p) => p !== null && p !== undefined && p !== "").join(sep);
  }

  function dateSpan(event) {
    const start = event.date_start || event.event_date;
    const end = event.date_end || event.event_date;
    return start && end && start !== end ? `${start} – ${end}` : (start || "undated");
  }

  function showStatus(message, isError) {
    const status = $("status");
    status.textContent = message || "";
    status.classList.toggle("error", Boolean(isError));
    status.hidden = !message;
  }

  /* ---- the API -------------------------------------------------------------------------------------------- */

  async function getJSON(path, params) {
    const query = params ? params.toString() : "";
    const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      try {
        const body = await response.json();
        if (body && body.error) message = joinPresent([body.error.message, body.error.hint], " ");
      } catch (_) { /* not JSON: keep the status line */ }
      throw new Error(`${path}: ${message}`);
    }
    return response.json();
  }

  // The query for the current filters; withRange adds the brushed dates.
  function filterParams(withRange) {
    const params = new URLSearchParams();
    const f = state.filters;
    if (f.type) {
      const cut = f.type.indexOf(":");
      params.set(f.type.slice(0, cut), f.type.slice(cut + 1));
    }
    if (f.country) params.set("country", f.country);
    if (f.actor.trim()) params.set("actor", f.actor.trim());
    if (f.claimant.trim()) params.set("claimant", f.claimant.trim());
    if (f.disputed) params.set("disputed", "true");
    if (withRange && state.range) {
      params.set("from", state.range.from);
      params.set("to", state.range.to);
    }
    return params;
  }

  /* ---- loading -------------------------------------------------------------------------------------------- */

  async function refresh({ timeline = true } = {}) {
    const mine = ++generation;
    document.body.dataset.state = "loading";
    const params = filterParams(true);
    params.set("sort", "-date"); // newest first: this week's events are the ones looked for
    params.set("limit", String(PAGE_SIZE));
    try {
      const [page, stats] = await Promise.all([
        getJSON("/api/events", params),
        timeline ? getJSON("/api/stats", filterParams(false)) : Promise.resolve(null),
      ]);
      if (mine !== generation) return;
      state.events = page.events;
      state.total = page.total;
      state.nextCursor = page.next_cursor;
      if (stats) state.byDay = stats.by_day;
      renderList();
      renderMarkers();
      renderTimeline();
      updateDownloads();
      rememberInUrl();
      showStatus(state.total === 0 && !filterParams(true).toString() ? EMPTY_LEDGER : "");
      document.body.dataset.state = "ready";
    } catch (error) {
      if (mine !== generation) return;
      showStatus(error.message, true);
      document.body.dataset.state = "error";
    }
  }

  async function loadMore() {
    if (!state.nextCursor) return;
    const params = filterParams(true);
    params.set("sort", "-date"); // newest first: this week's events are the ones looked for
    params.set("limit", String(PAGE_SIZE));
    params.set("cursor", state.nextCursor);
    const mine = generation;
    try {
      const page = await getJSON("/api/events", params);
      if (mine !== generation) return;
      state.events = state.events.concat(page.events);
      state.nextCursor = page.next_cursor;
      renderList();
      renderMarkers();
    } catch (error) {
      showStatus(error.message, true);
    }
  }

  async function loadFilterOptions() {
    const stats = await getJSON("/api/stats");
    const typeSelect = $("filter-type");
    const subTypes = new Map();
    for (const row of stats.by_type) {
      if (!row.event_type) continue;
      if (!subTypes.has(row.event_type)) subTypes.set(row.event_type, new Map());
      const counts = subTypes.get(row.event_type);
      if (row.sub_event_type) counts.set(row.sub_event_type, (counts.get(row.sub_event_type) || 0) + row.count);
    }
    for (const type of [...subTypes.keys()].sort()) {
      const group = el("optgroup", { label: type });
      group.appendChild(el("option", { value: `event_type:${type}`, text: `All ${type}` }));
      for (const [sub, count] of [...subTypes.get(type)].sort()) {
        group.appendChild(el("option", { value: `sub_event_type:${sub}`, text: `${sub} (${count})` }));
      }
      typeSelect.appendChild(group);
    }
    const countrySelect = $("filter-country");
    for (const row of [...stats.by_country].sort((a, b) => String(a.country).localeCompare(String(b.country)))) {
      if (!row.country) continue;
      countrySelect.appendChild(el("option", { value: row.country, text: `${row.country} (${row.count})` }));
    }
  }

  /* ---- the list ------------------------------------------------------------------------------------------- */

  function renderList() {
    const list = clear($("event-list"));
    const shown = state.events.length;
    $("event-count").textContent = state.total === shown
      ? `${state.total} event${state.total === 1 ? "" : "s"}`
      : `${shown} of ${state.total} events`;
    const days = state.byDay.map((row) => row.day);
    const span = state.range || (days.length ? { from: days[0], to: days[days.length - 1] } : null);
    $("summary").textContent = joinPresent([
      `${state.total} event${state.total === 1 ? "" : "s"}`,
      span ? `${span.from} – ${span.to}` : null,
      state.range ? "dates chosen on the timeline" : null,
    ], " · ");
    $("load-more").hidden = !state.nextCursor;
    if (!shown) {
      list.appendChild(el("li", { class: "empty", text: "No events match these filters." }));
      return;
    }
    for (const event of state.events) {
      const claimants = event.claimants && event.claimants.length ? event.claimants.join(", ") : "no named claimant";
      const item = el("li", {
        class: "event-item" + (event.event_id === state.selected ? " selected" : ""),
        tabindex: "0",
        "data-event-id": event.event_id,
        "data-testid": "event-item",
        onclick: () => selectEvent(event.event_id, { fromList: true }),
        onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectEvent(event.event_id, { fromList: true }); } },
      },
      el("span", { class: "dot", style: { background: colourOf(event.event_type) } }),
      el("span", { class: "what", text: event.sub_event_type || event.event_type || "Event" }),
      el("span", { class: "when", text: dateSpan(event) }),
      el("span", { class: "where", text: joinPresent([event.location, event.admin1, event.country], ", ") || "place unknown" }),
      el("span", { class: "who" },
        event.disputed ? el("span", { class: "badge disputed", text: "disputed" }) : null,
        event.disputed ? " " : null,
        event.fatalities ? el("span", { class: "badge fatal", text: `${event.fatalities} killed` }) : null,
        event.fatalities ? " " : null,
        `${event.claims_count} claim${event.claims_count === 1 ? "" : "s"} · ${claimants}`));
      list.appendChild(item);
    }
  }

  /* ---- the map -------------------------------------------------------------------------------------------- */

  let map = null;
  let clusters = null;
  const markers = new Map(); // event_id -> L.Marker
  const dots = new Map(); // event_id -> its marker's element, kept while clustering takes it out of the page
  const REVEAL_ZOOM = 8; // close enough to tell a village from the next, the outlines still worth seeing
  let fitted = false;

  function initMap() {
    map = L.map("map", { minZoom: 2, maxZoom: 11, worldCopyJump: true, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (public domain) · Leaflet");
    map.setView([35, 40], 3);
    clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true, // events at one place (a town's centroid) fan out at the last zoom
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(clusters);
    map.on("zoomend", togglePlaceNames);
    addLegend();
  }

  async function loadBasemap() {
    const topology = await getJSON("/static/vendor/world-atlas/countries-50m.json");
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      renderer: L.canvas({ padding: 0.5 }),
      interactive: false,
      style: { color: "#a9a49a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
    addCountryLabels(countries.features);
    document.body.dataset.basemap = "ready";
  }

  // Country names, from zoom 4 (below that they would cover the world): each at the centre of its largest polygon.
  function addCountryLabels(features) {
    const labels = L.layerGroup();
    for (const feature of features) {
      const name = feature.properties && feature.properties.name;
      const geometry = feature.geometry;
      if (!name || !geometry) continue;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      let best = null;
      for (const polygon of polygons) {
        const centre = ringCentre(polygon[0]);
        if (centre && (!best || centre.area > best.area)) best = centre;
      }
      if (!best || best.area < 0.5) continue; // islands and micro-states: their name would hide the events
      labels.addLayer(L.marker([best.lat, best.lon], {
        icon: L.divIcon({ className: "country-label", html: el("span", { text: name }), iconSize: null }),
        interactive: false,
        keyboard: false,
      }));
    }
    const toggle = () => {
      const show = map.getZoom() >= 4;
      if (show && !map.hasLayer(labels)) labels.addTo(map);
      if (!show && map.hasLayer(labels)) labels.remove();
    };
    map.on("zoomend", toggle);
    toggle();
  }

  // Place names beside the markers once the map is close enough for them not to pile up.
  function togglePlaceNames() {
    map.getContainer().classList.toggle("show-place-names", map.getZoom() >= 6);
  }

  // The area-weighted centre of a ring of [lon, lat] points (planar: good enough to place a label).
  function ringCentre(ring) {
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (!area) return null;
    return { lon: cx / (3 * area), lat: cy / (3 * area), area: Math.abs(area / 2) };
  }

  function markerSize(fatalities) {
    return Math.min(46, 14 + 5 * Math.sqrt(fatalities || 0));
  }

  function markerTooltip(event) {
    return el("div", {},
      el("strong", { text: event.sub_event_type || event.event_type || "Event" }),
      el("br"),
      joinPresent([event.location, event.country], ", "),
      el("br"),
      dateSpan(event),
      event.fatalities ? ` · ${event.fatalities} killed` : "");
  }

  function renderMarkers() {
    clusters.clearLayers();
    markers.clear();
    dots.clear();
    const layers = [];
    for (const event of state.events) {
      if (typeof event.latitude !== "number" || typeof event.longitude !== "number") continue;
      const size = markerSize(event.fatalities);
      const dot = el("div", {
        class: "fw-marker" + (event.event_id === state.selected ? " selected" : ""),
        "data-event-id": event.event_id,
        "data-testid": "marker",
        style: { background: colourOf(event.event_type) },
      });
      const icon = el("div", { class: "fw-marker-wrap" }, dot,
        el("span", { class: "fw-place", style: { left: `${size + 3}px` }, text: event.location || "" }));
      const marker = L.marker([event.latitude, event.longitude], {
        icon: L.divIcon({ html: icon, className: "fw-marker-icon", iconSize: [size, size] }),
        keyboard: true,
        riseOnHover: true,
      });
      marker.eventType = event.event_type;
      marker.bindTooltip(markerTooltip(event), { direction: "top", offset: [0, -size / 2] });
      marker.on("click", () => selectEvent(event.event_id));
      markers.set(event.event_id, marker);
      dots.set(event.event_id, dot);
      layers.push(marker);
    }
    clusters.addLayers(layers);
    if (!fitted && layers.length) {
      fitted = true;
      map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [40, 40], maxZoom: 7 });
    }
  }

  // A cluster is a ring split by event type in proportion, around its count.
  function clusterIcon(cluster) {
    const children = cluster.getAllChildMarkers();
    const counts = new Map();
    for (const marker of children) counts.set(marker.eventType, (counts.get(marker.eventType) || 0) + 1);
    let start = 0;
    const stops = [];
    for (const [type, count] of counts) {
      const end = start + (count / children.length) * 360;
      stops.push(`${colourOf(type)} ${start}deg ${end}deg`);
      start = end;
    }
    const size = Math.min(56, 30 + 4 * Math.sqrt(children.length));
    const ring = el("div", {
      class: "fw-cluster",
      "data-testid": "cluster",
      style: { background: `conic-gradient(${stops.join(", ")})` },
    }, el("span", { text: String(children.length) }));
    return L.divIcon({ html: ring, className: "fw-cluster-icon", iconSize: [size, size] });
  }

  function addLegend() {
    const legend = L.control({ position: "bottomright" });
    legend.onAdd = () => el("div", { class: "legend", "data-testid": "legend" },
      Object.entries(TYPE_COLOURS).map(([type, colour]) =>
        el("div", {}, el("i", { style: { background: colour } }), type)),
      el("div", { class: "size", text: "larger dot: more fatalities" }));
    legend.addTo(map);
  }

  function highlightMarker() {
    for (const [eventId, dot] of dots) dot.classList.toggle("selected", eventId === state.selected);
  }

  // Centre the map on an event chosen in the list, close enough to see it, and open its cluster if it is in one.
  // (markercluster's zoomToShowLayer zooms to a cluster's bounds, which for one town is the last zoom level.)
  function revealMarker(marker) {
    if (map._animatingZoom) {
      // Leaflet ignores a new zoom while one is under way (the first fit to the events): go once it ends.
      map.once("zoomend", () => revealMarker(marker));
      return;
    }
    const open = () => {
      let parent = marker;
      while (parent && !parent._icon) parent = parent.__parent; // the cluster standing for it, if any
      if (parent && parent !== marker && parent.spiderfy) parent.spiderfy();
    };
    const zoom = Math.max(map.getZoom(), REVEAL_ZOOM);
    if (zoom === map.getZoom() && map.getBounds().pad(-0.15).contains(marker.getLatLng())) {
      open();
      return;
    }
    // Clusters regroup in an animation after the move; open the right one once it is done.
    map.once("moveend", () => setTimeout(open, 350));
    map.setView(marker.getLatLng(), zoom);
  }

  /* ---- the timeline: events per day, with a brush --------------------------------------------------------- */

  const TL = { top: 8, right: 14, bottom: 22, left: 34 };

  function dayToMs(day) {
    return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  }

  function msToDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  // The plot's scale: the days from the first to the last with events, a day of margin on each side.
  function timelineScale(width) {
    const days = state.byDay.map((row) => dayToMs(row.day));
    const t0 = Math.min(...days) - DAY_MS;
    const t1 = Math.max(...days) + 2 * DAY_MS;
    const x0 = TL.left;
    const x1 = width - TL.right;
    return {
      t0, t1, x0, x1,
      x: (ms) => x0 + ((ms - t0) / (t1 - t0)) * (x1 - x0),
      ms: (x) => t0 + ((Math.max(x0, Math.min(x1, x)) - x0) / (x1 - x0)) * (t1 - t0),
    };
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // Ticks at days, weeks, months or years, whichever gives at most about one label per 90 pixels.
  function timelineTicks(scale) {
    const room = Math.max(2, Math.floor((scale.x1 - scale.x0) / 90));
    const spanDays = (scale.t1 - scale.t0) / DAY_MS;
    const ticks = [];
    if (spanDays / room <= 7) {
      const step = Math.max(1, Math.ceil(spanDays / room));
      for (let t = scale.t0 + DAY_MS; t < scale.t1; t += step * DAY_MS) {
        const d = new Date(t);
        ticks.push({ t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
      }
      return ticks;
    }
    const monthsPerTick = [1, 2, 3, 6, 12, 24, 60].find((m) => spanDays / 30.4 / m <= room) || 120;
    const first = new Date(scale.t0);
    // Months counted from year 0, so that ticks fall on multiples of the step (January for whole years).
    let index = Math.ceil((first.getUTCFullYear() * 12 + first.getUTCMonth() + 1) / monthsPerTick) * monthsPerTick;
    for (; ; index += monthsPerTick) {
      const t = Date.UTC(Math.floor(index / 12), index % 12, 1);
      if (t >= scale.t1) break;
      const year = Math.floor(index / 12);
      ticks.push({ t, label: monthsPerTick >= 12 ? String(year) : `${MONTHS[index % 12]} ${year}` });
    }
    return ticks;
  }

  function renderTimeline() {
    const plot = clear($("timeline"));
    const width = plot.clientWidth || plot.getBoundingClientRect().width || 800;
    const height = plot.clientHeight || 130;
    plot.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!state.byDay.length) {
      plot.appendChild(svg("text", { class: "tl-empty", x: width / 2, y: height / 2, "text-anchor": "middle", text: "No dated events" }));
      return;
    }
    const scale = timelineScale(width);
    const yBase = height - TL.bottom;
    const maxCount = Math.max(...state.byDay.map((row) => row.count));
    const barWidth = Math.max(2, Math.min(24, ((scale.x1 - scale.x0) * DAY_MS) / (scale.t1 - scale.t0) - 1));
    const axis = svg("g", { class: "tl-axis" },
      svg("line", { x1: scale.x0, x2: scale.x1, y1: yBase + 0.5, y2: yBase + 0.5 }),
      svg("text", { x: TL.left - 6, y: TL.top + 8, "text-anchor": "end", text: String(maxCount) }),
      svg("text", { x: TL.left - 6, y: yBase, "text-anchor": "end", text: "0" }));
    for (const tick of timelineTicks(scale)) {
      const x = scale.x(tick.t);
      axis.appendChild(svg("line", { x1: x, x2: x, y1: yBase, y2: yBase + 4 }));
      axis.appendChild(svg("text", { x, y: yBase + 16, "text-anchor": "middle", text: tick.label }));
    }
    plot.appendChild(axis);
    const bars = svg("g", { class: "tl-bars" });
    for (const row of state.byDay) {
      const ms = dayToMs(row.day);
      const h = Math.max(2, ((yBase - TL.top) * row.count) / maxCount);
      const inRange = state.range && row.day >= state.range.from && row.day <= state.range.to;
      bars.appendChild(svg("rect", {
        class: "tl-bar" + (inRange ? " in-range" : ""),
        "data-day": row.day,
        "data-count": row.count,
        x: scale.x(ms + DAY_MS / 2) - barWidth / 2,
        y: yBase - h,
        width: barWidth,
        height: h,
      }, svg("title", { text: `${row.day}: ${row.count} event${row.count === 1 ? "" : "s"}` })));
    }
    plot.appendChild(bars);
    const selection = svg("rect", { class: "tl-selection", y: TL.top, height: yBase - TL.top, width: 0, x: 0 });
    if (state.range) {
      const a = scale.x(dayToMs(state.range.from));
      const b = scale.x(dayToMs(state.range.to) + DAY_MS);
      selection.setAttribute("x", String(a));
      selection.setAttribute("width", String(Math.max(1, b - a)));
    } else {
      selection.setAttribute("visibility", "hidden");
    }
    const overlay = svg("rect", {
      class: "tl-overlay", "data-testid": "timeline-brush",
      x: scale.x0, y: 0, width: scale.x1 - scale.x0, height: yBase,
    });
    plot.appendChild(overlay);
    plot.appendChild(selection);
    attachBrush(plot, overlay, selection, scale);
    $("range-label").textContent = state.range ? `${state.range.from} → ${state.range.to}` : "";
    $("range-clear").hidden = !state.range;
  }

  function attachBrush(plot, overlay, selection, scale) {
    let startX = null;
    const localX = (e) => {
      const box = plot.getBoundingClientRect();
      return ((e.clientX - box.left) * (plot.viewBox.baseVal.width || box.width)) / box.width;
    };
    overlay.addEventListener("pointerdown", (e) => {
      startX = localX(e);
      overlay.setPointerCapture(e.pointerId);
      selection.setAttribute("visibility", "visible");
      selection.setAttribute("x", String(startX));
      selection.setAttribute("width", "0");
    });
    overlay.addEventListener("pointermove", (e) => {
      if (startX === null) return;
      const x = Math.max(scale.x0, Math.min(scale.x1, localX(e)));
      selection.setAttribute("x", String(Math.min(startX, x)));
      selection.setAttribute("width", String(Math.abs(x - startX)));
    });
    overlay.addEventListener("pointerup", (e) => {
      if (startX === null) return;
      const endX = localX(e);
      const moved = Math.abs(endX - startX);
      const [a, b] = [Math.min(startX, endX), Math.max(startX, endX)];
      startX = null;
      if (moved < 4) {
        setRange(null); // a click without a drag clears the dates
        return;
      }
      setRange({ from: msToDay(Math.floor(scale.ms(a) / DAY_MS) * DAY_MS), to: msToDay(Math.floor(scale.ms(b) / DAY_MS) * DAY_MS) });
    });
  }

  function setRange(range) {
    if (!range && !state.range) {
      renderTimeline();
      return;
    }
    state.range = range;
    refresh({ timeline: false });
  }

  /* ---- downloads and the address bar ---------------------------------------------------------------------- */

  function updateDownloads() {
    for (const format of ["acled", "geojson", "parquet"]) {
      const params = filterParams(true);
      params.set("format", format);
      $(`download-${format}`).setAttribute("href", `/api/export?${params}`);
    }
  }

  // The filters live in the address, so a view can be reloaded or shared.
  function rememberInUrl() {
    const params = filterParams(true);
    if (state.filters.type) { params.delete("event_type"); params.delete("sub_event_type"); params.set("type", state.filters.type); }
    const hash = state.selected ? `#event=${encodeURIComponent(state.selected)}` : "";
    history.replaceState(null, "", `${location.pathname}${params.toString() ? "?" + params : ""}${hash}`);
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const f = state.filters;
    f.type = params.get("type") || "";
    f.country = params.get("country") || "";
    f.actor = params.get("actor") || "";
    f.claimant = params.get("claimant") || "";
    f.disputed = params.get("disputed") === "true";
    const from = params.get("from");
    const to = params.get("to");
    if (from && to) state.range = { from, to };
    const match = /^#event=(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  /* ---- the chosen event ----------------------------------------------------------------------------------- */

  async function selectEvent(eventId, { fromList = false } = {}) {
    state.selected = eventId;
    for (const node of document.querySelectorAll(".event-item.selected")) node.classList.remove("selected");
    const item = document.querySelector(`.event-item[data-event-id="${CSS.escape(eventId)}"]`);
    if (item) {
      item.classList.add("selected");
      if (!fromList) item.scrollIntoView({ block: "nearest" });
    }
    const panel = $("detail");
    panel.dataset.state = "loading";
    openPanel(); // first, so that the map has its final size before it moves
    highlightMarker();
    const marker = markers.get(eventId);
    if (marker && fromList) revealMarker(marker);
    rememberInUrl();
    try {
      const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
      if (state.selected !== eventId) return;
      renderEventHead(event);
      const colours = renderClaims(event);
      renderDisputes(event);
      renderControl(event);
      renderLosses(event.losses_by_claimant || []);
      renderMergedBecause(event);
      await renderDocuments(event, colours);
      if (state.selected === eventId) panel.dataset.state = "ready";
    } catch (error) {
      showStatus(error.message, true);
      panel.dataset.state = "error";
    }
  }

  function openPanel() {
    const panel = $("detail");
    if (panel.hidden) {
      panel.hidden = false;
      $("layout").classList.add("with-detail");
      map.invalidateSize();
      renderTimeline();
    }
  }

  function closePanel() {
    state.selected = null;
    $("detail").hidden = true;
    $("layout").classList.remove("with-detail");
    for (const node of document.querySelectorAll(".event-item.selected")) node.classList.remove("selected");
    highlightMarker();
    map.invalidateSize();
    renderTimeline();
    rememberInUrl();
  }

  function renderEventHead(event) {
    $("detail-kicker").textContent = joinPresent([event.disorder_type, event.event_type], " · ");
    $("detail-title").textContent = `${event.sub_event_type || event.event_type || "Event"} in ${event.location || event.admin1 || event.country || "an unknown place"}`;
    $("detail-meta").textContent = joinPresent([
      dateSpan(event),
      joinPresent([event.location, event.admin2, event.admin1, event.country], ", "),
      joinPresent([event.actor1, event.actor2], " vs "),
    ], " · ");
    const badges = clear($("detail-badges"));
    if (event.disputed) badges.appendChild(el("span", { class: "badge disputed", "data-testid": "disputed-badge", text: "disputed" }));
    if (event.fatalities) badges.appendChild(el("span", { class: "badge fatal", text: `${event.fatalities} fatalities` }));
    badges.appendChild(el("span", { class: "badge", text: `${event.sources_independent ?? "?"} independent source${event.sources_independent === 1 ? "" : "s"}` }));
    if (event.supporting_sides && event.supporting_sides.length) {
      badges.appendChild(el("span", { class: "badge", text: `told by: ${event.supporting_sides.join(", ")}` }));
    }
    if (event.geo_precision) badges.appendChild(el("span", { class: "badge", text: `place precision ${event.geo_precision}` }));
    if (event.time_precision) badges.appendChild(el("span", { class: "badge", text: `date precision ${event.time_precision}` }));
    $("detail-notes").textContent = event.notes || "";
  }

  // Who disputes what: claimant -> fields on which its claim differs from another's.
  function disputedFieldsByClaimant(event) {
    const out = new Map();
    for (const dispute of event.disputes || []) {
      for (const value of dispute.values || []) {
        if (!out.has(value.claimed_by)) out.set(value.claimed_by, []);
        out.get(value.claimed_by).push(dispute.field);
      }
    }
    return out;
  }

  function renderClaims(event) {
    const holder = clear($("claims"));
    const disputed = disputedFieldsByClaimant(event);
    const colours = new Map(); // claim_id -> palette index, shared with the highlighted text
    event.claims.forEach((claim, index) => {
      const colour = index % CLAIM_PALETTE_SIZE;
      colours.set(claim.claim_id, colour);
      const fields = disputed.get(claim.claimed_by) || [];
      const actors = joinPresent([claim.actor1, claim.actor2], " vs ");
      const rows = [
        ["outlet", claim.reported_by || "not named"],
        ["via", claim.claim_chain && claim.claim_chain.length > 1 ? claim.claim_chain.join(" ← ") : null],
        ["date", dateSpan(claim)],
        // The event's actors are in its header; a claim's own are shown only where they differ.
        ["actors", actors && actors !== joinPresent([event.actor1, event.actor2], " vs ") ? actors : null],
        ["killed", claim.fatalities ?? null],
        ["disputes", fields.length ? fields.join(", ") : null],
      ].filter(([, value]) => value !== null && value !== undefined);
      const sentence = (claim.evidence || [])[0];
      holder.appendChild(el("article", {
        class: "claim-card" + (fields.length ? " disputed" : ""),
        "data-testid": "claim-card",
        "data-claim-id": claim.claim_id,
        style: { "--claim-colour": `var(--mark-${colour})` },
      },
      el("div", { class: "claimant", "data-testid": "claimant", text: claim.claimed_by || "unattributed" }),
      el("div", { class: "badges" },
        el("span", { class: `badge modality-${claim.modality}`, "data-testid": "modality", text: claim.modality || "asserted" }),
        fields.length ? el("span", { class: "badge disputed", text: "disputed" }) : null),
      el("dl", {}, rows.map(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })])),
      sentence ? el("blockquote", { text: sentence.text }) : null,
      sentence ? el("button", {
        class: "button subtle show-in-text", type: "button", text: "show in article",
        onclick: () => flashEvidence(claim.claim_id),
      }) : null));
    });
    return colours;
  }

  function renderDisputes(event) {
    const holder = clear($("disputes"));
    if (!event.disputes || !event.disputes.length) return;
    holder.appendChild(el("strong", { text: "The claimants disagree on:" }));
    holder.appendChild(el("ul", {}, event.disputes.map((dispute) => el("li", {},
      el("strong", { text: dispute.field }), ": ",
      (dispute.values || []).map((v) => `${v.value ?? "—"} (${v.claimed_by || "unattributed"})`).join(" · ")))));
  }

  /* Evidence in the article. Spans may nest (the place inside the sentence) or overlap (two claims quoting one
   * sentence), so the text is cut at every span boundary and each piece is wrapped in one <mark> that names all
   * the claims covering it. A span inside another span of its own claim is a mention (underlined), the rest are
   * the evidence sentences. */
  function evidenceSpans(text, claims, colours) {
    const spans = [];
    for (const claim of claims) {
      const own = [];
      for (const [index, ev] of (claim.evidence || []).entries()) {
        let { start, end } = ev;
        if (typeof start !== "number" || typeof end !== "number" || text.slice(start, end) !== ev.text) {
          // An offset that does not point at its text (an older store, a re-cleaned document): find the text.
          const at = ev.text ? text.indexOf(ev.text) : -1;
          if (at < 0) continue;
          [start, end] = [at, at + ev.text.length];
        }
        if (end > start) own.push({ start, end, primary: index === 0 });
      }
      for (const span of own) {
        const mention = own.some((o) => o !== span && o.start <= span.start && o.end >= span.end && (o.end - o.start) > (span.end - span.start));
        spans.push({ ...span, claimId: claim.claim_id, colour: colours.get(claim.claim_id) || 0, mention });
      }
    }
    return spans;
  }

  function highlightedText(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) {
        fragment.appendChild(document.createTextNode(piece));
        continue;
      }
      const claimIds = [...new Set(covering.map((s) => s.claimId))];
      const first = covering[0];
      fragment.appendChild(el("mark", {
        class: `ev ev-c${first.colour}` + (covering.some((s) => s.primary) ? " primary" : "") +
          (covering.some((s) => s.mention) ? " mention" : ""),
        "data-claim-id": first.claimId,
        "data-claim-ids": claimIds.join(" "),
        "data-testid": "evidence",
        text: piece,
      }));
    }
    return fragment;
  }

  async function renderDocuments(event, colours) {
    const holder = clear($("documents"));
    const docIds = [...new Set(event.claims.map((c) => c.doc_id).filter(Boolean))];
    const documents = await Promise.all(docIds.map((id) => getJSON(`/api/documents/${encodeURIComponent(id)}`)));
    if (state.selected !== event.event_id) return;
    documents.forEach((doc, index) => {
      const claims = event.claims.filter((c) => c.doc_id === docIds[index]);
      const text = doc.text || "";
      const body = el("div", { class: "doc-text", "data-testid": "document-text", "data-doc-id": docIds[index] });
      body.appendChild(highlightedText(text, evidenceSpans(text, claims, colours)));
      const removed = doc.removed || [];
      holder.appendChild(el("div", { class: "document", "data-testid": "document", "data-doc-id": docIds[index] },
        el("header", {},
          el("div", { class: "doc-title", "data-testid": "document-title", text: doc.title || "(untitled article)" }),
          el("div", { class: "doc-meta" },
            joinPresent([doc.source, doc.published_at ? `published ${doc.published_at}` : null,
              `${claims.length} claim${claims.length === 1 ? "" : "s"} from this article`], " · "),
            " · ",
            el("a", { href: `/api/documents/${encodeURIComponent(docIds[index])}`, target: "_blank", rel: "noopener", text: "JSON" }))),
        body,
        removed.length ? el("details", {},
          el("summary", { text: `What cleaning removed (${removed.length})` }),
          el("ul", {}, removed.map((r) => el("li", { text: `${r.reason || "removed"}: ${r.text || ""}` })))) : null));
      // The claim's own sentence (its first evidence span), not a name it mentions earlier in the article.
      const firstMark = body.querySelector("mark.primary") || body.querySelector("mark");
      if (firstMark) body.scrollTop = Math.max(0, firstMark.offsetTop - body.clientHeight / 3);
    });
  }

  function flashEvidence(claimId) {
    const marks = document.querySelectorAll(`#documents mark[data-claim-ids~="${CSS.escape(claimId)}"]`);
    if (!marks.length) return;
    const target = [...marks].find((mark) => mark.classList.contains("primary")) || marks[0];
    const body = target.closest(".doc-text");
    body.scrollTop = Math.max(0, target.offsetTop - body.clientHeight / 3);
    body.scrollIntoView({ block: "nearest", behavior: "smooth" });
    for (const mark of marks) mark.classList.add("flash");
    setTimeout(() => { for (const mark of marks) mark.classList.remove("flash"); }, 1400);
  }

  function renderControl(event) {
    const holder = clear($("control"));
    const periods = event.control || [];
    if (!periods.length) {
      holder.appendChild(el("p", { class: "none", text: "No change of control is recorded at this place." }));
      return;
    }
    const holders = [...new Set(periods.map((p) => p.holder))];
    const colourOfHolder = (h) => HOLDER_COLOURS[holders.indexOf(h) % HOLDER_COLOURS.length];
    const known = periods.flatMap((p) => [p.since, p.until]).filter(Boolean).map(dayToMs);
    const lo = Math.min(...known);
    const hi = Math.max(...known);
    const pad = Math.max(7 * DAY_MS, (hi - lo) * 0.25);
    const [t0, t1] = [lo - pad, hi + pad];
    const strip = svg("svg", { class: "control-strip", viewBox: "0 0 400 34", preserveAspectRatio: "none", "data-testid": "control-strip" });
    const x = (ms) => (400 * (ms - t0)) / (t1 - t0);
    for (const p of periods) {
      const a = x(p.since ? dayToMs(p.since) : t0);
      const b = x(p.until ? dayToMs(p.until) : t1);
      strip.appendChild(svg("rect", { x: a, y: 4, width: Math.max(1, b - a), height: 24, rx: 3, fill: colourOfHolder(p.holder) },
        svg("title", { text: `${p.holder}: ${p.since || "before"} – ${p.until || "now"}` })));
    }
    holder.appendChild(strip);
    const places = [...new Set(periods.map((p) => joinPresent([p.location, p.admin1, p.country], ", ")))];
    holder.appendChild(el("ul", { class: "control-list" }, periods.map((p) => {
      const claimed = [].concat(p.claimed_by || []);
      const by = claimed.length ? `claimed by ${claimed.join(", ")}` : (p.basis === "implied" ? "implied by the change that ended it" : "");
      return el("li", { class: (p.event_ids || []).includes(event.event_id) ? "this-event" : "" },
        el("span", { class: "swatch", style: { background: colourOfHolder(p.holder) } }),
        el("div", {},
          el("div", {},
            el("strong", { text: p.holder }),
            places.length > 1 ? ` at ${joinPresent([p.location, p.admin1], ", ")}` : "",
            " · ",
            p.since ? (p.until ? `${p.since} – ${p.until}` : `since ${p.since}`) : `until ${p.until || "?"}`,
            p.disputed ? " " : null,
            p.disputed ? el("span", { class: "badge disputed", text: "disputed" }) : null),
          by ? el("div", { class: "by", text: by }) : null));
    })));
  }

  function renderLosses(rows) {
    const holder = clear($("losses"));
    if (!rows.length) {
      holder.appendChild(el("p", { class: "none", text: "No losses are claimed for this event." }));
      return;
    }
    holder.appendChild(el("table", { class: "losses", "data-testid": "losses-table" },
      el("thead", {}, el("tr", {}, ["Claimed by", "Side", "Loss", "Status", "Count"].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows.map((row) => el("tr", {},
        el("td", { text: [].concat(row.claimed_by || "unattributed").join(", ") }),
        el("td", { text: row.side || "—" }),
        el("td", { text: joinPresent([row.category, row.item], ": ") || "—" }),
        el("td", { text: row.status || "—" }),
        el("td", { class: "count", text: row.count ?? "no figure" }))))));
  }

  function renderMergedBecause(event) {
    const holder = clear($("merged-because"));
    const reasons = event.merged_because || [];
    if (!reasons.length) {
      holder.appendChild(el("p", { class: "none", text: event.claims.length > 1 ? "" : "One claim: nothing was merged." }));
      return;
    }
    holder.appendChild(el("ul", {}, reasons.map((r) => el("li", {},
      el("div", { text: `${(r.claim_ids || []).length} claims, score ${r.score ?? "?"}` }),
      el("div", { class: "why", text: Object.entries(r.matched || {}).map(([k, v]) => `${k}: ${v}`).join(" · ") })))));
  }

  /* ---- wiring --------------------------------------------------------------------------------------------- */

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  function bindFilters() {
    const f = state.filters;
    $("filter-type").value = f.type;
    $("filter-country").value = f.country;
    $("filter-actor").value = f.actor;
    $("filter-claimant").value = f.claimant;
    $("filter-disputed").checked = f.disputed;
    const onChange = () => {
      f.type = $("filter-type").value;
      f.country = $("filter-country").value;
      f.actor = $("filter-actor").value;
      f.claimant = $("filter-claimant").value;
      f.disputed = $("filter-disputed").checked;
      refresh();
    };
    const typed = debounce(onChange, 300);
    $("filter-type").addEventListener("change", onChange);
    $("filter-country").addEventListener("change", onChange);
    $("filter-disputed").addEventListener("change", onChange);
    $("filter-actor").addEventListener("input", typed);
    $("filter-claimant").addEventListener("input", typed);
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); onChange(); });
    $("filters").addEventListener("reset", () => { state.range = null; setTimeout(onChange, 0); });
    $("range-clear").addEventListener("click", () => setRange(null));
    $("load-more").addEventListener("click", loadMore);
    $("detail-close").addEventListener("click", closePanel);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.selected) closePanel(); });
    window.addEventListener("resize", debounce(renderTimeline, 150));
  }

  async function start() {
    const chosen = readUrl();
    initMap();
    loadBasemap().catch((error) => showStatus(`The country outlines did not load: ${error.message}`, true));
    try {
      await loadFilterOptions();
    } catch (error) {
      showStatus(error.message, true);
    }
    bindFilters();
    await refresh();
    if (chosen) selectEvent(chosen, { fromList: true });
  }

  start();
})();
