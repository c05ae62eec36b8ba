// Hromada dev chat: simulated residents talk to the bot through /dev/api/messages.
// Residents and their transcripts live in this browser's localStorage only.
"use strict";

(() => {
  const api = "/dev/api/messages";
  const pollMilliseconds = 700;
  const maxPhotoDataUrlBytes = 40 * 1024;
  const kamianske = { latitude: 48.5167, longitude: 34.6167 };
  const store = {
    residents: "hromada.dev.residents",
    current: "hromada.dev.current",
    transcript: (userId) => `hromada.dev.transcript.${userId}`,
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    residentList: $("resident-list"),
    addResident: $("add-resident"),
    residentName: $("resident-name"),
    residentLanguage: $("resident-language"),
    title: $("chat-title"),
    status: $("chat-status"),
    messages: $("messages"),
    composer: $("composer"),
    text: $("message-text"),
    photo: $("photo-input"),
    locationPanel: $("location-panel"),
    latitude: $("location-latitude"),
    longitude: $("location-longitude"),
  };

  const load = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
  };
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  let residents = load(store.residents, []);
  let current = residents.find((r) => r.userId === localStorage.getItem(store.current)) ?? null;
  let polling = false;

  function randomId(prefix, digits) {
    const bytes = crypto.getRandomValues(new Uint8Array(digits));
    return prefix + Array.from(bytes, (b) => (b % 10).toString()).join("");
  }

  function transcript(resident) { return load(store.transcript(resident.userId), []); }

  function lastBotId(resident) {
    return transcript(resident).reduce((max, entry) => (entry.from === "bot" && entry.id > max ? entry.id : max), 0);
  }

  function append(resident, entry) {
    const entries = transcript(resident);
    if (entry.from === "bot" && entries.some((e) => e.from === "bot" && e.id === entry.id)) return false;
    entries.push(entry);
    save(store.transcript(resident.userId), entries);
    return true;
  }

  function addResident(name, languageCode) {
    const resident = { userId: randomId("r", 10), name, languageCode, phone: randomId("+38050", 7) };
    residents.push(resident);
    save(store.residents, residents);
    select(resident);
  }

  function select(resident) {
    current = resident;
    localStorage.setItem(store.current, resident.userId);
    renderResidents();
    renderTranscript();
    ui.text.focus();
  }

  function renderResidents() {
    ui.residentList.replaceChildren(...residents.map((resident) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.testid = `resident-${resident.userId}`;
      button.dataset.userId = resident.userId;
      button.className = resident === current ? "active" : "";
      button.title = `userId: ${resident.userId}`;
      const avatar = document.createElement("span");
      avatar.className = "avatar";
      avatar.textContent = resident.name.slice(0, 1).toUpperCase();
      const name = document.createElement("span");
      name.textContent = `${resident.name} (${resident.languageCode})`;
      button.append(avatar, name);
      button.addEventListener("click", () => select(resident));
      item.append(button);
      return item;
    }));
    ui.title.textContent = current ? current.name : "Оберіть або додайте мешканця";
    ui.composer.classList.toggle("disabled", !current);
  }

  function renderTranscript() {
    ui.messages.replaceChildren(...(current ? transcript(current).map(renderEntry) : []));
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  /** Stores the entry and, when its resident is on screen, shows it below the others. */
  function record(resident, entry) {
    if (!append(resident, entry) || resident !== current) return;
    ui.messages.append(renderEntry(entry));
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function renderEntry(entry) {
    const bubble = document.createElement("div");
    bubble.className = `message ${entry.from}`;
    bubble.dataset.testid = entry.from === "bot" ? "bot-message" : "my-message";
    if (entry.from === "bot") bubble.dataset.id = entry.id;

    const image = entry.photoUrl ?? entry.photo;
    if (image && /^(https?:|data:image\/)/.test(image)) {
      const img = document.createElement("img");
      img.src = image;
      img.alt = "";
      bubble.append(img);
    } else if (image) {
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = `📷 ${image}`;
      bubble.append(meta);
    }

    bubble.append(document.createTextNode(entry.text ?? ""));

    if (entry.document) {
      const link = document.createElement("a");
      link.className = "document";
      link.dataset.testid = "bot-document";
      link.download = entry.document.fileName;
      link.href = `data:${entry.document.contentType};base64,${entry.document.base64}`;
      link.textContent = `📄 ${entry.document.fileName}`;
      link.title = "Download";
      bubble.append(document.createElement("br"), link);
    }

    if (entry.buttons?.length) {
      const rows = document.createElement("div");
      rows.className = "buttons";
      for (const row of entry.buttons) {
        const rowElement = document.createElement("div");
        rowElement.className = "row";
        for (const button of row) {
          const element = document.createElement("button");
          element.type = "button";
          element.dataset.testid = "bot-button";
          element.dataset.data = button.data;
          element.textContent = button.label;
          element.addEventListener("click", () => send({ buttonData: button.data }, button.label));
          rowElement.append(element);
        }
        rows.append(rowElement);
      }
      bubble.append(rows);
    }

    if (entry.requestsContact) {
      const share = document.createElement("button");
      share.type = "button";
      share.className = "share-contact";
      share.dataset.testid = "share-contact";
      share.textContent = `📞 ${entry.contactButtonLabel ?? "Поділитися номером"}`;
      share.title = "Share phone number";
      share.addEventListener("click", () =>
        send({ contact: { phoneNumber: current.phone } }, `📞 ${current.phone}`));
      bubble.append(share);
    }

    if (entry.requestsLocation) {
      // The page has no GPS to share: the button opens the location panel, filled with the test point.
      const share = document.createElement("button");
      share.type = "button";
      share.className = "share-location";
      share.dataset.testid = "share-location";
      share.textContent = entry.locationButtonLabel ?? "📍";
      share.title = "Share location";
      share.addEventListener("click", () => {
        ui.locationPanel.hidden = false;
        ui.latitude.focus();
      });
      bubble.append(share);
    }

    return bubble;
  }

  function showStatus(text) { ui.status.textContent = text; }

  /** Shows the resident's message at once (so replies land below it); takes it back if the bot refused it. */
  async function send(content, echo) {
    if (!current) return;
    const resident = current;
    const entry = { from: "me", key: randomId("m", 12), text: echo, photo: content.photo };
    record(resident, entry);
    const body = { userId: resident.userId, name: resident.name, languageCode: resident.languageCode, ...content };
    try {
      const response = await fetch(api, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        unrecord(resident, entry);
        showStatus(problem.detail ?? problem.title ?? `Помилка ${response.status}`);
        return;
      }
      showStatus("");
      poll();
    } catch {
      unrecord(resident, entry);
      showStatus("Немає зв'язку з ботом");
    }
  }

  function unrecord(resident, entry) {
    save(store.transcript(resident.userId), transcript(resident).filter((e) => e.key !== entry.key));
    if (resident === current) renderTranscript();
  }

  async function poll() {
    if (!current || polling) return;
    polling = true;
    const resident = current;
    try {
      const response = await fetch(`${api}?userId=${encodeURIComponent(resident.userId)}&after=${lastBotId(resident)}`);
      if (!response.ok) throw new Error(String(response.status));
      const replies = await response.json();
      for (const reply of replies) record(resident, { from: "bot", ...reply });
      if (ui.status.textContent === "Немає зв'язку з ботом") showStatus("");
    } catch {
      showStatus("Немає зв'язку з ботом");
    } finally {
      polling = false;
    }
  }

  ui.addResident.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = ui.residentName.value.trim();
    if (!name) return;
    addResident(name, ui.residentLanguage.value);
    ui.residentName.value = "";
  });

  ui.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.text.value.trim();
    if (!text) return;
    ui.text.value = "";
    send({ text }, text);
  });

  $("toggle-location").addEventListener("click", () => { ui.locationPanel.hidden = !ui.locationPanel.hidden; });
  $("location-preset").addEventListener("click", () => {
    ui.latitude.value = kamianske.latitude;
    ui.longitude.value = kamianske.longitude;
  });
  $("location-send").addEventListener("click", () => {
    const location = { latitude: Number(ui.latitude.value), longitude: Number(ui.longitude.value) };
    ui.locationPanel.hidden = true;
    send({ location }, `📍 ${location.latitude}, ${location.longitude}`);
  });

  ui.photo.addEventListener("change", () => {
    const file = ui.photo.files[0];
    ui.photo.value = "";
    if (!file) return;
    if (file.size > maxPhotoDataUrlBytes) {
      send({ photo: file.name }, "");
      return;
    }
    const reader = new FileReader();
    reader.onload = () => send({ photo: reader.result }, "");
    reader.readAsDataURL(file);
  });

  renderResidents();
  renderTranscript();
  setInterval(poll, pollMilliseconds);
  poll();
})();
