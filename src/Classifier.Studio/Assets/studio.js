// Classifier Studio pages. Every text from a model, a file or the user reaches the page through textContent or
// attributes set by the DOM API, never through innerHTML, so a "<script>" in a paragraph or a label stays text.
"use strict";

(function () {
  const page = document.body.dataset.page;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  function percent(p) { return (p * 100).toFixed(1) + "%"; }

  // The Label and Review pages share the value keys of each head ("s pro-serbia, k pro-kosovo | 1 diplomacy, …").
  function keyHelp(heads) {
    return heads.map(h => h.values.map((v, j) => h.keys[j] + " " + v).join(", ")).join(" | ");
  }

  // The head and value a value key picks, or null.
  function valueKey(heads, k) {
    for (let h = 0; h < heads.length; h++) {
      const j = heads[h].keys.indexOf(k);
      if (j >= 0) return { head: h, value: heads[h].values[j] };
    }
    return null;
  }

  // A page's state from its endpoint; on an error the page shows the problem instead of its progress line.
  async function loadState(url, emptyId, progressId) {
    const response = await fetch(url);
    if (response.ok) return await response.json();
    const empty = document.getElementById(emptyId);
    empty.hidden = false;
    empty.textContent = await problemText(response);
    document.getElementById(progressId).hidden = true;
    return null;
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch { return response.status + " " + response.statusText; }
  }

  function markNav() {
    for (const link of document.querySelectorAll("[data-nav]"))
      if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
  }

  async function loadInfo() {
    const response = await fetch("/studio/v1/info");
    if (!response.ok) return null;
    const info = await response.json();
    document.getElementById("model-info").textContent = "model: " + info.model + " (" + info.heads.join(", ") + ")";
    return info;
  }

  // ---- Score -----------------------------------------------------------------------------------------------

  // RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
  function parseCsv(text) {
    const rows = [];
    let row = [], field = "", quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(field); field = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field); field = "";
        if (row.length > 1 || row[0] !== "") rows.push(row);
        row = [];
      } else field += c;
    }
    if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
    return rows;
  }

  function initScore() {
    const form = document.getElementById("score-form");
    const textarea = document.getElementById("article-text");
    const idInput = document.getElementById("article-id");
    const status = document.getElementById("score-status");
    const button = document.getElementById("score-button");
    const fileInput = document.getElementById("article-file");
    const csvChoice = document.getElementById("csv-choice");
    const csvArticle = document.getElementById("csv-article");
    const csvColumn = document.getElementById("csv-column");
    let heads = [];
    let last = null; // { body, json, article, spans }
    let csv = null;   // { name, header, rows }

    loadInfo().then(info => { if (info) heads = info.heads; });

    function say(text, error) {
      status.textContent = text;
      status.classList.toggle("error", !!error);
    }

    function fillCsvArticles() {
      const column = Number(csvColumn.value);
      const idColumn = csv.header.findIndex(h => h === "id" || h === "url");
      csvArticle.replaceChildren();
      csv.rows.forEach((row, i) => {
        const id = idColumn >= 0 && row[idColumn] ? row[idColumn] : csv.name + "#" + (i + 1);
        const preview = (row[column] || "").slice(0, 60);
        csvArticle.append(el("option", { value: String(i), text: id + " — " + preview }));
      });
      pickCsvArticle();
    }

    function pickCsvArticle() {
      const row = csv.rows[Number(csvArticle.value)] || [];
      const idColumn = csv.header.findIndex(h => h === "id" || h === "url");
      textarea.value = row[Number(csvColumn.value)] || "";
      idInput.value = idColumn >= 0 && row[idColumn] ? row[idColumn] : csv.name + "#" + (Number(csvArticle.value) + 1);
    }

    fileInput.addEventListener("change", async () => {
      const file = fileInput.files[0];
      if (!file) return;
      const text = await file.text();
      const base = file.name.replace(/\.[^.]*$/, "");
      if (/\.csv$/i.test(file.name)) {
        const rows = parseCsv(text);
        if (rows.length < 2) { say(file.name + " has no rows under its header", true); return; }
        csv = { name: base, header: rows[0], rows: rows.slice(1) };
        csvColumn.replaceChildren(...csv.header.map((h, i) => el("option", { value: String(i), text: h })));
        const textColumn = csv.header.indexOf("text");
        csvColumn.value = String(textColumn >= 0 ? textColumn : csv.header.length - 1);
        csvChoice.hidden = false;
        fillCsvArticles();
        say(file.name + ": " + csv.rows.length + " articles; choose one and press Score");
      } else {
        csv = null;
        csvChoice.hidden = true;
        textarea.value = text;
        idInput.value = base;
        say(file.name + " loaded; press Score");
      }
    });
    csvColumn.addEventListener("change", fillCsvArticles);
    csvArticle.addEventListener("change", pickCsvArticle);

    textarea.addEventListener("keydown", e => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
    });

    form.addEventListener("submit", async e => {
      e.preventDefault();
      if (!textarea.value.trim()) { say("Paste an article or choose a file first.", true); textarea.focus(); return; }
      const body = { article: textarea.value, id: idInput.value.trim() || "article", explain: true, topK: 1000 };
      button.disabled = true;
      say("Scoring…");
      try {
        const response = await fetch("/v1/predict", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        if (!response.ok) { say(await problemText(response), true); return; }
        const json = await response.text();
        const article = JSON.parse(json)[0];
        const paragraphs = article.paragraphs.map(p => ({
          text: p.text,
          // Character n-grams read as fragments ("_di") and rules have no place in the text: only words are marked.
          terms: heads.flatMap(h => (p[h] && p[h].explanation || []).filter(t => t.kind === "word" || t.kind === "voice").map(t => t.term)),
        }));
        const hl = await fetch("/studio/v1/highlights", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ paragraphs }) });
        if (!hl.ok) { say(await problemText(hl), true); return; }
        last = { body, json, article, spans: (await hl.json()).paragraphs };
        render();
        say(article.paragraphCount + " paragraphs scored.");
        document.getElementById("results-title").focus();
      } catch (error) {
        say("The studio did not answer: " + error.message, true);
      } finally {
        button.disabled = false;
      }
    });

    function download(name, type, content) {
      const url = URL.createObjectURL(new Blob([content], { type }));
      const a = el("a", { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    function fileName(ext) { return (last.article.article.replace(/[^A-Za-z0-9._-]+/g, "-") || "article") + ext; }

    document.getElementById("download-json").addEventListener("click", () => {
      if (last) download(fileName(".json"), "application/json", last.json);
    });
    document.getElementById("download-csv").addEventListener("click", async () => {
      if (!last) return;
      const response = await fetch("/studio/v1/score.csv", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(last.body) });
      if (!response.ok) { say(await problemText(response), true); return; }
      download(fileName(".csv"), "text/csv", await response.text());
    });

    function selectedHead() {
      const checked = document.querySelector("input[name=head]:checked");
      return checked ? checked.value : heads[0];
    }

    function render() {
      const { article } = last;
      document.getElementById("results").hidden = false;
      document.getElementById("results-title").setAttribute("tabindex", "-1");
      const summary = document.getElementById("summary");
      summary.replaceChildren(el("div", {},
        el("h3", { text: "Article" }),
        el("p", { className: "slant", id: "slant", text: "slant " + (article.slant === null || article.slant === undefined ? "n/a" : article.slant.toFixed(4)) }),
        el("p", { text: article.paragraphCount + " paragraphs · " + article.article })));
      for (const head of heads) {
        const distribution = (article.distribution || {})[head] || {};
        const main = ((article.mainLabels || {})[head] || []).join(", ");
        summary.append(el("div", { "data-head": head },
          el("h3", { text: head + (main ? ": " + main : "") }),
          bars(distribution)));
      }
      const choice = document.getElementById("head-choice");
      const current = selectedHead();
      choice.querySelectorAll("label").forEach(l => l.remove());
      for (const head of heads) {
        const input = el("input", { type: "radio", name: "head", value: head });
        input.checked = head === current;
        input.addEventListener("change", renderParagraphs);
        choice.append(el("label", {}, input, " " + head));
      }
      renderParagraphs();
    }

    function bars(distribution) {
      const list = el("ul", { className: "bars" });
      for (const [label, p] of Object.entries(distribution))
        list.append(el("li", { "data-label": label },
          el("span", { className: "bar-label", text: label }),
          el("span", { className: "bar", "aria-hidden": "true" }, barFill(p)),
          el("span", { className: "num", text: percent(p) })));
      return list;
    }

    function barFill(p) {
      const fill = el("span");
      fill.style.width = Math.round(p * 100) + "%";
      return fill;
    }

    function renderParagraphs() {
      const head = selectedHead();
      const list = document.getElementById("paragraphs");
      list.replaceChildren();
      last.article.paragraphs.forEach((p, i) => {
        const explanation = (p[head] && p[head].explanation) || [];
        const contribution = new Map(explanation.map(t => [t.term, t.contribution]));
        const text = el("p", { className: "text" });
        let at = 0;
        for (const span of last.spans[i] || []) {
          if (!contribution.has(span.term) || span.start < at) continue;
          text.append(p.text.slice(at, span.start));
          const c = contribution.get(span.term);
          text.append(el("mark", { className: c >= 0 ? "pos" : "neg", "data-term": span.term, title: span.term + ": " + (c >= 0 ? "+" : "") + c.toFixed(4), text: p.text.slice(span.start, span.end) }));
          at = span.end;
        }
        text.append(p.text.slice(at));
        const headsBox = el("div", { className: "heads" });
        for (const h of heads) {
          const r = p[h];
          if (!r) continue;
          headsBox.append(el("div", { className: "head", "data-head": h },
            el("h4", {}, h + ": ", el("span", { className: "label", text: r.label }), " ", el("span", { className: "confidence", text: percent(r.confidence) })),
            bars(Object.fromEntries((r.top || []).map(t => [t.label, t.probability]))),
            r.explanation && r.explanation.length ? el("p", { className: "terms", text: "terms: " + r.explanation.map(t => t.term + " " + (t.contribution >= 0 ? "+" : "") + t.contribution.toFixed(3)).join(", ") }) : null));
        }
        list.append(el("li", { className: "para panel", tabindex: "0", "data-id": p.id, "aria-label": "Paragraph " + p.index },
          el("div", {}, el("span", { className: "index", text: "¶ " + p.index + " · " + p.id }), text),
          headsBox));
      });
    }
  }

  // ---- Reports ---------------------------------------------------------------------------------------------

  async function initReports() {
    loadInfo();
    const response = await fetch("/studio/v1/reports");
    if (!response.ok) return;
    const data = await response.json();
    if (data.reports.length === 0) {
      document.getElementById("reports-empty").hidden = false;
      document.getElementById("reports-empty-text").textContent = data.configured
        ? "No report.html was found in the --reports folder when the studio started. Write one there and restart the studio:"
        : "No reports folder was given. Write a report and start the studio with --reports pointing at its folder (or one above several):";
      return;
    }
    document.getElementById("reports").hidden = false;
    const list = document.getElementById("report-list");
    const frame = document.getElementById("report-frame");
    const title = document.getElementById("report-title");
    const links = [];
    for (const report of data.reports) {
      const link = el("a", { href: "#" + report.name, "data-name": report.name }, report.title, el("time", { datetime: report.modified, text: new Date(report.modified).toISOString().replace("T", " ").slice(0, 16) + " UTC" }));
      links.push(link);
      list.append(el("li", {}, link));
    }
    function show() {
      const name = decodeURIComponent(location.hash.slice(1));
      const report = data.reports.find(r => r.name === name) || data.reports[0];
      for (const link of links) link.setAttribute("aria-current", link.dataset.name === report.name ? "true" : "false");
      title.replaceChildren(report.title + " · ", el("a", { href: report.url, target: "_blank", rel: "noopener", text: "open alone" }));
      frame.src = report.url;
    }
    window.addEventListener("hashchange", show);
    show();
  }

  // ---- Label -----------------------------------------------------------------------------------------------

  // One key per value, the terminal labeller's: a head's key picks its value, and once every head has one the
  // answer is saved. Enter/a fills the heads not chosen yet from the suggestion, x skips, u undoes, c goes to the
  // note, b to the earlier answers (Tab, Enter to change one), Esc leaves a change.
  async function initLabel() {
    loadInfo();
    let state = null, chosen = [], editing = null, busy = false;
    const status = document.getElementById("label-status");
    const note = document.getElementById("note");

    function say(text, error) { status.textContent = text || ""; status.className = error ? "status error" : "status"; }

    async function call(method, path, body) {
      const response = await fetch("/studio/v1/label" + path, {
        method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(await problemText(response));
      return response.json();
    }

    function showProgress(p) {
      document.getElementById("progress-line").textContent = p.labelled + " labelled · " + p.remaining + " remaining · this session: "
        + p.answered + " answered, " + p.skipped + " skipped";
      const counts = document.getElementById("counts");
      counts.replaceChildren();
      for (const [head, values] of Object.entries(p.counts))
        counts.append(el("span", { text: head + ": " + Object.entries(values).map(([v, n]) => v + " " + n).join(", ") }));
    }

    // Retraining runs in the server's background; while it does, the line is refreshed until it ends.
    let retrainPoll = null;
    function showRetraining(r) {
      const line = document.getElementById("retrain-line");
      if (!r) { line.hidden = true; return; }
      line.hidden = false;
      line.classList.toggle("running", r.running);
      line.textContent = !r.enabled ? (r.message || "retraining is off")
        : (r.running ? "retraining… · " : "") + "retrained " + r.retrained + " time" + (r.retrained === 1 ? "" : "s") + " (every " + r.every + " answers)"
          + (r.message ? " · last: " + r.message : "") + (r.savedTo ? " · saved to " + r.savedTo : " · kept in memory (no --save-model)");
      if (r.running && !retrainPoll)
        retrainPoll = setTimeout(async () => {
          retrainPoll = null;
          try { const next = await call("GET", "/retraining"); if (state) state.retraining = next; showRetraining(next); } catch { /* shown on the next answer */ }
        }, 2000);
    }

    function suggestionLine(s) {
      const parts = state.heads.map((h, i) => s.labels[i] == null ? null : h.name + " " + s.labels[i] + " " + percent(s.confidences[i])).filter(x => x);
      return s.source + ": " + (parts.length ? parts.join(" · ") : "nothing") + (s.detail ? " (" + s.detail + ")" : "");
    }

    function paragraphShown() { return editing || (state && state.paragraph); }

    function render() {
      showProgress(state.progress);
      showRetraining(state.retraining);
      const p = paragraphShown();
      const task = document.getElementById("task");
      const empty = document.getElementById("label-empty");
      task.hidden = !p;
      empty.hidden = !!p;
      empty.textContent = p ? "" : "Nothing left to label in " + state.labelsFile + ": every paragraph is answered or skipped. Earlier answers can still be changed below.";
      task.classList.toggle("editing", !!editing);
      document.getElementById("cancel-button").hidden = !editing;
      if (!p) return;
      document.getElementById("task-title").replaceChildren((editing ? "Changing " : "Paragraph ") , el("span", { id: "para-id", text: p.id }));
      document.getElementById("para-prev").textContent = editing ? "" : p.previous || "";
      document.getElementById("para-text").textContent = p.text;
      document.getElementById("para-next").textContent = editing ? "" : p.next || "";
      const list = document.getElementById("suggestions");
      list.replaceChildren();
      if (editing) list.append(el("li", { text: "current answer: " + editing.labels.join(" · ") + (editing.note ? " (note: " + editing.note + ")" : "") }));
      else {
        if (p.model) list.append(el("li", { className: "model", text: suggestionLine(p.model) }));
        if (p.rules) list.append(el("li", { className: "rules", text: suggestionLine(p.rules) }));
        if (!p.model && !p.rules) list.append(el("li", { text: "no suggestion" }));
      }
      const accept = editing ? editing.labels : p.accept;
      const heads = document.getElementById("heads");
      heads.replaceChildren();
      state.heads.forEach((h, i) => {
        const set = el("fieldset", { "data-head": h.name }, el("legend", { text: h.name }));
        h.values.forEach((v, j) => {
          const b = el("button", { type: "button", "data-value": v, "aria-pressed": String(chosen[i] === v), tabindex: "-1" }, el("kbd", { text: h.keys[j] }), " " + v);
          if (accept[i] === v) b.classList.add("suggested");
          b.addEventListener("click", () => choose(i, v));
          set.append(b);
        });
        heads.append(set);
      });
    }

    async function refreshAnswers() {
      const data = await call("GET", "/answers");
      const list = document.getElementById("answers");
      list.replaceChildren();
      for (const a of data.answers) {
        const b = el("button", { type: "button", "data-id": a.id, text: "change" });
        b.addEventListener("click", () => {
          editing = { id: a.id, text: a.text, labels: a.labels, note: a.note };
          chosen = state.heads.map(() => null);
          note.value = a.note;
          render();
          say("changing " + a.id + ": pick new labels with the keys; Esc leaves the change");
          b.blur();
        });
        list.append(el("li", { "data-id": a.id }, b, el("span", { className: "labels", text: a.labels.join(" · ") }), " ", el("span", { text: a.text })));
      }
    }

    async function act(work) {
      if (busy) return;
      busy = true;
      try {
        const next = await work();
        if (next) {
          state = next;
          say(next.message + (next.notices.length ? " — " + next.notices.join("; ") : ""));
        }
        await refreshAnswers();
      } catch (e) {
        say(e.message, true);
        // Another tab may have answered it: show what is current now.
        try { state = await call("GET", ""); } catch { /* keep the page as it was */ }
      } finally {
        busy = false;
        render();
      }
    }

    function labelsObject() { const o = {}; state.heads.forEach((h, i) => { o[h.name] = chosen[i]; }); return o; }

    function save() {
      const p = paragraphShown();
      const body = { id: p.id, labels: labelsObject(), note: note.value };
      const wasEditing = editing;
      chosen = state.heads.map(() => null);
      editing = null;
      note.value = "";
      act(() => call("POST", wasEditing ? "/change" : "/answer", body));
    }

    function choose(i, v) {
      if (!paragraphShown()) return;
      chosen[i] = v;
      if (chosen.every(c => c != null)) save(); else render();
    }

    function acceptSuggestion() {
      const p = paragraphShown();
      if (!p) return;
      const accept = editing ? editing.labels : p.accept;
      state.heads.forEach((h, i) => { if (chosen[i] == null) chosen[i] = accept[i]; });
      const missing = state.heads.findIndex((h, i) => chosen[i] == null);
      if (missing >= 0) { render(); say("no suggestion for " + state.heads[missing].name + ": choose it with a key", true); return; }
      save();
    }

    function cancelChange() { editing = null; chosen = state.heads.map(() => null); note.value = ""; say("change left"); render(); }

    document.getElementById("accept-button").addEventListener("click", acceptSuggestion);
    document.getElementById("skip-button").addEventListener("click", () => { const p = state && state.paragraph; if (p && !editing) { chosen = state.heads.map(() => null); act(() => call("POST", "/skip", { id: p.id })); } });
    document.getElementById("undo-button").addEventListener("click", () => { editing = null; chosen = state.heads.map(() => null); act(() => call("POST", "/undo", {})); });
    document.getElementById("cancel-button").addEventListener("click", cancelChange);
    note.addEventListener("keydown", e => {
      if (e.key === "Enter" || e.key === "Escape") { e.preventDefault(); note.blur(); }
    });
    document.addEventListener("keydown", e => {
      if (!state || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target;
      if (target === note || target.tagName === "INPUT" || target.tagName === "TEXTAREA") return;
      // Enter on a focused button (an earlier answer's "change") is that button's, not accept.
      if ((e.key === "Enter" || e.key === " ") && target.tagName === "BUTTON") return;
      const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (k === "Escape") { if (editing) cancelChange(); return; }
      if (k === "b") { const first = document.querySelector("#answers button"); if (first) { e.preventDefault(); first.focus(); } else say("no earlier answers this session"); return; }
      if (k === "c") { if (paragraphShown()) { e.preventDefault(); note.focus(); } return; }
      if (k === "Enter" || k === "a") { e.preventDefault(); acceptSuggestion(); return; }
      if (k === "x") { e.preventDefault(); document.getElementById("skip-button").click(); return; }
      if (k === "u") { e.preventDefault(); document.getElementById("undo-button").click(); return; }
      const picked = valueKey(state.heads, k);
      if (picked) { e.preventDefault(); choose(picked.head, picked.value); }
    });

    state = await loadState("/studio/v1/label", "label-empty", "progress");
    if (!state) return;
    chosen = state.heads.map(() => null);
    const help = keyHelp(state.heads);
    say("keys: " + help + " | Enter/a accept | x skip | u undo | c note | b earlier answers");
    await refreshAnswers();
    render();
  }

  // ---- Review ----------------------------------------------------------------------------------------------

  // One paragraph the annotators disagree on at a time: each value's key (the Label page's) picks the adjudicated
  // value of its head; heads the annotators agree on start with their value, so once every head has one the
  // answer is saved (one key when one head differs). x goes to the next disagreement, c to the note, Tab/Enter in
  // the list reviews another one (an adjudicated one is changed), Esc leaves a change.
  async function initReview() {
    loadInfo();
    let state = null, currentId = null, chosen = [], busy = false;
    const status = document.getElementById("review-status");
    const note = document.getElementById("review-note");

    function say(text, error) { status.textContent = text || ""; status.className = error ? "status error" : "status"; }

    async function call(method, path, body) {
      const response = await fetch("/studio/v1/review" + path, {
        method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(await problemText(response));
      return response.json();
    }

    function item(id) { return state.items.find(i => i.id === id) || null; }
    function current() { return currentId == null ? null : item(currentId); }

    // The first paragraph not adjudicated yet after the given one (wrapping), else none.
    function nextOpen(afterId) {
      const items = state.items;
      const start = afterId == null ? 0 : items.findIndex(i => i.id === afterId) + 1;
      for (let k = 0; k < items.length; k++) {
        const i = items[(start + k) % items.length];
        if (!i.adjudicated && i.id !== afterId) return i.id;
      }
      return null;
    }

    function pick(id) {
      currentId = id;
      const i = current();
      chosen = i ? state.heads.map((h, k) => i.disagrees[k] ? null : i.agreed[k]) : [];
      note.value = i && i.adjudicated ? i.adjudicatedNote || "" : "";
    }

    function renderAgreement() {
      document.getElementById("agreement-measure").textContent = state.measure + ".";
      const body = document.querySelector("#agreement tbody");
      body.replaceChildren();
      for (const pair of state.agreement)
        for (const h of pair.heads)
          body.append(el("tr", { "data-pair": pair.first + "|" + pair.second, "data-head": h.head },
            el("td", { text: pair.first + " · " + pair.second }), el("td", { text: h.head }), el("td", { className: "num", text: String(h.count) }),
            el("td", { className: "num agreement-value", text: h.percentAgreement == null ? "-" : percent(h.percentAgreement) }),
            el("td", { className: "num kappa", text: h.kappa == null ? "-" : h.kappa.toFixed(3) })));
    }

    function renderList() {
      const list = document.getElementById("review-list");
      list.replaceChildren();
      for (const i of state.items) {
        const b = el("button", { type: "button", "data-id": i.id, text: i.adjudicated ? "change" : "review" });
        b.addEventListener("click", () => { pick(i.id); render(); say((i.adjudicated ? "changing " : "reviewing ") + i.id); b.blur(); });
        const li = el("li", { "data-id": i.id }, b,
          el("span", { className: "labels", text: i.adjudicated ? i.adjudicated.join(" · ") : "open" }), " ", el("span", { text: i.id + ": " + i.text }));
        if (i.adjudicated) li.classList.add("done");
        if (i.id === currentId) li.classList.add("current");
        list.append(li);
      }
    }

    function render() {
      const p = state.progress;
      document.getElementById("review-line").textContent = p.disagreements + " disagreements of " + state.annotators.join(", ") + " · "
        + p.adjudicated + " adjudicated · " + p.remaining + " to go · into " + state.adjudicatedFile;
      renderAgreement();
      renderList();
      const i = current();
      const task = document.getElementById("review-task");
      const empty = document.getElementById("review-empty");
      task.hidden = !i;
      empty.hidden = !!i;
      empty.textContent = i ? "" : state.items.length === 0
        ? "The annotators agree on every paragraph they both labelled: nothing to adjudicate."
        : "Every disagreement is adjudicated in " + state.adjudicatedFile + ". Change one from the list below.";
      if (!i) return;
      const changing = !!i.adjudicated;
      task.classList.toggle("editing", changing);
      document.getElementById("review-cancel").hidden = !changing;
      document.getElementById("review-title").replaceChildren(changing ? "Changing " : "Paragraph ", el("span", { id: "review-id", text: i.id }));
      document.getElementById("review-text").textContent = i.text || "(no text: give the paragraphs with --texts)";
      const votes = document.getElementById("votes");
      votes.replaceChildren();
      for (const v of i.votes) {
        const li = el("li", { "data-annotator": v.annotator }, el("span", { className: "who", text: v.annotator }));
        state.heads.forEach((h, k) => {
          li.append(el("span", { className: "vote" + (i.disagrees[k] ? " differs" : ""), "data-head": h.name, text: h.name + " " + (v.labels[k] || "–") }), " ");
        });
        if (v.note) li.append(el("span", { className: "vnote", text: "note: " + v.note }));
        votes.append(li);
      }
      if (changing) votes.append(el("li", { className: "adjudicated", text: "adjudicated: " + i.adjudicated.join(" · ") + (i.adjudicatedNote ? " (note: " + i.adjudicatedNote + ")" : "") }));
      const heads = document.getElementById("review-heads");
      heads.replaceChildren();
      state.heads.forEach((h, k) => {
        const set = el("fieldset", { "data-head": h.name, className: i.disagrees[k] ? "differs" : "" }, el("legend", { text: h.name }));
        h.values.forEach((value, j) => {
          const who = i.votes.filter(v => v.labels[k] === value).map(v => v.annotator);
          const b = el("button", { type: "button", "data-value": value, "aria-pressed": String(chosen[k] === value), tabindex: "-1" },
            el("kbd", { text: h.keys[j] }), " " + value, who.length ? el("span", { className: "picked", text: "(" + who.join(", ") + ")" }) : null);
          if (who.length) b.classList.add("suggested");
          b.addEventListener("click", () => choose(k, value));
          set.append(b);
        });
        heads.append(set);
      });
    }

    async function act(work) {
      if (busy) return;
      busy = true;
      try {
        const next = await work();
        state = next;
        say(next.message + (next.notices.length ? " — " + next.notices.join("; ") : ""));
        pick(nextOpen(currentId));
      } catch (e) {
        say(e.message, true);
        // Another tab may have adjudicated it: show what is current now.
        try { state = await call("GET", ""); pick(current() && !current().adjudicated ? currentId : nextOpen(currentId)); } catch { /* keep the page */ }
      } finally {
        busy = false;
        render();
      }
    }

    function save() {
      const i = current();
      const labels = {};
      state.heads.forEach((h, k) => { labels[h.name] = chosen[k]; });
      const body = { id: i.id, labels, note: note.value };
      act(() => call("POST", i.adjudicated ? "/change" : "/answer", body));
    }

    function choose(k, value) {
      if (!current()) return;
      chosen[k] = value;
      if (chosen.every(c => c != null)) save(); else render();
    }

    document.getElementById("review-next").addEventListener("click", () => {
      const next = nextOpen(currentId);
      if (next == null) { say("no other disagreement is open"); return; }
      pick(next); render();
    });
    document.getElementById("review-cancel").addEventListener("click", () => { pick(nextOpen(currentId)); say("change left"); render(); });
    note.addEventListener("keydown", e => {
      if (e.key === "Enter" || e.key === "Escape") { e.preventDefault(); note.blur(); }
    });
    document.addEventListener("keydown", e => {
      if (!state || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target;
      if (target === note || target.tagName === "INPUT" || target.tagName === "TEXTAREA") return;
      if ((e.key === "Enter" || e.key === " ") && target.tagName === "BUTTON") return;
      const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const i = current();
      if (k === "Escape") { if (i && i.adjudicated) document.getElementById("review-cancel").click(); return; }
      if (k === "x") { e.preventDefault(); document.getElementById("review-next").click(); return; }
      if (k === "c") { if (i) { e.preventDefault(); note.focus(); } return; }
      const picked = valueKey(state.heads, k);
      if (picked) { e.preventDefault(); choose(picked.head, picked.value); }
    });

    state = await loadState("/studio/v1/review", "review-empty", "review-progress");
    if (!state) return;
    pick(nextOpen(null));
    const help = keyHelp(state.heads);
    say("keys: " + help + " | x next | c note | Tab to the list, Enter to review one");
    render();
  }

  markNav();
  if (page === "score") initScore();
  else if (page === "reports") initReports();
  else if (page === "label") initLabel();
  else if (page === "review") initReview();
})();
