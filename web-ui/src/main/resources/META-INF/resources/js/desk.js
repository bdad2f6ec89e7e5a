// The reviewers' desk, driven from the keyboard: j/k and o on a queue; 1–6, e and Ctrl+Enter on a task; ? for help.
(function () {
  "use strict";
  // Fields that take typed text; a focused radio, checkbox or button leaves every shortcut working.
  const TEXT_INPUTS = new Set(["text", "url", "search", "email", "password", "number", "tel", "date", "datetime-local",
    "month", "time", "week"]);
  const typing = (el) => el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable
    || (el.tagName === "INPUT" && TEXT_INPUTS.has((el.getAttribute("type") || "text").toLowerCase())));

  function rows() {
    return Array.from(document.querySelectorAll("table[data-navigable] tbody tr[data-href]"));
  }

  function select(index) {
    const all = rows();
    if (all.length === 0) return;
    const i = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((r) => r.removeAttribute("aria-selected"));
    all[i].setAttribute("aria-selected", "true");
    all[i].querySelector("a").focus();
  }

  function selected() {
    return rows().findIndex((r) => r.getAttribute("aria-selected") === "true");
  }

  function addEvidence() {
    const rowsOfEvidence = document.querySelectorAll("#evidence .evidence-row");
    if (rowsOfEvidence.length === 0) return;
    const empty = Array.from(rowsOfEvidence).find((r) => r.querySelector("input[name=url]").value === "");
    if (empty) {
      empty.querySelector("input[name=url]").focus();
      return;
    }
    const copy = rowsOfEvidence[rowsOfEvidence.length - 1].cloneNode(true);
    copy.querySelectorAll("input").forEach((i) => { i.value = ""; });
    rowsOfEvidence[rowsOfEvidence.length - 1].after(copy);
    copy.querySelector("input[name=url]").focus();
  }

  function toggleHelp() {
    const help = document.getElementById("shortcuts");
    if (help.open) help.close(); else help.showModal();
  }

  // A changed task reads the queue again and swaps it in place: no reload, the selection kept where it can be.
  function followQueue(queue) {
    const source = new EventSource(queue.dataset.live);
    source.onmessage = (message) => {
      if (JSON.parse(message.data).kind !== "task") return;
      const keep = rows()[selected()];
      fetch(window.location.pathname, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => {
          const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("queue");
          if (!fresh) return;
          queue.replaceChildren(...fresh.childNodes);
          labelStackedCells();
          if (keep) {
            const again = document.getElementById(keep.id);
            if (again) again.setAttribute("aria-selected", "true");
          }
        })
        .catch(() => { /* the next notice tries again */ });
    };
  }

  // On a narrow screen a stacked table shows each value under its column's name.
  function labelStackedCells() {
    document.querySelectorAll("table.stack").forEach((table) => {
      // a column named only for screen readers (an Edit link's) needs no label on screen
      const heads = Array.from(table.querySelectorAll("thead th"))
        .map((th) => (th.querySelector(".visually-hidden") ? "" : th.textContent.trim()));
      table.querySelectorAll("tbody tr").forEach((tr) => {
        Array.from(tr.children).forEach((cell, i) => { if (heads[i] && cell.colSpan === 1) cell.dataset.label = heads[i]; });
      });
    });
  }

  // A verdict being written is kept in this browser as it is typed, so that a lost session or a closed tab loses
  // nothing: the task page restores it when the server sent an empty form, and it goes once the rating is submitted
  // or the reviewer signs out.
  const DRAFT = "claimdesk-draft:";

  function readForm(form) {
    const checked = form.querySelector("input[name=rating]:checked");
    return {
      rating: checked ? checked.value : "",
      explanation: form.querySelector("textarea[name=explanation]").value,
      evidence: Array.from(form.querySelectorAll("#evidence .evidence-row")).map((r) =>
        [r.querySelector("input[name=url]").value, r.querySelector("input[name=excerpt]").value]),
      apart: Object.fromEntries(Array.from(form.querySelectorAll("select[name=apartRating]")).map((s) => [s.id, s.value])),
    };
  }

  function blank(draft) {
    return !draft.rating && !draft.explanation.trim() && draft.evidence.every(([url, excerpt]) => !url && !excerpt)
      && Object.values(draft.apart || {}).every((r) => !r);
  }

  function restore(form, draft) {
    const radio = form.querySelector("input[name=rating][value='" + draft.rating + "']");
    if (radio) radio.checked = true;
    Object.entries(draft.apart || {}).forEach(([id, rating]) => {
      const own = document.getElementById(id);
      if (own && own.name === "apartRating") own.value = rating;
    });
    form.querySelector("textarea[name=explanation]").value = draft.explanation;
    draft.evidence.forEach(([url, excerpt], i) => {
      let rows = form.querySelectorAll("#evidence .evidence-row");
      if (i >= rows.length) {
        const copy = rows[rows.length - 1].cloneNode(true);
        rows[rows.length - 1].after(copy);
        rows = form.querySelectorAll("#evidence .evidence-row");
      }
      rows[i].querySelector("input[name=url]").value = url;
      rows[i].querySelector("input[name=excerpt]").value = excerpt;
    });
    const notice = document.createElement("p");
    notice.className = "notice";
    notice.id = "draft-restored";
    notice.setAttribute("role", "status");
    notice.textContent = "Your unsent draft of this verdict was restored from this browser.";
    form.before(notice);
  }

  function keepDrafts(form) {
    const key = DRAFT + form.dataset.draft;
    try {
      const saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved && !blank(saved) && blank(readForm(form))) restore(form, saved);
      const save = () => {
        const draft = readForm(form);
        if (blank(draft)) localStorage.removeItem(key); else localStorage.setItem(key, JSON.stringify(draft));
      };
      form.addEventListener("input", save);
      form.addEventListener("change", save);
    } catch (e) { /* storage off: the server keeps what a refused submission sent */ }
  }

  function forgetDrafts(which) {
    try {
      Object.keys(localStorage).filter((k) => k.startsWith(DRAFT) && which(k)).forEach((k) => localStorage.removeItem(k));
    } catch (e) { /* storage off */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const done = new URLSearchParams(window.location.search).get("done");
    if (done) forgetDrafts((k) => k.endsWith(":" + done));
    const form = document.querySelector("#verdict-form[data-draft]");
    if (form) keepDrafts(form);
    document.querySelectorAll("form[action='/logout']").forEach((f) => f.addEventListener("submit", () => forgetDrafts(() => true)));
    labelStackedCells();
    const queue = document.querySelector("[data-live]");
    if (queue && window.EventSource) followQueue(queue);
    const claim = document.getElementById("claim");
    if (claim) claim.scrollIntoView({ block: "center" });
    document.querySelectorAll("[data-shortcuts]").forEach((b) => b.addEventListener("click", toggleHelp));
    document.querySelectorAll("[data-add-evidence]").forEach((b) => b.addEventListener("click", addEvidence));
  });

  document.addEventListener("keydown", (event) => {
    const form = document.getElementById("verdict-form");
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && form) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (event.key === "j") { event.preventDefault(); select(selected() + 1); return; }
    if (event.key === "k") { event.preventDefault(); select(selected() < 0 ? 0 : selected() - 1); return; }
    if (event.key === "o") {
      const row = rows()[selected()];
      if (row) { event.preventDefault(); window.location.href = row.dataset.href; }
      return;
    }
    if (form && /^[1-6]$/.test(event.key)) {
      const radio = form.querySelector("input[name=rating][data-key='" + event.key + "']");
      if (radio) { event.preventDefault(); radio.checked = true; radio.focus(); }
      return;
    }
    if (form && event.key === "e") { event.preventDefault(); addEvidence(); }
  });
})();
