// The Flow Builder: steps from a palette, drag (or buttons) to reorder, a settings panel per step, a style tab
// with a live preview, and a draft that saves itself. Publishing sends the flow to the server, which checks it.
(() => {
  const data = JSON.parse(document.getElementById("builder-data").textContent);
  const texts = data.texts;
  const catalogue = Object.fromEntries(data.catalogue.map((entry) => [entry.type, entry]));
  const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
  const text = (key, ...args) => args.reduce((t, a, i) => t.replace(`{${i}}`, a), texts[key] || key);
  const fixed = new Set(["INTRO", "THANK_YOU"]);

  // A draft is stored as it was typed; anything this page cannot show is dropped rather than breaking it.
  const flow = data.flow && typeof data.flow === "object" ? data.flow : {};
  flow.steps = (Array.isArray(flow.steps) ? flow.steps : [])
    .filter((s) => s && catalogue[s.type])
    .map((s) => ({ type: s.type, config: { ...catalogue[s.type].defaults, ...(s.config && typeof s.config === "object" ? s.config : {}) } }));
  if (!flow.steps.length || flow.steps[0].type !== "INTRO") flow.steps.unshift({ type: "INTRO", config: {} });
  if (flow.steps[flow.steps.length - 1].type !== "THANK_YOU") flow.steps.push({ type: "THANK_YOU", config: {} });
  flow.style = { ...data.styleDefaults, ...(flow.style && typeof flow.style === "object" ? flow.style : {}) };
  if (typeof flow.style.font !== "string" || !flow.style.font.includes("@")) flow.style.font = data.styleDefaults.font;
  flow.countries = flow.countries && typeof flow.countries === "object" ? flow.countries : {};
  flow.countries.permitted = Array.isArray(flow.countries.permitted) ? flow.countries.permitted : [];
  flow.countries.excluded = Array.isArray(flow.countries.excluded) ? flow.countries.excluded : [];
  let selected = 1;

  const PROPERTIES = new Set(["textContent", "checked", "selected", "value", "title"]);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => (PROPERTIES.has(k) ? (node[k] = v) : node.setAttribute(k, v)));
    children.forEach((c) => node.append(c));
    return node;
  };

  // Auto-save: a change waits 600 ms for the next one, then the whole flow is stored as a draft.
  let timer;
  const saveState = document.getElementById("save-state");
  let pending = false;
  const changed = () => {
    clearTimeout(timer);
    pending = true;
    saveState.textContent = text("flows.saving");
    saveState.dataset.state = "pending";
    timer = setTimeout(save, 600);
  };
  // Saves run one after another, never side by side; publishing waits for the last one.
  let saving = Promise.resolve();
  const save = (keepalive = false) => {
    pending = false;
    saving = saving.then(async () => {
      let ok = false;
      try {
        const response = await fetch(data.draftUrl, {
          method: "PUT",
          keepalive,
          headers: { "Content-Type": "application/json", ...csrf },
          body: JSON.stringify(flow),
        });
        ok = response.ok;
      } catch (e) {
        ok = false;
      }
      if (!pending) {
        saveState.textContent = ok ? text("flows.saved") : text("flows.saveFailed");
        saveState.dataset.state = ok ? "saved" : "failed";
      }
    });
    return saving;
  };

  // Leaving the page with a change not yet saved still saves it.
  window.addEventListener("pagehide", () => {
    if (pending) {
      clearTimeout(timer);
      save(true);
    }
  });

  const palette = document.getElementById("palette");
  data.catalogue
    .filter((entry) => !fixed.has(entry.type))
    .forEach((entry) => {
      palette.append(el("button", { type: "button", "data-add": entry.type, textContent: text(`step.${entry.type}`) }));
    });
  palette.addEventListener("click", (event) => {
    const type = event.target.dataset.add;
    if (!type) return;
    flow.steps.splice(flow.steps.length - 1, 0, { type, config: { ...catalogue[type].defaults } });
    selected = flow.steps.length - 2;
    render();
    changed();
  });

  const list = document.getElementById("steps");
  const move = (from, to) => {
    if (to < 1 || to > flow.steps.length - 2) return;
    const [step] = flow.steps.splice(from, 1);
    flow.steps.splice(to, 0, step);
    selected = to;
    render();
    changed();
  };
  const renderSteps = () => {
    list.replaceChildren(
      ...flow.steps.map((step, index) => {
        const item = el("li", { class: `step${index === selected ? " selected" : ""}${fixed.has(step.type) ? " fixed" : ""}`, "data-type": step.type, "data-index": String(index) });
        item.append(
          el("span", { class: "handle", "aria-hidden": "true", textContent: fixed.has(step.type) ? "" : "⠿" }),
          el("button", { type: "button", class: "link step-name", "data-select": String(index), textContent: text(`step.${step.type}`) }));
        if (!fixed.has(step.type)) {
          const tools = el("span", { class: "tools" });
          tools.append(
            el("button", { type: "button", class: "link", "data-up": String(index), "aria-label": `${text("flows.moveUp")}: ${text(`step.${step.type}`)}`, textContent: "↑" }),
            el("button", { type: "button", class: "link", "data-down": String(index), "aria-label": `${text("flows.moveDown")}: ${text(`step.${step.type}`)}`, textContent: "↓" }),
            el("button", { type: "button", class: "link", "data-remove": String(index), "aria-label": `${text("flows.remove")}: ${text(`step.${step.type}`)}`, textContent: "✕" }));
          item.append(tools);
        } else {
          item.title = text("flows.fixedStep");
        }
        return item;
      }));
  };
  // After a list change, focus goes back to the same control of the same step, so keyboards keep their place.
  const refocus = (attribute) => {
    const target = list.querySelector(`[${attribute}="${selected}"]`) || list.querySelector(`[data-select="${selected}"]`);
    target?.focus();
  };
  list.addEventListener("click", (event) => {
    const d = event.target.dataset;
    if (d.select) selected = Number(d.select);
    if (d.up) {
      move(Number(d.up), Number(d.up) - 1);
      return refocus("data-up");
    }
    if (d.down) {
      move(Number(d.down), Number(d.down) + 1);
      return refocus("data-down");
    }
    if (d.remove) {
      flow.steps.splice(Number(d.remove), 1);
      selected = Math.max(1, Math.min(Number(d.remove), flow.steps.length - 2));
      changed();
    }
    render();
    refocus("data-select");
  });
  if (window.Sortable) {
    window.Sortable.create(list, {
      animation: 120,
      forceFallback: true,
      handle: ".handle",
      filter: ".fixed",
      onMove: (event) => !event.related.classList.contains("fixed"),
      onEnd: (event) => {
        if (event.oldIndex !== event.newIndex) move(event.oldIndex, event.newIndex);
      },
    });
  }

  const config = document.getElementById("config");
  const configTitle = document.getElementById("config-title");
  const renderConfig = () => {
    const step = flow.steps[selected];
    const entry = catalogue[step.type];
    configTitle.textContent = text("flows.settingsOf", text(`step.${step.type}`));
    if (!entry.fields.length) {
      config.replaceChildren(el("p", { class: "hint", textContent: text("flows.noSettings") }));
      return;
    }
    config.replaceChildren(
      ...entry.fields.map((field) => {
        const id = `setting-${field.name}`;
        const value = step.config[field.name];
        const label = text(`flowField.${field.name}`);
        const set = (v) => {
          step.config[field.name] = v;
          changed();
        };
        if (field.kind === "boolean") {
          const box = el("input", { type: "checkbox", id, checked: Boolean(value) });
          box.addEventListener("change", () => set(box.checked));
          return el("label", { class: "check" }, box, el("span", { textContent: label }));
        }
        if (field.kind === "choices") {
          const chosen = new Set(value || []);
          const group = el("fieldset", { class: "choices" }, el("legend", { textContent: label }));
          field.options.forEach((option) => {
            const box = el("input", { type: "checkbox", id: `${id}-${option}`, checked: chosen.has(option) });
            box.addEventListener("change", () => {
              box.checked ? chosen.add(option) : chosen.delete(option);
              set(field.options.filter((o) => chosen.has(o)));
            });
            group.append(el("label", { class: "check" }, box, el("span", { textContent: option })));
          });
          return group;
        }
        let input;
        if (field.kind === "choice") {
          input = el("select", { id }, el("option", { value: "", textContent: "—" }), ...field.options.map((o) => el("option", { value: o, textContent: o, selected: o === value })));
          input.addEventListener("change", () => set(input.value || null));
        } else if (field.kind === "integer") {
          input = el("input", { type: "number", id, value: value ?? "" });
          input.addEventListener("input", () => set(input.value === "" ? null : Number(input.value)));
        } else if (field.kind === "countries") {
          input = el("input", { id, value: (value || []).join(", ") });
          input.addEventListener("input", () => set(input.value.split(",").map((c) => c.trim()).filter(Boolean)));
        } else {
          input = el("input", { id, value: value ?? "" });
          input.addEventListener("input", () => set(input.value));
          if (field.name === "questionnaireId") {
            // The company's questionnaires as suggestions, by name; the field keeps the id.
            const list = el("datalist", { id: `${id}-options` });
            input.setAttribute("list", list.id);
            fetch("/questionnaires/options").then((r) => (r.ok ? r.json() : [])).then((options) => {
              options.forEach((o) => list.append(el("option", { value: o.id, textContent: o.name })));
            }).catch(() => {});
            return el("div", { class: "stack" }, el("label", { for: id, textContent: label }), input, list);
          }
        }
        return el("div", { class: "stack" }, el("label", { for: id, textContent: label }), input);
      }));
  };

  // Flow settings.
  const bind = (id, read, write) => {
    const input = document.getElementById(id);
    write(input);
    input.addEventListener(input.type === "checkbox" || input.tagName === "SELECT" ? "change" : "input", () => {
      read(input);
      changed();
    });
  };
  const codes = (value) => value.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean);
  bind("flow-name", (i) => { flow.name = i.value; document.getElementById("flow-title").textContent = i.value; }, (i) => (i.value = flow.name || ""));
  bind("flow-type", (i) => (flow.type = i.value), (i) => (i.value = flow.type || "REGULAR"));
  bind("flow-auto", (i) => (flow.autoApproval = i.checked), (i) => (i.checked = Boolean(flow.autoApproval)));
  bind("flow-permitted", (i) => (flow.countries.permitted = codes(i.value)), (i) => (i.value = (flow.countries.permitted || []).join(", ")));
  bind("flow-excluded", (i) => (flow.countries.excluded = codes(i.value)), (i) => (i.value = (flow.countries.excluded || []).join(", ")));

  // Style tab with a live preview of the selected step.
  const styleFields = document.getElementById("style-fields");
  Object.keys(data.styleDefaults).forEach((name) => {
    const id = `style-${name}`;
    const isColour = name.endsWith("Color");
    const input = el("input", { id, type: isColour ? "color" : name === "borderRadius" ? "number" : "text", value: String(flow.style[name]) });
    input.addEventListener("input", () => {
      flow.style[name] = name === "borderRadius" ? Number(input.value) : input.value;
      renderPreview();
      changed();
    });
    styleFields.append(el("label", { for: id, textContent: text(`flowField.${name}`) }), input);
  });
  const preview = document.getElementById("preview");
  const renderPreview = () => {
    const s = flow.style;
    const step = flow.steps[selected];
    preview.style.cssText = `background:${s.backgroundColor};color:${s.textColor};border:1px solid ${s.borderColor};border-radius:${s.borderRadius}px;font-family:"${s.font.split("@")[0]}",system-ui,sans-serif;font-weight:${s.font.split("@")[1] || 400}`;
    const button = el("button", { type: "button", class: "preview-button", textContent: text("flows.previewButton") });
    button.style.cssText = `background:${s.buttonColor};color:${s.buttonTextColor};border-radius:${s.borderRadius}px;border:none`;
    button.addEventListener("mouseenter", () => (button.style.background = s.buttonHoverColor));
    button.addEventListener("mouseleave", () => (button.style.background = s.buttonColor));
    const heading = el("h3", { textContent: text(`step.${step.type}`) });
    heading.style.color = s.primaryColor;
    preview.replaceChildren(el("p", { class: "hint", textContent: text("flows.previewTitle") }), heading, el("p", { textContent: text("flows.previewText") }), button);
  };

  document.querySelectorAll("[data-tab]").forEach((tab) => {
    tab.addEventListener("click", (event) => {
      event.preventDefault();
      document.querySelectorAll("[data-tab]").forEach((t) => {
        t.classList.toggle("active", t === tab);
        document.getElementById(t.dataset.tab).hidden = t !== tab;
      });
      renderPreview();
    });
  });

  document.getElementById("publish").addEventListener("click", async () => {
    clearTimeout(timer);
    const hadChanges = pending;
    pending = false;
    await saving;
    const result = document.getElementById("publish-result");
    let response;
    let body = {};
    try {
      response = await fetch(data.publishUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...csrf },
        body: JSON.stringify(flow),
      });
      if ((response.headers.get("content-type") || "").includes("json")) body = await response.json();
    } catch (e) {
      response = { ok: false };
    }
    if (!response.ok && hadChanges) save();
    if (response.ok) {
      result.className = "flash ok";
      result.textContent = text("flows.published", body.version);
      document.getElementById("from-draft")?.remove();
      saveState.textContent = "";
    } else {
      result.className = "flash error";
      const errors = Array.isArray(body.errors) ? body.errors : [{ field: "", message: text("flows.saveFailed") }];
      result.replaceChildren(el("p", { textContent: text("flows.fixErrors") }), el("ul", {}, ...errors.map((e) => el("li", { textContent: `${e.field}: ${e.message}` }))));
    }
  });

  document.getElementById("discard")?.addEventListener("click", async () => {
    clearTimeout(timer);
    pending = false;
    await saving;
    await fetch(data.draftUrl, { method: "DELETE", headers: csrf });
    window.location.reload();
  });

  const render = () => {
    renderSteps();
    renderConfig();
    renderPreview();
  };
  render();
})();
