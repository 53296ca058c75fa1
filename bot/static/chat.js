// Wegweiser chat widget: talks to POST /api/chat and renders Rasa REST messages.
(function () {
  "use strict";
  const log = document.getElementById("wegweiser-log");
  const form = document.getElementById("wegweiser-form");
  const input = document.getElementById("wegweiser-input");
  const storageKey = "wegweiser-sender";
  let sender = sessionStorage.getItem(storageKey);
  if (!sender) {
    sender = "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    sessionStorage.setItem(storageKey, sender);
  }

  function add(role, text) {
    const div = document.createElement("div");
    div.className = "msg " + role;
    div.textContent = text || "";
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function renderButtons(container, buttons) {
    if (!buttons || !buttons.length) return;
    const row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (b) {
      if (b.url) {
        const a = document.createElement("a");
        a.className = "link-button";
        a.href = b.url; a.target = "_blank"; a.rel = "noopener";
        a.textContent = b.title || b.url;
        row.appendChild(a);
      } else {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.addEventListener("click", function () { send(b.payload, b.title); });
        row.appendChild(btn);
      }
    });
    container.appendChild(row);
  }

  async function send(message, shown) {
    add("user", shown || message);
    let response;
    try {
      response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message }),
      });
    } catch (e) {
      add("error", "Keine Verbindung. Bitte versuchen Sie es später erneut.");
      return;
    }
    const body = await response.json().catch(function () { return null; });
    if (!response.ok) {
      add("error", (body && body.detail) || "Es ist ein Fehler aufgetreten.");
      return;
    }
    (body || []).forEach(function (m) {
      const div = add("bot", m.text || "");
      renderButtons(div, m.buttons);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
  document.querySelectorAll("[data-ask]").forEach(function (b) {
    b.addEventListener("click", function () { send(b.dataset.ask); input.focus(); });
  });
  add("bot", "Grüß Gott! Ich bin der Wegweiser des Landratsamts Mühldorf a. Inn. Wobei kann ich helfen?");
})();
