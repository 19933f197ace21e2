/* eventwire web UI. Plain JavaScript, no framework. Every piece of article text reaches the page through
   text nodes (textContent / createTextNode), never through innerHTML, so markup in an article shows as text. */
"use strict";

const QUAD = {
  1: { name: "verbal cooperation", color: "#2b8cbe" },
  2: { name: "material cooperation", color: "#1a9850" },
  3: { name: "verbal conflict", color: "#f39c12" },
  4: { name: "material conflict", color: "#c0392b" },
};
const SVGNS = "http://www.w3.org/2000/svg";

// -- small DOM helpers ---------------------------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function main() { return document.getElementById("main"); }

function show(...nodes) {
  const m = main();
  m.replaceChildren();
  append(m, nodes);
}

function errorBox(err) {
  return h("p", { class: "error", role: "alert" }, String(err && err.message ? err.message : err));
}

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function api(path, options) {
  const res = await fetch(path, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const e = body && body.error ? body.error : { status: res.status, code: "error", message: res.statusText };
    throw new ApiError(e.status, e.code, e.message);
  }
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.filter(Boolean).forEach((x) => u.append(k, x));
    else if (v !== null && v !== undefined && v !== "" && v !== false) u.append(k, v);
  }
  const t = u.toString();
  return t ? "?" + t : "";
}

function actorNames(list) {
  return (list || []).map((a) => a.name || a.id).join(" + ") || "—";
}

function actorCodes(list) {
  return (list || []).map((a) => a.cameo || a.country || "").filter(Boolean).join("+");
}

function eventDate(e) { return (e.date && e.date.value) || e.published || ""; }

function quadBadge(q) {
  return h("span", { class: "quad quad-" + q, title: (QUAD[q] || {}).name || "" }, String(q));
}

function legend() {
  return h("div", { class: "legend" },
    Object.entries(QUAD).map(([k, v]) => {
      const el = h("span", {}, `${k} ${v.name}`);
      el.style.setProperty("--c", v.color);
      return el;
    }));
}

function evidenceLink(e, label) {
  return h("a", { href: `/ui/article/${e.article_id}#ev-${encodeURIComponent(e.id)}`, class: "evidence" },
    label || "evidence");
}

function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") out[el.name] = el.checked ? "true" : "";
    else out[el.name] = el.value.trim();
  }
  return out;
}

// -- article view (shared by the stored article page and the paste page) -------------------------------------------

/* Every highlightable item: {kind, start, end, ...}. The text is cut at every boundary (and at sentence edges, so a
   selected event can light its sentence); each piece is a span whose classes say which kinds cover it. */
function collectItems(rec) {
  const items = [];
  const actors = new Map((rec.actors || []).map((a) => [a.id, a]));
  (rec.quotes || []).forEach((q) => items.push({ kind: "quote", start: q.start, end: q.end, quote: q }));
  const covered = new Set();
  (rec.actors || []).forEach((a) => (a.mentions || []).forEach((m) => {
    covered.add(m.start + ":" + m.end);
    items.push({ kind: "mention", start: m.start, end: m.end, actor: a, text: m.text });
  }));
  (rec.entities || []).forEach((e) => {
    if (e.actor && covered.has(e.start + ":" + e.end)) return; // the mention already stands for it
    items.push({ kind: "entity", start: e.start, end: e.end, entity: e, actor: actors.get(e.actor) || null });
  });
  (rec.times || []).forEach((t) => items.push({ kind: "time", start: t.start, end: t.end, time: t }));
  (rec.places || []).forEach((p) => items.push({ kind: "place", start: p.start, end: p.end, place: p }));
  (rec.events || []).forEach((ev) => items.push({ kind: "trigger", start: ev.trigger.start, end: ev.trigger.end,
    event: ev }));
  return items.filter((it) => Number.isInteger(it.start) && Number.isInteger(it.end) && it.end > it.start);
}

function renderText(rec, items) {
  const text = rec.text || "";
  const cuts = new Set([0, text.length]);
  items.forEach((it) => { cuts.add(it.start); cuts.add(it.end); });
  (rec.events || []).forEach((ev) => { if (ev.sentence) { cuts.add(ev.sentence.start); cuts.add(ev.sentence.end); } });
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const box = h("div", { class: "article-text", "data-testid": "article-text" });
  const segs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cover = [];
    items.forEach((it, idx) => { if (it.start <= a && it.end >= b) cover.push(idx); });
    const kinds = [...new Set(cover.map((idx) => items[idx].kind))];
    const span = h("span", { class: "seg" + (cover.length ? " hl " + kinds.map((k) => "k-" + k).join(" ") : "") });
    span.textContent = text.slice(a, b);
    span.dataset.start = a;
    span.dataset.end = b;
    if (cover.length) span.dataset.items = cover.join(",");
    box.appendChild(span);
    segs.push(span);
  }
  return { box, segs };
}

function describe(it, rec) {
  const rows = [];
  const dl = (pairs) => h("dl", {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  const actorsById = new Map((rec.actors || []).map((a) => [a.id, a]));
  if (it.kind === "mention" || (it.kind === "entity" && it.actor)) {
    const a = it.actor;
    const others = (a.mentions || []).filter((m) => m.start !== it.start);
    rows.push(h("h3", {}, `Actor: ${a.name}`));
    rows.push(dl([["kind", a.kind], ["CAMEO", a.cameo], ["country", a.country], ["sector", a.sector],
      ["role", a.role], ["mentions", String((a.mentions || []).length)]]));
    if (others.length) {
      rows.push(h("div", { class: "muted" }, "Other mentions:"));
      rows.push(h("ul", { class: "mentions" }, others.slice(0, 30).map((m) =>
        h("li", {}, h("a", { href: "#", dataset: { jump: m.start } }, `“${m.text}”`), ` at ${m.start}`))));
    }
  } else if (it.kind === "entity") {
    const e = it.entity;
    rows.push(h("h3", {}, `Entity: ${e.text}`));
    rows.push(dl([["label", e.label], ["country", e.country]]));
  } else if (it.kind === "quote") {
    const q = it.quote;
    const sp = actorsById.get(q.speaker);
    rows.push(h("h3", {}, q.direct ? "Direct quote" : "Reported speech"));
    rows.push(dl([["speaker", sp ? `${sp.name}${sp.cameo ? " (" + sp.cameo + ")" : ""}` : (q.speaker_text || "unknown")],
      ["cue", q.cue], ["characters", `${q.start}–${q.end}`]]));
  } else if (it.kind === "time") {
    const t = it.time;
    rows.push(h("h3", {}, `Time: ${t.text}`));
    rows.push(dl([["resolved", t.value || "unresolved"], ["granularity", t.granularity]]));
  } else if (it.kind === "place") {
    const p = it.place;
    rows.push(h("h3", {}, `Place: ${p.text}`));
    rows.push(dl([["name", p.name], ["country", p.country],
      ["coordinates", p.lat !== null && p.lat !== undefined ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : ""]]));
  } else if (it.kind === "trigger") {
    rows.push(eventDetails(it.event, rec));
  }
  return h("div", { class: "item" }, rows);
}

function eventDetails(ev, rec) {
  const byId = new Map((rec.actors || []).map((a) => [a.id, a]));
  const names = (ids) => (ids || []).map((x) => {
    const a = byId.get(x);
    return a ? `${a.name}${a.cameo ? " (" + a.cameo + ")" : ""}` : x;
  }).join(" + ") || "—";
  const flags = [ev.negated ? "negated" : "", ev.hypothetical ? "hypothetical" : ""].filter(Boolean).join(", ");
  return h("div", {},
    h("h3", {}, `Event ${ev.cameo}`, " ", quadBadge(ev.quad_class)),
    h("dl", {},
      h("dt", {}, "trigger"), h("dd", {}, `“${ev.trigger.text}”`),
      h("dt", {}, "source"), h("dd", {}, names(ev.source)),
      h("dt", {}, "target"), h("dd", {}, names(ev.target)),
      h("dt", {}, "CAMEO"), h("dd", {}, `${ev.cameo} (root ${ev.cameo_root})`),
      h("dt", {}, "PLOVER"), h("dd", {}, [ev.plover, ev.plover_mode].filter(Boolean).join(" / ") || "—"),
      h("dt", {}, "Goldstein"), h("dd", {}, String(ev.goldstein)),
      h("dt", {}, "quad class"), h("dd", {}, (QUAD[ev.quad_class] || {}).name || String(ev.quad_class)),
      h("dt", {}, "date"), h("dd", {}, ev.date ? `${ev.date.value} (${ev.date.granularity}, “${ev.date.text}”)` : "—"),
      h("dt", {}, "place"), h("dd", {}, ev.location ? `${ev.location.name}${ev.location.country ? ", " + ev.location.country : ""}` : "—"),
      flags ? [h("dt", {}, "flags"), h("dd", {}, flags)] : null,
      h("dt", {}, "confidence"), h("dd", {}, String(ev.confidence))));
}

function renderArticle(rec, opts) {
  opts = opts || {};
  const items = collectItems(rec);
  const { box, segs } = renderText(rec, items);
  const details = h("div", { class: "details", "data-testid": "details" },
    h("p", { class: "muted" }, "Point at or click a highlighted span to see its codes, date and place."));
  const evList = h("ul", { class: "events-list", "data-testid": "event-list" });
  const byId = new Map((rec.actors || []).map((a) => [a.id, a]));
  let pinned = false;

  function clearMarks() {
    segs.forEach((sg) => sg.classList.remove("selected", "same-actor", "in-sentence"));
    evList.querySelectorAll("li.active").forEach((li) => li.classList.remove("active"));
  }

  function markRange(start, end, cls) {
    segs.forEach((sg) => {
      if (+sg.dataset.start >= start && +sg.dataset.end <= end) sg.classList.add(cls);
    });
  }

  function showItems(idxs) {
    details.replaceChildren();
    const sorted = idxs.map((i) => items[i]).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    sorted.forEach((it) => details.appendChild(describe(it, rec)));
  }

  function selectSegment(sg, pin) {
    const idxs = (sg.dataset.items || "").split(",").filter(Boolean).map(Number);
    if (!idxs.length) return;
    clearMarks();
    showItems(idxs);
    const sorted = idxs.map((i) => items[i]).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const top = sorted[0];
    markRange(top.start, top.end, "selected");
    const actor = sorted.map((it) => it.actor).find(Boolean);
    if (actor) (actor.mentions || []).forEach((m) => markRange(m.start, m.end, "same-actor"));
    const ev = sorted.map((it) => it.event).find(Boolean);
    if (ev && ev.sentence) markRange(ev.sentence.start, ev.sentence.end, "in-sentence");
    pinned = pin;
  }

  function selectEvent(ev, li, scroll) {
    clearMarks();
    details.replaceChildren(h("div", { class: "item" }, eventDetails(ev, rec)));
    if (ev.sentence) markRange(ev.sentence.start, ev.sentence.end, "in-sentence");
    markRange(ev.trigger.start, ev.trigger.end, "selected");
    if (li) li.classList.add("active");
    pinned = true;
    if (scroll) {
      const first = segs.find((sg) => +sg.dataset.start >= ev.trigger.start);
      if (first) first.scrollIntoView({ block: "center" });
      if (li) li.scrollIntoView({ block: "nearest" });
    }
  }

  box.addEventListener("mouseover", (e) => {
    const sg = e.target.closest(".seg.hl");
    if (sg && !pinned) selectSegment(sg, false);
  });
  box.addEventListener("click", (e) => {
    const sg = e.target.closest(".seg.hl");
    if (sg) selectSegment(sg, true);
    else { pinned = false; clearMarks(); }
  });
  details.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-jump]");
    if (!a) return;
    e.preventDefault();
    const sg = segs.find((x) => +x.dataset.start >= +a.dataset.jump);
    if (sg) { sg.scrollIntoView({ block: "center" }); selectSegment(sg, true); }
  });

  const liById = new Map();
  (rec.events || []).forEach((ev) => {
    const src = (ev.source || []).map((x) => (byId.get(x) || { name: x }).name).join(" + ") || "—";
    const tgt = (ev.target || []).map((x) => (byId.get(x) || { name: x }).name).join(" + ") || "—";
    const li = h("li", { id: "ev-" + ev.id, dataset: { event: ev.id } },
      quadBadge(ev.quad_class), " ", h("span", { class: "code" }, ev.cameo), " ",
      ev.plover ? h("span", { class: "muted" }, ev.plover) : null, h("br"),
      `${src} → ${tgt}`, h("br"),
      h("span", { class: "muted" }, `“${ev.trigger.text}” · ${ev.date ? ev.date.value : "no date"}` +
        (ev.location ? ` · ${ev.location.name}` : "")),
      ev.negated ? h("span", { class: "flag" }, "negated") : null,
      ev.hypothetical ? h("span", { class: "flag" }, "hypothetical") : null);
    li.addEventListener("click", () => { selectEvent(ev, li, true); history.replaceState(null, "", "#ev-" + ev.id); });
    evList.appendChild(li);
    liById.set(ev.id, [ev, li]);
  });
  if (!(rec.events || []).length) evList.appendChild(h("li", { class: "muted" }, "No events found in this article."));

  const counts = `${(rec.actors || []).length} actors · ${(rec.quotes || []).length} quotes · ` +
    `${(rec.events || []).length} events · ${(rec.places || []).length} places · ${(rec.times || []).length} times`;
  const key = h("div", { class: "key" }, h("span", { class: "k-mention" }, "actor"),
    h("span", { class: "k-entity" }, "entity"), h("span", { class: "k-quote" }, "quote"),
    h("span", { class: "k-trigger" }, "event trigger"), h("span", { class: "k-time" }, "time"),
    h("span", { class: "k-place" }, "place"));
  const layout = h("div", { class: "article-layout" },
    h("div", {},
      h("h1", { "data-testid": "article-title" }, rec.title || "(untitled article)"),
      h("div", { class: "meta" }, [rec.published ? `published ${rec.published}` : "no publication date",
        rec.outlet, rec.url ? h("a", { href: rec.url, rel: "noopener noreferrer nofollow" }, rec.url) : null,
        rec.id ? `id ${rec.id}` : null].filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]))),
      h("div", { class: "meta" }, counts), key, box),
    h("aside", { class: "side" },
      h("div", { class: "panel" }, h("h2", {}, "Selected"), details),
      h("div", { class: "panel" }, h("h2", {}, `Events (${(rec.events || []).length})`), evList)));

  function fromHash() {
    const m = /^#ev-(.+)$/.exec(location.hash);
    if (m && liById.has(decodeURIComponent(m[1]))) {
      const [ev, li] = liById.get(decodeURIComponent(m[1]));
      selectEvent(ev, li, true);
    }
  }
  if (opts.followHash) {
    window.addEventListener("hashchange", fromHash);
    setTimeout(fromHash, 0);
  }
  return layout;
}

// -- pages ---------------------------------------------------------------------------------------------------------

const pages = {};

pages.home = async function () {
  const params = new URLSearchParams(location.search);
  const q = params.get("q");
  const offset = +(params.get("offset") || 0);
  const nodes = [];
  if (q) {
    document.querySelector("form.search input").value = q;
    try {
      const res = await api("/search" + qs({ q, limit: 50 }));
      nodes.push(h("h1", {}, `Search: ${q}`), h("p", { class: "muted" }, `${res.total} matches`));
      nodes.push(h("ul", { class: "hits" }, res.items.map((hit) => h("li", {},
        h("a", { href: `/ui/article/${hit.article_id}` }, hit.title || hit.article_id), " ",
        h("span", { class: "muted" }, `${hit.published || ""} · ${hit.kind}${hit.speaker ? " (" + hit.speaker + ")" : ""}`),
        h("div", {}, hit.snippet)))));
    } catch (e) { nodes.push(errorBox(e)); }
    show(nodes);
    return;
  }
  const [facets, arts] = await Promise.all([api("/facets"), api("/articles" + qs({ limit: 50, offset }))]);
  const c = facets.counts;
  nodes.push(h("h1", {}, "Articles"),
    h("div", { class: "cards" }, ["articles", "events", "actors", "quotes"].map((k) =>
      h("div", { class: "card" }, h("b", {}, String(c[k])), k))));
  if (!arts.total) {
    nodes.push(h("p", { class: "notice" }, "The store is empty. Ingest articles with `eventwire ingest FILES`, or try ",
      h("a", { href: "/ui/paste" }, "pasting an article"), "."));
  } else {
    nodes.push(h("table", { class: "data", "data-testid": "articles" },
      h("thead", {}, h("tr", {}, ["published", "title", "outlet", "actors", "quotes", "events"].map((x) => h("th", {}, x)))),
      h("tbody", {}, arts.items.map((a) => h("tr", {},
        h("td", {}, a.published || ""), h("td", {}, h("a", { href: `/ui/article/${a.id}` }, a.title || a.id)),
        h("td", {}, a.outlet || ""), h("td", {}, String(a.actors)), h("td", {}, String(a.quotes)),
        h("td", {}, String(a.events)))))));
    nodes.push(pager(arts, (off) => "/ui/" + qs({ offset: off })));
  }
  show(nodes);
};

function pager(pg, hrefFor) {
  const from = pg.total ? pg.offset + 1 : 0;
  const to = pg.offset + pg.items.length;
  return h("div", { class: "pager" },
    pg.offset > 0 ? h("a", { href: hrefFor(Math.max(0, pg.offset - pg.limit)) }, "← previous") : null,
    h("span", { class: "muted", "data-testid": "pager" }, `${from}–${to} of ${pg.total}`),
    to < pg.total ? h("a", { href: hrefFor(pg.offset + pg.limit) }, "next →") : null);
}

pages.article = async function () {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const rec = await api("/articles/" + encodeURIComponent(id));
  document.title = (rec.title || "Article") + " · eventwire";
  show(renderArticle(rec, { followHash: true }));
};

const EVENT_COLUMNS = [
  ["date", "date"], ["source", null], ["cameo", "cameo"], ["plover", "plover"], ["target", null],
  ["trigger", "trigger"], ["goldstein", "goldstein"], ["quad", "quad_class"], ["place", null], ["article", null],
];

pages.events = async function () {
  const params = new URLSearchParams(location.search);
  const get = (k) => params.get(k) || "";
  const facets = await api("/facets");
  const field = (name, label, attrs) => h("label", {}, label, h("input", Object.assign({ name, value: get(name) }, attrs || {})));
  const rootSel = h("select", { name: "root" }, h("option", { value: "" }, "any"),
    facets.roots.map((r) => h("option", { value: r.root, selected: get("root") === r.root }, `${r.root} (${r.events})`)));
  const ploverSel = h("select", { name: "plover" }, h("option", { value: "" }, "any"),
    facets.plover.map((r) => h("option", { value: r.plover, selected: get("plover") === r.plover }, `${r.plover} (${r.events})`)));
  const form = h("form", { class: "filters", "data-testid": "event-filters" },
    field("actor", "actor (code or name)"), field("source", "source"), field("target", "target"),
    h("label", {}, "CAMEO root", rootSel), h("label", {}, "PLOVER", ploverSel),
    field("since", "since", { placeholder: "YYYY-MM-DD" }), field("until", "until", { placeholder: "YYYY-MM-DD" }),
    h("button", { type: "submit", class: "primary" }, "Filter"),
    h("a", { href: "/ui/events" }, "clear"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = formValues(form);
    v.sort = get("sort");
    location.search = qs(v);
  });
  const sort = get("sort") || "date";
  const offset = +(get("offset") || 0);
  const filters = { actor: get("actor"), source: get("source"), target: get("target"), root: get("root"),
    plover: get("plover"), since: get("since"), until: get("until"), article: get("article") };
  let res;
  try {
    res = await api("/events" + qs(Object.assign({}, filters, { sort, limit: 50, offset })));
  } catch (e) {
    show(h("h1", {}, "Events"), form, errorBox(e));
    return;
  }
  const head = h("tr", {}, EVENT_COLUMNS.map(([label, key]) => {
    if (!key) return h("th", {}, label);
    const cls = "sortable" + (sort === key ? " sorted-asc" : sort === "-" + key ? " sorted-desc" : "");
    const th = h("th", { class: cls, dataset: { sort: key }, title: "sort" }, label);
    th.addEventListener("click", () => {
      const next = sort === key ? "-" + key : key;
      location.search = qs(Object.assign({}, filters, { sort: next }));
    });
    return th;
  }));
  const rows = res.items.map((e) => h("tr", { dataset: { event: e.id } },
    h("td", {}, eventDate(e)),
    h("td", {}, actorNames(e.source), h("br"), h("span", { class: "muted" }, actorCodes(e.source))),
    h("td", {}, h("span", { class: "code" }, e.cameo), e.negated ? h("span", { class: "flag" }, "neg") : null,
      e.hypothetical ? h("span", { class: "flag" }, "hyp") : null),
    h("td", {}, e.plover || ""),
    h("td", {}, actorNames(e.target), h("br"), h("span", { class: "muted" }, actorCodes(e.target))),
    h("td", {}, `“${e.trigger.text}”`),
    h("td", {}, String(e.goldstein)),
    h("td", {}, quadBadge(e.quad_class)),
    h("td", {}, e.location ? e.location.name : ""),
    h("td", {}, evidenceLink(e, e.title || e.article_id))));
  show(h("h1", {}, "Events"), form, legend(),
    h("p", { class: "muted", "data-testid": "event-count" }, `${res.total} events`),
    h("table", { class: "data", "data-testid": "events-table" }, h("thead", {}, head), h("tbody", {}, rows)),
    pager(res, (off) => "/ui/events" + qs(Object.assign({}, filters, { sort, offset: off }))));
};

pages.actors = async function () {
  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  const offset = +(params.get("offset") || 0);
  const form = h("form", { class: "filters" }, h("label", {}, "actor (code or name)", h("input", { name: "q", value: q })),
    h("button", { type: "submit", class: "primary" }, "Find"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.search = qs(formValues(form)); });
  const res = await api("/actors" + qs({ q, limit: 100, offset }));
  show(h("h1", {}, "Actors"), form, h("p", { class: "muted" }, `${res.total} actors`),
    h("table", { class: "data", "data-testid": "actors-table" },
      h("thead", {}, h("tr", {}, ["name", "kind", "CAMEO", "country", "sector", "role", "articles", "mentions", "events"]
        .map((x) => h("th", {}, x)))),
      h("tbody", {}, res.items.map((a) => h("tr", {},
        h("td", {}, h("a", { href: "/ui/events" + qs({ actor: a.name }) }, a.name)), h("td", {}, a.kind || ""),
        h("td", {}, a.cameo || ""),
        h("td", {}, a.country ? h("a", { href: "/ui/timeline" + qs({ a: a.country }) }, a.country) : ""),
        h("td", {}, a.sector || ""), h("td", {}, a.role || ""), h("td", {}, String(a.articles)),
        h("td", {}, String(a.mentions)), h("td", {}, String(a.events)))))),
    pager(res, (off) => "/ui/actors" + qs({ q, offset: off })));
};

// -- timeline and relation chart -------------------------------------------------------------------------------------

function dayNumber(iso) {
  const p = (iso || "").split("-").map(Number);
  if (!p[0]) return null;
  return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1) / 86400000;
}

function isoDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

pages.timeline = async function () {
  const params = new URLSearchParams(location.search);
  const facets = await api("/facets");
  const a = (params.get("a") || (facets.countries[0] || {}).country || "").toUpperCase();
  const b = (params.get("b") || "").toUpperCase();
  const opts = (sel) => [h("option", { value: "" }, "—"), facets.countries.map((c) =>
    h("option", { value: c.country, selected: c.country === sel }, `${c.country} (${c.events})`))];
  const form = h("form", { class: "filters", "data-testid": "timeline-form" },
    h("label", {}, "country or actor", h("input", { name: "a", value: a, list: "countries" })),
    h("label", {}, "with (dyad, optional)", h("input", { name: "b", value: b, list: "countries" })),
    h("datalist", { id: "countries" }, opts("")),
    h("button", { type: "submit", class: "primary" }, "Show"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.search = qs(formValues(form)); });
  if (!a) { show(h("h1", {}, "Timeline"), form, h("p", { class: "notice" }, "No events in the store yet.")); return; }
  const res = await api("/events" + qs({ actor: b ? [a, b] : [a], limit: 1000 }));
  const title = b ? `Timeline: ${a} and ${b}` : `Timeline: ${a}`;
  const nodes = [h("h1", {}, title), form, legend(),
    h("p", { class: "muted", "data-testid": "timeline-count" },
      `${res.total} events` + (res.total > res.items.length ? ` (first ${res.items.length} drawn)` : ""))];
  nodes.push(res.items.length ? timelineChart(res.items) : h("p", { class: "notice" }, "No events for this selection."));
  if (b) {
    nodes.push(h("h2", {}, `Relation ${a}–${b}, score by month`));
    try {
      const rel = await api(`/relations/${encodeURIComponent(a)}/${encodeURIComponent(b)}` + qs({ by: "month", limit: 1000 }));
      nodes.push(relationChart(rel.items));
    } catch (e) {
      nodes.push(h("p", { class: "notice", "data-testid": "relation-unavailable" }, e.message));
    }
  }
  show(nodes);
};

function timelineChart(events) {
  const W = 1100, H = 260, L = 140, R = 20, T = 20, B = 40;
  const days = events.map((e) => dayNumber(eventDate(e))).filter((x) => x !== null);
  let lo = Math.min(...days), hi = Math.max(...days);
  if (!(hi > lo)) { lo -= 15; hi += 15; }
  const pad = (hi - lo) * 0.03;
  lo -= pad; hi += pad;
  const x = (d) => L + (d - lo) / (hi - lo) * (W - L - R);
  const laneH = (H - T - B) / 4;
  const y = (q) => T + (q - 0.5) * laneH;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, "data-testid": "timeline-chart", role: "img" });
  for (let q = 1; q <= 4; q++) {
    svg.appendChild(s("line", { x1: L, x2: W - R, y1: y(q), y2: y(q), stroke: "#eee" }));
    svg.appendChild(s("text", { x: 8, y: y(q) + 4 }, QUAD[q].name));
  }
  const ticks = 6;
  const shown = new Set();
  for (let i = 0; i <= ticks; i++) {
    const d = Math.round(lo + (hi - lo) * i / ticks);
    if (shown.has(d) || d < lo || d > hi) continue;
    shown.add(d);
    svg.appendChild(s("line", { x1: x(d), x2: x(d), y1: H - B, y2: H - B + 5, stroke: "#999" }));
    svg.appendChild(s("text", { x: x(d), y: H - B + 18, "text-anchor": "middle" }, isoDay(d)));
  }
  svg.appendChild(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#999" }));
  const seen = new Map();
  events.forEach((e) => {
    const d = dayNumber(eventDate(e));
    if (d === null) return;
    const key = `${Math.round(x(d))}:${e.quad_class}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    const a = s("a", { href: `/ui/article/${e.article_id}#ev-${encodeURIComponent(e.id)}` },
      s("circle", { class: "dot", cx: x(d), cy: y(e.quad_class) - 9 + (k % 4) * 6, r: 5,
        fill: (QUAD[e.quad_class] || {}).color || "#888", "fill-opacity": 0.8, stroke: "#fff" },
        s("title", {}, `${eventDate(e)} ${e.cameo} ${actorNames(e.source)} → ${actorNames(e.target)}: “${e.trigger.text}”`)));
    svg.appendChild(a);
  });
  return svg;
}

function relationChart(rows) {
  const pts = rows.map((r) => ({
    label: String(r.period || r.month || r.date || ""),
    value: Number(r.score !== undefined ? r.score : (r.goldstein_mean !== undefined ? r.goldstein_mean : r.value)),
    n: r.events || r.n || null,
  })).filter((p) => p.label && Number.isFinite(p.value));
  if (!pts.length) return h("p", { class: "notice" }, "No relation scores for this dyad.");
  const W = 1100, H = 240, L = 50, R = 20, T = 20, B = 40;
  const vals = pts.map((p) => p.value);
  const lo = Math.min(-1, ...vals), hi = Math.max(1, ...vals);
  const x = (i) => L + (pts.length === 1 ? 0.5 : i / (pts.length - 1)) * (W - L - R);
  const y = (v) => T + (hi - v) / (hi - lo) * (H - T - B);
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, "data-testid": "relation-chart", role: "img" });
  svg.appendChild(s("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: "#999", "stroke-dasharray": "3 3" }));
  svg.appendChild(s("text", { x: 5, y: y(hi) + 4 }, hi.toFixed(1)));
  svg.appendChild(s("text", { x: 5, y: y(lo) + 4 }, lo.toFixed(1)));
  svg.appendChild(s("polyline", { points: pts.map((p, i) => `${x(i)},${y(p.value)}`).join(" "), fill: "none",
    stroke: "#1f5fa8", "stroke-width": 2 }));
  pts.forEach((p, i) => {
    svg.appendChild(s("circle", { cx: x(i), cy: y(p.value), r: 4, fill: p.value >= 0 ? "#1a9850" : "#c0392b" },
      s("title", {}, `${p.label}: ${p.value.toFixed(2)}${p.n ? " (" + p.n + " events)" : ""}`)));
    if (pts.length <= 24 || i % Math.ceil(pts.length / 24) === 0)
      svg.appendChild(s("text", { x: x(i), y: H - B + 18, "text-anchor": "middle" }, p.label));
  });
  return svg;
}

// -- actor network -----------------------------------------------------------------------------------------------------

pages.network = async function () {
  const params = new URLSearchParams(location.search);
  const filters = { since: params.get("since") || "", until: params.get("until") || "", actor: params.get("actor") || "" };
  const form = h("form", { class: "filters" },
    h("label", {}, "around actor", h("input", { name: "actor", value: filters.actor })),
    h("label", {}, "since", h("input", { name: "since", value: filters.since, placeholder: "YYYY-MM-DD" })),
    h("label", {}, "until", h("input", { name: "until", value: filters.until, placeholder: "YYYY-MM-DD" })),
    h("button", { type: "submit", class: "primary" }, "Draw"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.search = qs(formValues(form)); });
  const net = await api("/network" + qs(filters));
  const keyLegend = h("div", { class: "legend" }, [["#1a9850", "mostly cooperative"], ["#c0392b", "mostly conflictual"],
    ["#bbb", "member of country"]].map(([c, t]) => { const el = h("span", {}, t); el.style.setProperty("--c", c); return el; }));
  if (!net.nodes.length) {
    show(h("h1", {}, "Actor network"), form, h("p", { class: "notice" }, "No events with both a source and a target yet."));
    return;
  }
  show(h("h1", {}, "Actor network"), form, keyLegend,
    h("p", { class: "muted", "data-testid": "network-count" },
      `${net.nodes.length} nodes, ${net.edges.filter((e) => e.kind === "event").length} event links`),
    networkChart(net));
};

function layout(nodes, edges, W, H) {
  // A small force layout: nodes repel, links pull, a weak pull to the centre. Deterministic start on a circle.
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: W / 2 + Math.cos(2 * Math.PI * i / n) * W / 3,
    y: H / 2 + Math.sin(2 * Math.PI * i / n) * H / 3, vx: 0, vy: 0 }));
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.kind === "member" ? 90 : 190])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.sqrt(W * H / Math.max(1, n)) * 0.6;
  for (let step = 0; step < 300; step++) {
    const t = 1 - step / 300;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d2 = dx * dx + dy * dy; }
        const f = k * k / d2 * 0.5;
        pos[i].vx += dx * f / Math.sqrt(d2); pos[i].vy += dy * f / Math.sqrt(d2);
        pos[j].vx -= dx * f / Math.sqrt(d2); pos[j].vy -= dy * f / Math.sqrt(d2);
      }
    }
    links.forEach(([a, b, len]) => {
      const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - len) * 0.05;
      pos[a].vx += dx / d * f; pos[a].vy += dy / d * f;
      pos[b].vx -= dx / d * f; pos[b].vy -= dy / d * f;
    });
    pos.forEach((p) => {
      p.vx += (W / 2 - p.x) * 0.004; p.vy += (H / 2 - p.y) * 0.004;
      const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy) || 1;
      const cap = 20 * t + 1;
      p.x += p.vx / v * Math.min(v, cap); p.y += p.vy / v * Math.min(v, cap);
      p.x = Math.max(30, Math.min(W - 30, p.x)); p.y = Math.max(20, Math.min(H - 20, p.y));
      p.vx *= 0.5; p.vy *= 0.5;
    });
  }
  return pos;
}

function networkChart(net) {
  const W = 1100, H = 650;
  const pos = layout(net.nodes, net.edges, W, H);
  const at = new Map(net.nodes.map((nd, i) => [nd.id, pos[i]]));
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, "data-testid": "network-chart", role: "img" });
  svg.appendChild(s("defs", {}, ["#1a9850", "#c0392b"].map((c) => s("marker", { id: "arrow" + c.slice(1),
    viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: "userSpaceOnUse",
    orient: "auto-start-reverse" },
  s("path", { d: "M0,0L10,5L0,10z", fill: c })))));
  const radius = (nd) => 5 + 12 * Math.sqrt(nd.events / Math.max(1, ...net.nodes.map((x) => x.events)));
  const byId = new Map(net.nodes.map((nd) => [nd.id, nd]));
  const maxEv = Math.max(1, ...net.edges.map((e) => e.events));
  net.edges.forEach((e) => {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) return;
    const member = e.kind === "member";
    const color = member ? "#bbb" : (e.cooperative >= e.conflictual ? "#1a9850" : "#c0392b");
    const width = member ? 1 : 1 + 5 * Math.sqrt(e.events / maxEv);
    // stop the line at the target's edge so the arrowhead (direction source -> target) shows
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cut = member ? 0 : radius(byId.get(e.target)) + 2;
    const x2 = b.x - (b.x - a.x) / len * cut, y2 = b.y - (b.y - a.y) / len * cut;
    svg.appendChild(s("line", { class: member ? "member" : "edge", x1: a.x, y1: a.y, x2, y2, stroke: color,
      "marker-end": member ? null : `url(#arrow${color.slice(1)})`,
      "stroke-width": width, "stroke-opacity": member ? 0.6 : 0.75, "stroke-dasharray": member ? "2 3" : null },
      member ? null : s("title", {}, `${e.source.split(":").pop()} → ${e.target.split(":").pop()}: ${e.events} events ` +
        `(${e.cooperative} cooperative, ${e.conflictual} conflictual, mean Goldstein ${e.goldstein_mean})`)));
  });
  net.nodes.forEach((nd) => {
    const p = at.get(nd.id);
    const r = radius(nd);
    const g = s("g", { class: "node", dataset: { id: nd.id } });
    const shape = nd.type === "country"
      ? s("rect", { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, rx: 3, fill: "#34495e" })
      : s("circle", { cx: p.x, cy: p.y, r, fill: "#5b8cc4" });
    shape.appendChild(s("title", {}, `${nd.name || nd.label}${nd.country ? " (" + nd.country + ")" : ""}: ${nd.events} events`));
    const link = s("a", { href: "/ui/events" + qs({ actor: nd.type === "country" ? nd.country : nd.name }) }, shape);
    g.appendChild(link);
    g.appendChild(s("text", { x: p.x + r + 3, y: p.y + 4 }, nd.label));
    svg.appendChild(g);
  });
  return svg;
}

// -- map ---------------------------------------------------------------------------------------------------------------

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = h("script", { src });
    el.onload = resolve;
    el.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(el);
  });
}

function project(lon, lat, W, H) { return [(lon + 180) / 360 * W, (90 - lat) / 180 * H]; }

function ringPath(ring, W, H) {
  // Unwrap longitudes so a ring crossing the antimeridian stays one closed shape (it may run past +-180), then draw
  // it again shifted by 360 degrees so the part beyond the edge shows on the other side; the SVG clips the rest.
  const pts = [];
  let shift = 0, prev = null;
  ring.forEach(([lon, lat]) => {
    if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += lon + shift > prev ? -360 : 360;
    pts.push([lon + shift, lat]);
    prev = lon + shift;
  });
  const lons = pts.map((p) => p[0]);
  const offsets = [0];
  if (Math.min(...lons) < -180) offsets.push(360);
  if (Math.max(...lons) > 180) offsets.push(-360);
  return offsets.map((off) => pts.map(([lon, lat], i) => {
    const [x, y] = project(lon + off, lat, W, H);
    return (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
  }).join("") + "Z").join("");
}

function geometryPath(g, W, H) {
  if (!g) return "";
  if (g.type === "Polygon") return g.coordinates.map((r) => ringPath(r, W, H)).join("");
  if (g.type === "MultiPolygon") return g.coordinates.map((p) => p.map((r) => ringPath(r, W, H)).join("")).join("");
  return "";
}

pages.map = async function () {
  const W = 1000, H = 500;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, "data-testid": "map", role: "img" });
  const list = h("div", { "data-testid": "map-list" });
  const nodes = [h("h1", {}, "Map of event locations"), legend()];
  let outline = null;
  try {
    await loadScript("/static/vendor/topojson-client.min.js");
    const topo = await api("/static/vendor/countries-110m.json");
    outline = window.topojson.feature(topo, topo.objects.countries);
  } catch (e) {
    nodes.push(h("p", { class: "notice" }, "The world outline is not built (run `make web-assets`): " + e.message));
  }
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x] = project(lon, 0, W, H);
    svg.appendChild(s("line", { class: "graticule", x1: x, x2: x, y1: 0, y2: H }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(0, lat, W, H);
    svg.appendChild(s("line", { class: "graticule", x1: 0, x2: W, y1: y, y2: y }));
  }
  if (outline) {
    const g = s("g", { class: "countries" });
    outline.features.forEach((f) => {
      g.appendChild(s("path", { class: "country", d: geometryPath(f.geometry, W, H), "fill-rule": "evenodd" },
        s("title", {}, (f.properties && f.properties.name) || "")));
    });
    svg.appendChild(g);
  }
  const res = await api("/events" + qs({ located: true, limit: 1000 }));
  const places = new Map();
  res.items.forEach((e) => {
    const l = e.location;
    const key = `${l.lat.toFixed(2)},${l.lon.toFixed(2)}`;
    if (!places.has(key)) places.set(key, { name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: [] });
    places.get(key).events.push(e);
  });
  const dots = s("g", { class: "dots" });
  [...places.values()].sort((a, b) => b.events.length - a.events.length).forEach((p) => {
    const [x, y] = project(p.lon, p.lat, W, H);
    const quads = p.events.map((e) => e.quad_class);
    const mode = [1, 2, 3, 4].sort((a, b) => quads.filter((q) => q === b).length - quads.filter((q) => q === a).length)[0];
    const c = s("circle", { class: "place-dot", cx: x, cy: y, r: 4 + 3 * Math.sqrt(p.events.length),
      fill: QUAD[mode].color, "fill-opacity": 0.75, stroke: "#fff", "stroke-width": 1, tabindex: 0 },
      s("title", {}, `${p.name}${p.country ? ", " + p.country : ""}: ${p.events.length} events`));
    c.addEventListener("click", () => showPlace(p));
    dots.appendChild(c);
  });
  svg.appendChild(dots);
  function showPlace(p) {
    list.replaceChildren(h("h2", {}, `${p.name}${p.country ? ", " + p.country : ""}`),
      h("ul", {}, p.events.map((e) => h("li", {}, quadBadge(e.quad_class), ` ${eventDate(e)} ${e.cameo} `,
        `${actorNames(e.source)} → ${actorNames(e.target)} `, evidenceLink(e)))));
  }
  nodes.push(h("p", { class: "muted", "data-testid": "map-count" },
    `${res.total} located events at ${places.size} places` + (outline ? "" : " (no outline)")), svg, list);
  show(nodes);
};

// -- paste an article ------------------------------------------------------------------------------------------------

pages.paste = async function () {
  const out = h("div", { "data-testid": "paste-result" });
  const form = h("form", { "data-testid": "paste-form" },
    h("p", { class: "muted" }, "Paste an article: it is extracted and shown here, and nothing is stored."),
    h("div", { class: "filters" },
      h("label", {}, "title", h("input", { name: "title", size: 50 })),
      h("label", {}, "published", h("input", { name: "published", placeholder: "YYYY-MM-DD" })),
      h("label", {}, "url", h("input", { name: "url", size: 40 }))),
    h("textarea", { name: "text", required: true, placeholder: "Article text; paragraphs on their own lines" }),
    h("p", {}, h("button", { type: "submit", class: "primary" }, "Extract")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const body = { text: form.elements.text.value };
    ["title", "published", "url"].forEach((k) => { if (v[k]) body[k] = v[k]; });
    out.replaceChildren(h("p", { class: "muted" }, "Extracting…"));
    try {
      const rec = await api("/extract", { method: "POST", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", Accept: "application/json" } });
      out.replaceChildren(renderArticle(rec));
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  });
  show(h("h1", {}, "Paste an article"), form, out);
};

// -- start -------------------------------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", async () => {
  const page = document.body.dataset.page;
  const nav = document.querySelector(`header nav a[data-nav="${page}"]`);
  if (nav) nav.classList.add("current");
  try {
    await (pages[page] || pages.home)();
  } catch (e) {
    show(errorBox(e));
  }
  document.body.dataset.ready = "1";
});
