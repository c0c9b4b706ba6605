// Kiosk controller of the Atlas (our own code; no library).
//
// Mounted by components/kiosk/client.py as a Streamlit components.v2 module, it runs in
// the app's page and keeps ONE controller per page (window.__atlasKiosk):
// - idle timer: any touch, click, key or wheel (in the page and in same-origin iframes
//   such as the map) restarts it; near the end a countdown "Toucher pour continuer" shows;
//   at the end the page goes back to the clean kiosk view (reload) and the attract loop
//   starts;
// - attract loop: slides of case studies and départements until someone touches;
// - nothing leaves the kiosk: a tapped link never navigates; external links (and
//   case studies) open an overlay with a QR code drawn from the server's module matrices;
// - self-healing: /_stcore/health is polled; while the server is down a friendly
//   overlay covers Streamlit's error dialog, and when it is back the page reloads to
//   the clean view. An exception left on screen also resets the view.
// Every text coming from the data is set with textContent, never innerHTML.

const KEY = "__atlasKiosk";
const ATTRACT_FLAG = "atlas-kiosk-attract";
const LAST_RESET = "atlas-kiosk-last-reset";
const SVG_NS = "http://www.w3.org/2000/svg";
const ACTIVITY_EVENTS = ["pointerdown", "touchstart", "mousedown", "keydown", "wheel"];
const MAP_CSS = `
.leaflet-touch .leaflet-bar a, .leaflet-bar a { width: 56px !important; height: 56px !important;
  line-height: 56px !important; font-size: 30px !important; }
.leaflet-container a.leaflet-popup-close-button { width: 48px !important; height: 48px !important;
  font: 40px/48px sans-serif !important; }
.leaflet-popup-content { font-size: 18px !important; line-height: 1.4 !important;
  min-width: 320px !important; max-height: 540px; overflow-y: auto; overscroll-behavior: contain; }
.leaflet-popup-content h4 { font-size: 22px !important; padding-right: 40px; }
.leaflet-popup-content a { display: inline-block; box-sizing: border-box; min-height: 48px;
  min-width: 48px; padding: 12px 16px; margin: 3px 2px; line-height: 1.2; border-radius: 24px;
  background: #e8f0f6; color: #0b3954; font-weight: 600; text-decoration: none;
  word-break: break-all; }
.leaflet-container:has(.leaflet-popup) .atlas-legend { display: none; }
.atlas-legend { font-size: 16px !important; max-width: 340px !important; }
.atlas-legend-title { font-size: 17px !important; }
.atlas-legend-unit, .atlas-legend-hint, .atlas-legend-source { font-size: 14px !important; }
.atlas-lever-legend summary { min-height: 48px; line-height: 48px; padding: 0 8px; }
.leaflet-tooltip { font-size: 18px !important; }
.atlas-marker, .marker-cluster { width: 48px !important; height: 48px !important;
  margin-left: -24px !important; margin-top: -24px !important; }
.atlas-marker { display: flex !important; align-items: center; justify-content: center; }
.marker-cluster div { margin: 9px !important; }
* { -webkit-touch-callout: none; -webkit-user-select: none; user-select: none;
  -webkit-tap-highlight-color: transparent; }
`;

export default function (component) {
  const data = (component && component.data) || {};
  const ctrl = window[KEY] || (window[KEY] = createController());
  if (data.static) ctrl.setStatic(data.static);
  if (data.view) ctrl.setView(data.view);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
}

// A QR code as SVG from {n, b}: n x n modules, base64 bits, dark = 1.
function qrSvg(code, size) {
  const n = code.n;
  const raw = atob(code.b);
  const border = 4;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${n + 2 * border} ${n + 2 * border}`);
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("class", "kiosk-qr");
  const bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#ffffff");
  svg.appendChild(bg);
  let d = "";
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const i = y * n + x;
      if (raw.charCodeAt(i >> 3) & (0x80 >> (i & 7))) d += `M${x + border} ${y + border}h1v1h-1z`;
    }
  }
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#0b1f33");
  svg.appendChild(path);
  return svg;
}

function createController() {
  const s = {
    view: null,
    stat: null,
    loadedAt: Date.now(),
    lastActivity: Date.now(),
    touched: false,
    mode: "active", // active | countdown | attract | offline | leaving
    slide: -1,
    slideAt: 0,
    healthFailures: 0,
    healthSlow: 0,
    healthBusy: false,
    healthTimer: null,
    exceptionSince: 0,
    runningSince: 0,
    startAttract: false,
  };
  try {
    if (window.sessionStorage.getItem(ATTRACT_FLAG) === "1") {
      window.sessionStorage.removeItem(ATTRACT_FLAG);
      s.startAttract = true;
    }
  } catch (e) {
    /* storage unavailable: no attract loop after a reset, nothing else changes */
  }

  const root = el("div", "kiosk-root");
  root.id = "kiosk-root";
  document.body.appendChild(root);

  const T = (key) => (s.stat && s.stat.texts[key]) || key;
  const inOverlay = (target) => target && target.closest && target.closest("#kiosk-root");

  // ---------- activity and link interception (page + same-origin iframes) ----------
  function onActivity(ev) {
    if (inOverlay(ev.target)) return; // overlays handle their own touches
    s.lastActivity = Date.now();
    s.touched = true;
  }

  function onClick(ev) {
    const target = ev.target;
    if (!target || !target.closest || inOverlay(target)) return;
    const opener = target.closest("[data-kiosk-initiative],[data-kiosk-case]");
    if (opener) {
      ev.preventDefault();
      ev.stopPropagation();
      if (opener.dataset.kioskInitiative) showInitiative(opener.dataset.kioskDetails);
      else showCaseStudy(opener.dataset.kioskCase);
      return;
    }
    const a = target.closest("a[href]");
    if (!a) return;
    const href = a.getAttribute("href") || "";
    if (href.startsWith("#")) return;
    ev.preventDefault();
    ev.stopPropagation();
    let url;
    try {
      url = new URL(href, a.ownerDocument.baseURI);
    } catch (e) {
      return;
    }
    const slug = /\/etudes-de-cas\/?$/.test(url.pathname) ? url.searchParams.get("cas") : null;
    if (slug && s.stat && s.stat.caseStudies[slug]) showCaseStudy(slug);
    else if (url.origin !== window.location.origin || a.dataset.external) showLink(url.href);
    // Other links inside the app would leave the kiosk view: ignored.
  }

  function onContextMenu(ev) {
    ev.preventDefault(); // long press on a touch screen
  }

  function bindDocument(doc, isFrame) {
    if (!doc || doc.__atlasKioskBound) return;
    doc.__atlasKioskBound = true;
    for (const type of ACTIVITY_EVENTS) {
      doc.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    doc.addEventListener("click", onClick, true);
    doc.addEventListener("auxclick", onClick, true);
    doc.addEventListener("contextmenu", onContextMenu, true);
    if (isFrame && doc.head) {
      const style = doc.createElement("style");
      style.textContent = MAP_CSS;
      doc.head.appendChild(style);
    }
  }

  function bindFrames(doc, depth) {
    for (const frame of doc.querySelectorAll("iframe")) {
      let inner = null;
      try {
        inner = frame.contentDocument;
      } catch (e) {
        inner = null; // cross-origin: nothing to bind (the kiosk loads none)
      }
      if (inner && inner.readyState !== "loading") {
        bindDocument(inner, true);
        if (depth < 2) bindFrames(inner, depth + 1);
      }
    }
  }

  bindDocument(document, false);

  // ---------- overlays ----------
  function clearRoot() {
    root.replaceChildren();
    root.className = "kiosk-root";
  }

  function overlay(kind) {
    clearRoot();
    const layer = el("div", `kiosk-overlay kiosk-${kind}`);
    layer.setAttribute("role", "dialog");
    layer.setAttribute("aria-modal", "true");
    layer.dataset.kiosk = kind;
    root.appendChild(layer);
    return layer;
  }

  function closeOverlay() {
    clearRoot();
    if (s.mode !== "offline" && s.mode !== "leaving") s.mode = "active";
    s.lastActivity = Date.now();
  }

  function closeButton(layer) {
    const button = el("button", "kiosk-close", T("kiosk.qr.close"));
    button.type = "button";
    button.addEventListener("click", (ev) => {
      ev.stopPropagation();
      closeOverlay();
    });
    layer.appendChild(button);
  }

  function panel(kind) {
    const layer = overlay(kind);
    // A tap outside the panel closes it.
    layer.addEventListener("click", (ev) => {
      if (ev.target === layer) closeOverlay();
    });
    const box = el("div", "kiosk-panel");
    layer.appendChild(box);
    s.mode = "active";
    s.lastActivity = Date.now();
    s.touched = true;
    return box;
  }

  function qrFigure(url, host, size) {
    const figure = el("figure", "kiosk-qr-figure");
    const code = s.stat && s.stat.qr[url];
    if (code) figure.appendChild(qrSvg(code, size));
    else figure.appendChild(el("div", "kiosk-qr-missing", T("kiosk.qr.missing")));
    figure.appendChild(el("figcaption", "", host || url));
    figure.dataset.url = url;
    return figure;
  }

  function showLink(url) {
    const box = panel("link");
    box.appendChild(el("h2", "", T("kiosk.qr.title")));
    let host = url;
    try {
      host = new URL(url).hostname.replace(/^www\./, "");
    } catch (e) {
      /* keep the raw text */
    }
    box.appendChild(qrFigure(url, host, 360));
    box.appendChild(el("p", "kiosk-url", url.length > 90 ? url.slice(0, 88) + "…" : url));
    box.appendChild(el("p", "kiosk-help", T("kiosk.qr.help")));
    closeButton(box);
  }

  function sourcesBlock(box, sources) {
    if (!sources || !sources.length) return;
    box.appendChild(el("h3", "", T("kiosk.qr.sources")));
    const grid = el("div", "kiosk-qr-grid");
    for (const src of sources.slice(0, 4)) grid.appendChild(qrFigure(src.url, src.host, 200));
    box.appendChild(grid);
  }

  function showInitiative(json) {
    let item = null;
    try {
      item = JSON.parse(json || "null");
    } catch (e) {
      item = null;
    }
    if (!item) return;
    const box = panel("initiative");
    box.appendChild(el("p", "kiosk-kicker", item.lever));
    box.appendChild(el("h2", "", item.title));
    const meta = [item.place, item.year, item.actor, item.status].filter(Boolean).join(" · ");
    box.appendChild(el("p", "kiosk-meta", meta));
    if (item.description) box.appendChild(el("p", "kiosk-body", item.description));
    if (item.evidence) box.appendChild(el("p", "kiosk-evidence", item.evidence));
    if (item.outcome) box.appendChild(el("p", "kiosk-outcome", item.outcome));
    sourcesBlock(box, item.sources);
    if (item.case_study && s.stat && s.stat.caseStudies[item.case_study]) {
      const more = el("button", "kiosk-action", s.stat.caseStudies[item.case_study].title);
      more.type = "button";
      more.addEventListener("click", () => showCaseStudy(item.case_study));
      box.appendChild(more);
    }
    closeButton(box);
  }

  function showCaseStudy(slug) {
    const cs = s.stat && s.stat.caseStudies[slug];
    if (!cs) return;
    const box = panel("case");
    box.appendChild(el("p", "kiosk-kicker", T("kiosk.attract.case_study")));
    box.appendChild(el("h2", "", cs.title));
    box.appendChild(el("p", "kiosk-meta", cs.subtitle));
    box.appendChild(el("p", "kiosk-body", cs.summary));
    const row = el("div", "kiosk-qr-row");
    row.appendChild(qrFigure(cs.url, T("kiosk.qr.case_study"), 300));
    box.appendChild(row);
    box.appendChild(el("p", "kiosk-help", T("kiosk.qr.help")));
    closeButton(box);
  }

  // ---------- idle countdown ----------
  function showCountdown(remaining) {
    let layer = root.querySelector(".kiosk-countdown");
    if (!layer) {
      layer = overlay("countdown");
      const box = el("div", "kiosk-panel kiosk-countdown-box");
      box.appendChild(el("h2", "", T("kiosk.idle.title")));
      box.appendChild(el("div", "kiosk-countdown-number"));
      box.appendChild(el("p", "kiosk-countdown-text"));
      const go = el("button", "kiosk-action kiosk-continue", T("kiosk.idle.continue"));
      go.type = "button";
      box.appendChild(go);
      layer.appendChild(box);
      layer.addEventListener("click", (ev) => {
        ev.stopPropagation();
        closeOverlay();
      });
      s.mode = "countdown";
    }
    layer.querySelector(".kiosk-countdown-number").textContent = String(remaining);
    layer.querySelector(".kiosk-countdown-text").textContent = fill(T("kiosk.idle.reset_in"), {
      s: remaining,
    });
  }

  // Back to the clean kiosk view with a fresh page (and session). The reason is kept
  // for whoever looks at the kiosk's console (and for the endurance bench).
  function goClean(withAttract, reason) {
    if (!s.view) return;
    s.mode = "leaving";
    try {
      if (withAttract) window.sessionStorage.setItem(ATTRACT_FLAG, "1");
      window.sessionStorage.setItem(LAST_RESET, `${new Date().toISOString()} ${reason}`);
    } catch (e) {
      /* the attract loop then starts after the next timeout */
    }
    console.info(`atlas kiosk: back to the start (${reason})`);
    window.location.replace(window.location.origin + s.view.resetPath);
  }

  function idleTimeout() {
    if (s.touched || !s.view.clean) {
      goClean(true, "idle"); // fresh session, national view, default filters
    } else {
      clearRoot();
      startAttract();
    }
  }

  // ---------- attract loop ----------
  function miniMap(highlight) {
    const svg = document.createElementNS(SVG_NS, "svg");
    const [w, h] = s.stat.mapSize;
    svg.setAttribute("viewBox", `-10 -10 ${w + 20} ${h + 20}`);
    svg.setAttribute("class", "kiosk-minimap");
    const hot = new Set(highlight || []);
    for (const [code, d] of Object.entries(s.stat.paths)) {
      const path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      path.setAttribute("class", hot.has(code) ? "hot" : "");
      svg.appendChild(path);
    }
    return svg;
  }

  function renderSlide() {
    const layer = root.querySelector(".kiosk-attract");
    if (!layer || !s.stat) return;
    const slides = s.stat.slides;
    if (!slides.length) return;
    const slide = slides[s.slide % slides.length];
    const stage = layer.querySelector(".kiosk-stage");
    stage.replaceChildren();
    const card = el("div", "kiosk-slide");
    card.dataset.index = String(s.slide % slides.length);
    card.appendChild(miniMap(slide.highlight));
    const text = el("div", "kiosk-slide-text");
    text.appendChild(el("p", "kiosk-kicker", slide.kind));
    text.appendChild(el("h2", "", slide.title));
    text.appendChild(el("p", "kiosk-meta", slide.subtitle));
    if (slide.figure) {
      const fig = el("div", "kiosk-figure");
      fig.appendChild(el("div", "kiosk-figure-value", slide.figure.value));
      fig.appendChild(el("div", "kiosk-figure-label", slide.figure.label));
      fig.appendChild(
        el("div", "kiosk-figure-france", fill(T("kiosk.portrait.france"), { value: slide.figure.france })),
      );
      text.appendChild(fig);
    }
    text.appendChild(el("p", "kiosk-body", slide.body));
    if (slide.dep) {
      const go = el("button", "kiosk-action kiosk-explore", T("kiosk.attract.see"));
      go.type = "button";
      go.addEventListener("click", (ev) => {
        ev.stopPropagation();
        s.mode = "leaving";
        const sep = s.view.resetPath.includes("?") ? "&" : "?";
        window.location.replace(
          window.location.origin + s.view.resetPath + sep + "dep=" + encodeURIComponent(slide.dep),
        );
      });
      text.appendChild(go);
    }
    card.appendChild(text);
    stage.appendChild(card);
    const dots = layer.querySelector(".kiosk-dots");
    dots.replaceChildren();
    slides.forEach((_, i) => dots.appendChild(el("span", i === s.slide % slides.length ? "on" : "")));
  }

  function startAttract() {
    if (!s.stat || !s.view) return;
    const layer = overlay("attract");
    layer.appendChild(el("div", "kiosk-stage"));
    const call = el("p", "kiosk-call", T("kiosk.attract.call"));
    layer.appendChild(call);
    layer.appendChild(el("div", "kiosk-dots"));
    layer.addEventListener("click", () => {
      closeOverlay();
    });
    s.mode = "attract";
    s.slide = s.slide + 1;
    s.slideAt = Date.now();
    renderSlide();
  }

  // ---------- self-healing ----------
  function showOffline() {
    if (s.mode === "offline") return;
    const layer = overlay("offline");
    const box = el("div", "kiosk-panel");
    box.appendChild(el("h2", "", T("kiosk.offline.title")));
    box.appendChild(el("p", "kiosk-body", T("kiosk.offline.body")));
    layer.appendChild(box);
    s.mode = "offline";
  }

  async function checkHealth() {
    if (!s.view || s.healthBusy || s.mode === "leaving") return;
    s.healthBusy = true;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 4000);
    let result = "down";
    try {
      const response = await fetch(s.view.healthPath, { cache: "no-store", signal: abort.signal });
      result = response.ok ? "ok" : "down";
    } catch (e) {
      result = abort.signal.aborted ? "slow" : "down";
    }
    clearTimeout(timer);
    s.healthBusy = false;
    if (result === "ok") {
      s.healthFailures = 0;
      s.healthSlow = 0;
      if (s.mode === "offline") goClean(false, "server back"); // clean view
      return;
    }
    // A refused connection twice in a row: the server is gone. A slow answer is a busy
    // server, not a dead one: only a minute of them counts as down.
    if (result === "down") s.healthFailures += 1;
    else s.healthSlow += 1;
    if (s.healthFailures >= 2 || s.healthSlow >= 15) showOffline();
  }

  function streamlitLostConnection() {
    // Streamlit's own "Connection error" dialog, if it shows before our poll notices.
    const dialog = document.querySelector("[role='dialog']:not(.kiosk-overlay)");
    return !!(dialog && /connection|connexion/i.test(dialog.textContent || ""));
  }

  // ---------- the clock ----------
  function tick() {
    if (!s.view || s.mode === "leaving") return;
    const now = Date.now();
    bindFrames(document, 0);
    if (s.mode === "offline") return;
    if (streamlitLostConnection()) {
      checkHealth();
    }
    if (document.querySelector("[data-testid='stException']")) {
      s.exceptionSince = s.exceptionSince || now;
      if (now - s.exceptionSince > 10000) return goClean(false, "error on screen");
    } else {
      s.exceptionSince = 0;
    }
    if (s.mode === "attract") {
      if (now - s.slideAt >= s.view.attractSeconds * 1000) {
        s.slide += 1;
        s.slideAt = now;
        renderSlide();
      }
      return;
    }
    // A script run started by a touch counts as activity (a slow run must not reset the
    // view under the visitor's finger), for 30 s at most (a stuck run does not block).
    const app = document.querySelector("[data-testid='stApp']");
    if (app && app.getAttribute("data-test-script-state") === "running") {
      s.runningSince = s.runningSince || now;
      if (now - s.runningSince < 30000) s.lastActivity = Math.max(s.lastActivity, now);
    } else {
      s.runningSince = 0;
    }
    const idle = (now - s.lastActivity) / 1000;
    const limit = s.view.idleSeconds;
    if (idle >= limit) return idleTimeout();
    if (idle >= limit - s.view.countdownSeconds) {
      showCountdown(Math.max(1, Math.ceil(limit - idle)));
    } else if (s.mode === "countdown") {
      closeOverlay();
    }
  }

  function setView(view) {
    const first = !s.view;
    const langChanged = s.view && s.view.lang !== view.lang;
    s.view = view;
    document.documentElement.classList.add("atlas-kiosk");
    if (first) {
      setInterval(tick, 250);
      s.healthTimer = setInterval(checkHealth, view.healthSeconds * 1000);
      if (s.startAttract && s.stat) {
        s.startAttract = false;
        startAttract();
      }
    } else if (langChanged && s.mode === "attract") {
      renderSlide();
    }
  }

  function setStatic(stat) {
    s.stat = stat;
    if (s.startAttract && s.view) {
      s.startAttract = false;
      startAttract();
    } else if (s.mode === "attract") {
      renderSlide();
    }
  }

  return { setStatic, setView, state: s, startAttract, showLink, showCaseStudy };
}
