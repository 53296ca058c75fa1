/* Wegweiser chat loader (docs/widget.md). Embed with one tag, no inline script needed:
 *   <script src="https://HOST/widget.js" data-title="…" data-lang="de|en"
 *           data-color="#005a9c" data-position="right|left" defer></script>
 * Draws a launcher button in a shadow root and, once opened, an iframe of
 * HOST/widget where the chat lives: what citizens type never enters the host page's
 * document. No cookies; no request to anyone but HOST. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__wegweiser) return;
  window.__wegweiser = true;
  var origin = new URL(script.src, location.href).origin;
  var data = script.dataset;
  var lang = data.lang === "en" ? "en" : "de";
  var left = data.position === "left";
  var color = /^#[0-9a-fA-F]{6}$/.test(data.color || "") && contrast(data.color) >= 4.5
    ? data.color : "#005a9c";
  var title = (data.title || "").slice(0, 60);
  var t = lang === "en"
    ? { open: "Questions? Chat with us", close: "Close chat", frame: "Wegweiser – chat assistant" }
    : { open: "Fragen? Zum Chat", close: "Chat schließen", frame: "Wegweiser – Chat-Assistent" };
  var KEY = "wegweiser-open";
  var CONVERSATION = "wegweiser-conversation";
  var side = left ? "left" : "right";
  var css =
    "*{box-sizing:border-box}" +
    ".launcher{all:initial;position:fixed;" + side + ":16px;bottom:16px;z-index:2147483646;" +
    "display:flex;align-items:center;gap:8px;min-height:48px;max-width:calc(100vw - 32px);" +
    "padding:10px 18px;border-radius:24px;background:" + color + ";color:#fff;" +
    "font:600 16px/1.25 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;cursor:pointer;" +
    "box-shadow:0 2px 10px rgba(0,0,0,.35);border:2px solid #fff}" +
    ".launcher:focus-visible{outline:3px solid #1b1b1b;outline-offset:3px;" +
    "box-shadow:0 0 0 6px #fff}" +
    ".dot{display:inline-block;width:18px;height:14px;border-radius:4px;background:#fff;" +
    "position:relative;flex:none}" +
    ".dot:after{content:'';position:absolute;left:4px;bottom:-5px;border:5px solid transparent;" +
    "border-top-color:#fff;border-bottom:0}" +
    ".panel{position:fixed;" + side + ":16px;bottom:80px;z-index:2147483647;" +
    "width:min(400px,calc(100vw - 32px));height:min(620px,calc(100vh - 96px));" +
    "border-radius:10px;overflow:hidden;background:#fff;box-shadow:0 6px 24px rgba(0,0,0,.35)}" +
    ".panel[hidden]{display:none}" +
    "iframe{all:initial;display:block;width:100%;height:100%;border:0}" +
    "@media (max-width:480px),(max-height:420px){.panel{top:0;left:0;right:0;bottom:0;" +
    "width:100%;height:100%;border-radius:0}.open .launcher{display:none}}" +
    "@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s}" +
    ".launcher:hover{transform:translateY(-2px)}}";

  function contrast(hex) {  // contrast ratio of white text on `hex` (WCAG 2.1)
    var c = [1, 3, 5].map(function (i) {
      var v = parseInt(hex.substr(i, 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 1.05 / (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] + 0.05);
  }

  function el(name, cls) {
    var node = document.createElement(name);
    if (cls) node.className = cls;
    return node;
  }

  function init() {
    var host = document.createElement("wegweiser-chat");
    // The host element itself is reachable by the page's CSS: pin what could hide it.
    ["display:block", "position:static", "width:0", "height:0", "margin:0", "padding:0",
      "border:0", "visibility:visible", "opacity:1", "transform:none", "filter:none"]
      .forEach(function (rule) {
        var parts = rule.split(":");
        host.style.setProperty(parts[0], parts[1], "important");
      });
    var root = host.attachShadow({ mode: "open" });
    var wrap = el("div");
    if (window.CSSStyleSheet && "adoptedStyleSheets" in root) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);  // CSSOM: allowed by strict host CSPs without 'unsafe-inline'
      root.adoptedStyleSheets = [sheet];
    } else {
      var style = el("style");
      style.textContent = css;
      root.appendChild(style);
    }
    var launcher = el("button", "launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "wegweiser-panel");
    var icon = el("span", "dot");
    icon.setAttribute("aria-hidden", "true");
    var label = el("span");
    label.textContent = title || t.open;
    launcher.appendChild(icon);
    launcher.appendChild(label);
    var panel = el("div", "panel");
    panel.id = "wegweiser-panel";
    panel.hidden = true;
    wrap.appendChild(panel);
    wrap.appendChild(launcher);
    root.appendChild(wrap);
    document.body.appendChild(host);

    var frame = null;
    var ready = false;
    var focusWhenReady = false;

    function remembered() {
      try { return sessionStorage.getItem(CONVERSATION); } catch (e) { return null; }
    }

    function post(message) {
      if (frame && ready) frame.contentWindow.postMessage(message, origin);
    }

    function open(focus) {
      if (!frame) {
        frame = el("iframe");
        frame.title = title ? title + " – " + t.frame : t.frame;
        var query = "?lang=" + lang + "&color=" + encodeURIComponent(color) +
          (title ? "&title=" + encodeURIComponent(title) : "");
        frame.src = origin + "/widget" + query;
        panel.appendChild(frame);
      }
      panel.hidden = false;
      wrap.className = "open";
      launcher.setAttribute("aria-expanded", "true");
      label.textContent = t.close;
      try { sessionStorage.setItem(KEY, "1"); } catch (e) { /* storage off: no memory */ }
      if (focus) {
        if (ready) { frame.focus(); post({ wegweiser: "focus" }); } else focusWhenReady = true;
      }
    }

    function close() {
      panel.hidden = true;
      wrap.className = "";
      launcher.setAttribute("aria-expanded", "false");
      label.textContent = title || t.open;
      try { sessionStorage.removeItem(KEY); } catch (e) { /* storage off */ }
      launcher.focus();
    }

    launcher.addEventListener("click", function () {
      if (panel.hidden) open(true); else close();
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) close();
    });
    window.addEventListener("message", function (event) {
      if (!frame || event.origin !== origin || event.source !== frame.contentWindow) return;
      var message = event.data && event.data.wegweiser;
      if (message === "ready") {
        ready = true;
        // The iframe may not keep storage (third-party storage blocked): it gets back the
        // conversation id only; the conversation itself stays inside the iframe.
        if (event.data.resume) post({ wegweiser: "resume", sender: remembered() });
        if (focusWhenReady) { focusWhenReady = false; frame.focus(); post({ wegweiser: "focus" }); }
      } else if (message === "sender" && /^[A-Za-z0-9_.:-]{1,64}$/.test(event.data.sender)) {
        try { sessionStorage.setItem(CONVERSATION, event.data.sender); } catch (e) { /* off */ }
      } else if (message === "close") {
        close();
      }
    });
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(KEY) === "1"; } catch (e) { /* storage off */ }
    if (wasOpen) open(false);
  }

  if (document.body) init(); else document.addEventListener("DOMContentLoaded", init);
})();
