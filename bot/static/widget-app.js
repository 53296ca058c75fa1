/* The chat inside the iframe (/widget): POST /api/chat, renders Rasa REST messages.
 * Bot text is only ever set through textContent; URLs become links built from DOM nodes.
 * The conversation (random id + what is shown) lives in this origin's sessionStorage,
 * so it survives navigating between pages of the embedding site in the same tab. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") === "en" ? "en" : "de";
  var TEXT = {
    de: {
      title: "Wegweiser", label: "Ihre Frage", send: "Senden", close: "Chat schließen",
      placeholder: "Ihre Frage, z. B. „Auto abmelden“", log: "Gesprächsverlauf",
      typing: "Wegweiser schreibt", slow: "Das dauert gerade länger als sonst", privacy: "Datenschutz", a11y: "Barrierefreiheit",
      note: "Automatischer Assistent · Antworten ohne Gewähr · ",
      intro: "Grüß Gott! Ich bin Wegweiser, ein automatischer Assistent des Landratsamts " +
        "Mühldorf a. Inn – kein Mensch. Ich helfe Ihnen, das passende Verfahren und Formular " +
        "zu finden. Meine Antworten sind ohne Gewähr. Bitte geben Sie keine persönlichen " +
        "Daten ein. Gespräche werden ohne personenbezogene Daten gespeichert und nach " +
        "90 Tagen gelöscht. Mehr in den Datenschutzhinweisen: ",
      introLink: "Datenschutzhinweise",
      offline: "Keine Verbindung zum Assistenten. Bitte versuchen Sie es gleich noch einmal " +
        "oder wenden Sie sich an den Bürgerservice des Landratsamts Mühldorf a. Inn.",
      failed: "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.",
      helpful: "hilfreich", notHelpful: "nicht hilfreich", you: "Sie", bot: "Wegweiser",
    },
    en: {
      title: "Wegweiser", label: "Your question", send: "Send", close: "Close chat",
      placeholder: "Your question, e.g. “deregister my car”", log: "Conversation",
      typing: "Wegweiser is typing", slow: "This is taking longer than usual", privacy: "Privacy", a11y: "Accessibility",
      note: "Automated assistant · no guarantee · ",
      intro: "Hello! I am Wegweiser, an automated assistant of the district office " +
        "Mühldorf a. Inn – not a person. I help you find the right procedure and form. My " +
        "answers come without guarantee. Please do not enter personal data. Conversations " +
        "are stored without personal data and deleted after 90 days. More in the privacy " +
        "notice: ",
      introLink: "Privacy notice",
      offline: "No connection to the assistant. Please try again shortly or contact the " +
        "citizens' service of the district office Mühldorf a. Inn.",
      failed: "Sorry, that did not work. Please try again.",
      helpful: "helpful", notHelpful: "not helpful", you: "You", bot: "Wegweiser",
    },
  }[lang];
  // The server answers, or gives its outage reply, within WEGWEISER_RASA_TIMEOUT_SECONDS
  // (8 s); past this the web app itself is hung or unreachable.
  var TIMEOUT_MS = 10000;
  var SLOW_MS = 4000;
  var LOG_KEY = "wegweiser-log";
  var SENDER_KEY = "wegweiser-sender";
  var URL_RE = /https?:\/\/[^\s<>"'()\[\]{}]+/g;

  var $ = function (id) { return document.getElementById(id); };
  var log = $("ww-log"), form = $("ww-form"), input = $("ww-input"), sendButton = $("ww-send");
  var typing = $("ww-typing");
  var busy = false;
  var entries = [];

  function store(key, value) {
    try { sessionStorage.setItem(key, value); } catch (e) { /* storage off or full */ }
  }
  function load(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }

  function newSender() {
    var id = window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    return "web-" + id;
  }
  var SENDER_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
  // Browsers that block storage in third-party frames (current Chromium, when a site
  // embeds us) deny it here; then the loader keeps only the conversation id for us and
  // the visible conversation comes back from the server (POST /api/chat/history, which
  // answers this page only, never the host page's scripts).
  var ownStorage = (function () {
    try {
      sessionStorage.setItem("wegweiser-probe", "1");
      sessionStorage.removeItem("wegweiser-probe");
      return true;
    } catch (e) { return false; }
  })();
  var embedded = parent !== window;
  var sender = ownStorage ? load(SENDER_KEY) : null;
  function ensureSender() {
    if (sender && SENDER_RE.test(sender)) return;
    sender = newSender();
    store(SENDER_KEY, sender);
    if (!ownStorage && embedded) parent.postMessage({ wegweiser: "sender", sender: sender }, "*");
  }
  if (ownStorage || !embedded) ensureSender();

  function applyTexts() {
    document.documentElement.lang = lang;
    var title = (params.get("title") || "").slice(0, 60) || TEXT.title;
    $("ww-title").textContent = title;
    document.title = title + " – Chat";
    $("ww-close").setAttribute("aria-label", TEXT.close);
    $("ww-label").textContent = TEXT.label;
    input.placeholder = TEXT.placeholder;
    sendButton.textContent = TEXT.send;
    log.setAttribute("aria-label", TEXT.log);
    var note = $("ww-note"), privacy = $("ww-privacy"), a11y = $("ww-a11y");
    privacy.textContent = TEXT.privacy;
    a11y.textContent = TEXT.a11y;
    note.textContent = TEXT.note;
    note.appendChild(privacy);
    note.appendChild(document.createTextNode(" · "));
    note.appendChild(a11y);
    var color = params.get("color") || "";
    if (/^#[0-9a-fA-F]{6}$/.test(color) && contrast(color) >= 4.5) {
      document.documentElement.style.setProperty("--ww-color", color);  // CSSOM: CSP-safe
    }
  }

  function contrast(hex) {  // contrast ratio of white on `hex` (WCAG 2.1)
    var c = [1, 3, 5].map(function (i) {
      var v = parseInt(hex.substr(i, 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 1.05 / (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] + 0.05);
  }

  function safeUrl(raw) {
    try {
      var url = new URL(raw, location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) { return null; }
  }

  function link(href, text, cls) {
    var a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = text;
    if (cls) a.className = cls;
    return a;
  }

  // Text with the URLs in it as links; everything else as text nodes (never HTML).
  function appendText(node, text) {
    var last = 0;
    text.replace(URL_RE, function (match, offset) {
      var url = match.replace(/[.,;:!?]+$/, "");
      var href = safeUrl(url);
      if (!href) return match;
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      node.appendChild(link(href, url));
      last = offset + url.length;
      return match;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function isFeedback(payload) { return /^\/feedback\b/.test(payload || ""); }

  function renderButtons(div, buttons, live) {
    if (!buttons || !buttons.length) return;
    var row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (b) {
      if (!b || typeof b !== "object") return;
      var title = String(b.title || b.url || b.payload || "");
      var href = b.url ? safeUrl(String(b.url)) : null;
      if (href) {
        row.appendChild(link(href, title, "link"));
      } else if (b.payload) {
        var btn = document.createElement("button");
        btn.type = "button";
        if (isFeedback(b.payload)) {
          var thumb = document.createElement("span");
          thumb.setAttribute("aria-hidden", "true");
          thumb.textContent = /yes|ja/i.test(b.payload) ? "👍" : "👎";
          btn.appendChild(thumb);
          btn.appendChild(document.createTextNode(title));
        } else {
          btn.textContent = title;
        }
        if (!live) btn.disabled = true;  // old choices after a reload: shown, not sent again
        btn.addEventListener("click", function () {
          if (send(String(b.payload), title)) {
            row.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
            input.focus();
          }
        });
        row.appendChild(btn);
      }
    });
    div.appendChild(row);
  }

  function add(entry, live) {
    var div = document.createElement("div");
    div.className = "msg " + entry.role;
    var who = document.createElement("span");
    who.className = "vh";
    who.textContent = (entry.role === "user" ? TEXT.you : TEXT.bot) + ": ";
    div.appendChild(who);
    appendText(div, String(entry.text || ""));
    renderButtons(div, entry.buttons, live);
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  function record(entry) {
    entries.push(entry);
    if (entries.length > 200) entries = entries.slice(-200);
    store(LOG_KEY, JSON.stringify(entries));
    add(entry, true);
  }

  function intro() {
    var div = document.createElement("div");
    div.className = "msg bot intro";
    div.appendChild(document.createTextNode(TEXT.intro));
    div.appendChild(link(new URL("/datenschutz", location.href).href, TEXT.introLink));
    div.appendChild(document.createTextNode("."));
    log.appendChild(div);
  }

  function setBusy(value) {
    busy = value;
    typing.textContent = value ? TEXT.typing : "";
    sendButton.setAttribute("aria-disabled", value ? "true" : "false");
  }

  function botMessages(list, role) {
    (Array.isArray(list) ? list : []).forEach(function (m) {
      if (!m || typeof m !== "object") return;
      if (!m.text && !(m.buttons && m.buttons.length)) return;
      record({ role: role, text: String(m.text || ""),
        buttons: Array.isArray(m.buttons) ? m.buttons : [] });
    });
  }

  // Returns false when a turn is still under way (double submit): nothing is sent.
  function send(message, shown) {
    if (busy) return false;
    ensureSender();
    setBusy(true);
    record({ role: "user", text: shown || message });
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    var slow = setTimeout(function () { typing.textContent = TEXT.slow; }, SLOW_MS);
    fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message }),
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (response.ok) {
          botMessages(body, "bot");
        } else if (body && Array.isArray(body.messages) && body.messages.length) {
          botMessages(body.messages, "error");  // outage (503) or rate limit (429)
        } else {
          record({ role: "error", text: (body && typeof body.detail === "string" && body.detail)
            || TEXT.failed });
        }
      });
    }).catch(function () {
      record({ role: "error", text: TEXT.offline });
    }).then(function () {
      clearTimeout(timer);
      clearTimeout(slow);
      setBusy(false);
    });
    return true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;  // kept in the field while a turn is under way
    input.value = "";
    send(text);
  });
  $("ww-close").addEventListener("click", function () {
    parent.postMessage({ wegweiser: "close" }, "*");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") parent.postMessage({ wegweiser: "close" }, "*");
  });
  window.addEventListener("message", function (event) {
    if (event.source !== parent || !event.data) return;
    if (event.data.wegweiser === "focus") input.focus();
    if (event.data.wegweiser === "resume" && !ownStorage && !sender) {
      var known = String(event.data.sender || "");
      if (SENDER_RE.test(known)) { sender = known; restore(); } else ensureSender();
    }
  });

  function restore() {
    fetch("/api/chat/history", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender }), credentials: "omit",
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        var old = body && Array.isArray(body.entries) ? body.entries : [];
        if (!old.length || entries.length) return;  // nothing, or the citizen went on
        entries = old;
        old.forEach(function (entry, i) { add(entry, i === old.length - 1); });
      }).catch(function () { /* no history: the conversation simply goes on */ });
  }

  applyTexts();
  intro();
  try { entries = JSON.parse(load(LOG_KEY) || "[]"); } catch (e) { entries = []; }
  if (!Array.isArray(entries)) entries = [];
  entries.forEach(function (entry, i) { add(entry, i === entries.length - 1); });
  if (embedded) parent.postMessage({ wegweiser: "ready", resume: !ownStorage }, "*");
})();
