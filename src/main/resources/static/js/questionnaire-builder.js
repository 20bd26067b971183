// The questionnaire builder. Designer: name, description, pages, questions from the toolbox with their text,
// choices and validation, dragged to reorder. Preview: SurveyJS renders the questionnaire, answerable, its logic
// running. Logic: rules of conditions (or a written expression) and an action, compiled into the SurveyJS schema
// (visibleIf, enableIf, requiredIf, triggers, completedHtmlOnCondition). The rules are kept in the schema too, under
// "openkycRules", so the builder can show them again; SurveyJS and the server read only its own properties.
(() => {
  const data = JSON.parse(document.getElementById("builder-data").textContent);
  const texts = data.texts;
  const text = (key, ...args) => args.reduce((t, a, i) => t.replace(`{${i}}`, a), texts[key] || key);
  const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
  const schema = data.schema;
  schema.pages = Array.isArray(schema.pages) && schema.pages.length ? schema.pages : [{ name: "page1", elements: [] }];
  schema.pages.forEach((p) => { p.elements = p.elements || []; });
  const rules = Array.isArray(schema.openkycRules) ? schema.openkycRules : [];
  let currentPage = schema.pages.length - 1;

  const TOOLS = {
    text: { type: "text" },
    comment: { type: "comment" },
    number: { type: "text", inputType: "number" },
    date: { type: "text", inputType: "date" },
    email: { type: "text", inputType: "email" },
    phone: { type: "text", inputType: "tel" },
    radiogroup: { type: "radiogroup", choices: ["Option 1", "Option 2"] },
    checkbox: { type: "checkbox", choices: ["Option 1", "Option 2"] },
    dropdown: { type: "dropdown", choices: ["Option 1", "Option 2"] },
    boolean: { type: "boolean" },
    rating: { type: "rating" },
    file: { type: "file" },
  };
  const CHOICE_TYPES = ["radiogroup", "checkbox", "dropdown"];

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(props).forEach(([k, v]) => {
      if (k === "class") node.className = v;
      else if (k.startsWith("data-") || k === "for" || k === "aria-label") node.setAttribute(k, v);
      else node[k] = v;
    });
    children.filter(Boolean).forEach((c) => node.append(c));
    return node;
  }

  function allQuestions() {
    return schema.pages.flatMap((p) => p.elements);
  }

  function uniqueName(base) {
    const taken = new Set(allQuestions().map((q) => q.name));
    let n = 1;
    while (taken.has(base + n)) n++;
    return base + n;
  }

  // ---- Designer

  const toolbox = document.getElementById("toolbox");
  Object.keys(TOOLS).forEach((tool) => {
    toolbox.append(el("button", {
      type: "button", class: "tool", "data-type": tool, textContent: text(`questionnaires.type.${tool}`),
      onclick: () => {
        const question = { ...structuredClone(TOOLS[tool]), name: uniqueName("question"), title: text(`questionnaires.type.${tool}`) };
        schema.pages[currentPage].elements.push(question);
        renderPages();
      },
    }));
  });

  const nameInput = document.getElementById("q-name");
  const descriptionInput = document.getElementById("q-description");
  nameInput.value = data.name;
  descriptionInput.value = data.description || "";

  let dragged = null;

  function renderPages() {
    const pages = document.getElementById("pages");
    pages.replaceChildren(...schema.pages.map((page, p) => {
      const list = el("ol", { class: "questions", "data-page": String(p) });
      if (!page.elements.length) {
        list.append(el("li", { class: "hint empty-page", textContent: text("questionnaires.emptyPage") }));
      }
      page.elements.forEach((q, i) => list.append(questionCard(page, q, i, p)));
      list.addEventListener("dragover", (e) => e.preventDefault());
      list.addEventListener("drop", (e) => {
        e.preventDefault();
        if (!dragged) return;
        const target = e.target.closest("li.question");
        const [moved] = schema.pages[dragged.page].elements.splice(dragged.index, 1);
        const at = target ? Number(target.dataset.index) : page.elements.length;
        page.elements.splice(at, 0, moved);
        dragged = null;
        renderPages();
      });
      return el("fieldset", { class: "page" + (p === currentPage ? " current" : ""), "data-page": String(p),
        onclick: () => { if (currentPage !== p) { currentPage = p; renderPages(); } } },
        el("legend", { textContent: text("questionnaires.page", p + 1) }),
        el("label", { textContent: text("questionnaires.pageTitle") },
          el("input", { class: "page-title", value: page.title || "", oninput: (e) => { page.title = e.target.value; } })),
        schema.pages.length > 1 ? el("button", { type: "button", class: "link page-remove", textContent: text("questionnaires.remove"),
          onclick: (e) => { e.stopPropagation(); schema.pages.splice(p, 1); currentPage = Math.min(currentPage, schema.pages.length - 1); renderPages(); } }) : null,
        list);
    }));
  }

  function questionCard(page, q, i, p) {
    const field = (label, input) => el("label", { textContent: label }, input);
    const card = el("li", { class: "question", draggable: true, "data-index": String(i), "data-name": q.name },
      el("span", { class: "handle", textContent: "⋮⋮", "aria-hidden": "true" }),
      el("strong", { class: "kind", textContent: text(`questionnaires.type.${kind(q)}`) }),
      field(text("questionnaires.question"), el("input", { class: "q-title", value: q.title || "", oninput: (e) => { q.title = e.target.value; } })),
      field(text("questionnaires.questionName"), el("input", { class: "q-name", value: q.name, onchange: (e) => {
        const wanted = e.target.value.trim();
        if (wanted && !allQuestions().some((o) => o !== q && o.name === wanted)) {
          rules.forEach((r) => r.conditions.forEach((c) => { if (c.question === q.name) c.question = wanted; }));
          q.name = wanted;
        }
        renderPages();
      } })),
      el("label", { class: "check" }, el("input", { type: "checkbox", class: "q-required", checked: !!q.isRequired,
        onchange: (e) => { q.isRequired = e.target.checked; if (!q.isRequired) delete q.isRequired; } }), text("questionnaires.required")));
    if (CHOICE_TYPES.includes(q.type)) {
      card.append(field(text("questionnaires.choices"), el("textarea", { class: "q-choices", rows: 3,
        value: (q.choices || []).map((c) => (typeof c === "object" ? c.value : c)).join("\n"),
        oninput: (e) => { q.choices = e.target.value.split("\n").map((c) => c.trim()).filter(Boolean); } })));
    }
    if (q.inputType === "number" || q.inputType === "date") {
      card.append(field(text("questionnaires.min"), el("input", { class: "q-min", value: q.min ?? "", oninput: (e) => setOrDelete(q, "min", e.target.value, q.inputType) })),
        field(text("questionnaires.max"), el("input", { class: "q-max", value: q.max ?? "", oninput: (e) => setOrDelete(q, "max", e.target.value, q.inputType) })));
    }
    if (q.type === "text" && (!q.inputType || q.inputType === "text" || q.inputType === "tel")) {
      const pattern = (q.validators || []).find((v) => v.type === "regex");
      card.append(field(text("questionnaires.pattern"), el("input", { class: "q-pattern", value: pattern ? pattern.regex : "",
        oninput: (e) => {
          q.validators = (q.validators || []).filter((v) => v.type !== "regex");
          if (e.target.value) q.validators.push({ type: "regex", regex: e.target.value });
          if (!q.validators.length) delete q.validators;
        } })));
    }
    card.append(el("button", { type: "button", class: "link q-remove", textContent: text("questionnaires.remove"),
      onclick: () => { page.elements.splice(i, 1); renderPages(); } }));
    card.addEventListener("dragstart", () => { dragged = { page: p, index: i }; });
    return card;
  }

  function setOrDelete(q, key, value, inputType) {
    if (value === "") delete q[key];
    else q[key] = inputType === "number" && !isNaN(Number(value)) ? Number(value) : value;
  }

  function kind(q) {
    if (q.type === "text") {
      return { number: "number", date: "date", email: "email", tel: "phone" }[q.inputType] || "text";
    }
    return q.type;
  }

  document.getElementById("add-page").addEventListener("click", () => {
    schema.pages.push({ name: "page" + (schema.pages.length + 1), elements: [] });
    currentPage = schema.pages.length - 1;
    renderPages();
  });

  // ---- Logic

  const OPERATORS = ["equal", "notequal", "contains", "empty", "notempty", "greater", "less", "anyof", "allof"];
  const ACTIONS = ["showPage", "hidePage", "enablePage", "disablePage", "showQuestion", "hideQuestion", "enableQuestion",
    "disableQuestion", "require", "complete", "setValue", "copyValue", "skip", "runExpression", "completedHtml"];
  const PAGE_ACTIONS = ["showPage", "hidePage", "enablePage", "disablePage"];
  const NO_TARGET = ["complete", "completedHtml"];

  function literal(questionName, value) {
    const q = allQuestions().find((o) => o.name === questionName);
    const raw = String(value).trim();
    if (q && q.type === "boolean") return raw.toLowerCase() === "false" || raw.toLowerCase() === "no" ? "false" : "true";
    if (q && (q.inputType === "number" || q.type === "rating") && raw !== "" && !isNaN(Number(raw))) return raw;
    return "'" + raw.replace(/'/g, "") + "'";
  }

  function conditionText(c) {
    const variable = "{" + c.question + "}";
    if (c.op === "empty" || c.op === "notempty") return `${variable} ${c.op}`;
    if (c.op === "anyof" || c.op === "allof") {
      const items = String(c.value || "").split(",").map((v) => v.trim()).filter(Boolean).map((v) => literal(c.question, v));
      return `${variable} ${c.op} [${items.join(", ")}]`;
    }
    const sign = { equal: "=", notequal: "!=", greater: ">", less: "<", contains: "contains" }[c.op];
    return `${variable} ${sign} ${literal(c.question, c.value ?? "")}`;
  }

  function ruleExpression(rule) {
    if (rule.manual) return (rule.expression || "").trim();
    const parts = rule.conditions.filter((c) => c.question).map(conditionText);
    return parts.join(rule.join === "or" ? " or " : " and ");
  }

  function compile() {
    const out = structuredClone(schema);
    delete out.openkycRules;
    out.title = nameInput.value.trim();
    if (descriptionInput.value.trim()) out.description = descriptionInput.value.trim();
    else delete out.description;
    out.pages.forEach((p) => {
      ["visibleIf", "enableIf"].forEach((k) => delete p[k]);
      p.elements.forEach((q) => ["visibleIf", "enableIf", "requiredIf"].forEach((k) => delete q[k]));
    });
    out.triggers = [];
    out.completedHtmlOnCondition = [];
    const combine = {};
    const add = (target, key, expression, negate) => {
      const id = target + "|" + key;
      combine[id] = combine[id] || { target, key, any: [], none: [] };
      (negate ? combine[id].none : combine[id].any).push(expression);
    };
    rules.forEach((rule) => {
      const expression = ruleExpression(rule);
      if (!expression) return;
      switch (rule.action) {
        case "showPage": add("page:" + rule.target, "visibleIf", expression, false); break;
        case "hidePage": add("page:" + rule.target, "visibleIf", expression, true); break;
        case "enablePage": add("page:" + rule.target, "enableIf", expression, false); break;
        case "disablePage": add("page:" + rule.target, "enableIf", expression, true); break;
        case "showQuestion": add("q:" + rule.target, "visibleIf", expression, false); break;
        case "hideQuestion": add("q:" + rule.target, "visibleIf", expression, true); break;
        case "enableQuestion": add("q:" + rule.target, "enableIf", expression, false); break;
        case "disableQuestion": add("q:" + rule.target, "enableIf", expression, true); break;
        case "require": add("q:" + rule.target, "requiredIf", expression, false); break;
        case "complete": out.triggers.push({ type: "complete", expression }); break;
        case "setValue": out.triggers.push({ type: "setvalue", expression, setToName: rule.target, setValue: rule.value ?? "" }); break;
        case "copyValue": out.triggers.push({ type: "copyvalue", expression, setToName: rule.target, fromName: rule.value || "" }); break;
        case "skip": out.triggers.push({ type: "skip", expression, gotoName: rule.target }); break;
        case "runExpression": out.triggers.push({ type: "runexpression", expression, setToName: rule.target, runExpression: rule.value || "" }); break;
        case "completedHtml": out.completedHtmlOnCondition.push({ expression, html: rule.value || "" }); break;
        default: break;
      }
    });
    Object.values(combine).forEach(({ target, key, any, none }) => {
      const parts = [];
      if (any.length) parts.push(any.length > 1 ? any.map((e) => `(${e})`).join(" or ") : any[0]);
      none.forEach((e) => parts.push(`!(${e})`));
      const expression = parts.length > 1 ? parts.map((e) => `(${e})`).join(" and ") : parts[0];
      const [kindOf, name] = [target.slice(0, target.indexOf(":")), target.slice(target.indexOf(":") + 1)];
      const holder = kindOf === "page" ? out.pages.find((p) => p.name === name) : out.pages.flatMap((p) => p.elements).find((q) => q.name === name);
      if (holder) holder[key] = expression;
    });
    if (!out.triggers.length) delete out.triggers;
    if (!out.completedHtmlOnCondition.length) delete out.completedHtmlOnCondition;
    return out;
  }

  function select(cls, options, value, onchange) {
    const node = el("select", { class: cls, onchange: (e) => onchange(e.target.value) });
    options.forEach(([v, label]) => node.append(el("option", { value: v, textContent: label, selected: v === value })));
    return node;
  }

  function renderRules() {
    const box = document.getElementById("rules");
    const questions = allQuestions().map((q) => [q.name, q.title ? `${q.title} (${q.name})` : q.name]);
    const pages = schema.pages.map((p, i) => [p.name, p.title || text("questionnaires.page", i + 1)]);
    box.replaceChildren(...rules.map((rule, r) => {
      const conditions = el("div", { class: "conditions" });
      rule.conditions.forEach((c, i) => {
        conditions.append(el("div", { class: "condition inline", "data-index": String(i) },
          select("c-question", [["", "—"], ...questions], c.question, (v) => { c.question = v; }),
          select("c-op", OPERATORS.map((o) => [o, text(`questionnaires.op.${o}`)]), c.op, (v) => { c.op = v; renderRules(); }),
          c.op === "empty" || c.op === "notempty" ? null
            : el("input", { class: "c-value", value: c.value ?? "", "aria-label": text("questionnaires.value"), oninput: (e) => { c.value = e.target.value; } }),
          el("button", { type: "button", class: "link", textContent: text("questionnaires.remove"), onclick: () => { rule.conditions.splice(i, 1); renderRules(); } })));
      });
      const targets = PAGE_ACTIONS.includes(rule.action) ? pages : questions;
      return el("fieldset", { class: "rule", "data-index": String(r) },
        el("legend", { textContent: text("questionnaires.rule", r + 1) }),
        el("label", { class: "check" }, el("input", { type: "checkbox", class: "r-manual", checked: !!rule.manual,
          onchange: (e) => { rule.manual = e.target.checked; if (rule.manual && !rule.expression) rule.expression = ruleExpression({ ...rule, manual: false }); renderRules(); } }),
          text("questionnaires.manual")),
        el("p", { textContent: text("questionnaires.when") }),
        rule.manual
          ? el("textarea", { class: "r-expression", rows: 2, value: rule.expression || "", oninput: (e) => { rule.expression = e.target.value; } })
          : el("div", {},
            select("r-join", [["and", text("questionnaires.all")], ["or", text("questionnaires.any")]], rule.join || "and", (v) => { rule.join = v; }),
            conditions,
            el("button", { type: "button", class: "r-add-condition", textContent: text("questionnaires.addCondition"),
              onclick: () => { rule.conditions.push({ question: "", op: "equal", value: "" }); renderRules(); } })),
        el("p", { textContent: text("questionnaires.then") }),
        el("div", { class: "inline" },
          select("r-action", ACTIONS.map((a) => [a, text(`questionnaires.action.${a}`)]), rule.action, (v) => { rule.action = v; rule.target = ""; renderRules(); }),
          NO_TARGET.includes(rule.action) ? null : select("r-target", [["", "—"], ...targets], rule.target, (v) => { rule.target = v; }),
          ["setValue", "copyValue", "runExpression", "completedHtml"].includes(rule.action)
            ? el("input", { class: "r-value", value: rule.value ?? "", "aria-label": text("questionnaires.value"), placeholder: text("questionnaires.value"), oninput: (e) => { rule.value = e.target.value; } })
            : null,
          el("button", { type: "button", class: "link r-remove", textContent: text("questionnaires.remove"), onclick: () => { rules.splice(r, 1); renderRules(); } })));
    }));
  }

  document.getElementById("add-rule").addEventListener("click", () => {
    rules.push({ join: "and", conditions: [{ question: "", op: "equal", value: "" }], action: "showPage", target: "" });
    renderRules();
  });

  // ---- Preview

  function renderPreview() {
    const box = document.getElementById("preview-survey");
    if (!window.Survey || !window.SurveyUI) return;
    box.replaceChildren();
    const survey = new Survey.Model(compile());
    SurveyUI.renderSurvey(survey, box);
  }

  // ---- Tabs and saving

  document.querySelectorAll(".tabs a[data-tab]").forEach((tab) => {
    tab.addEventListener("click", (e) => {
      e.preventDefault();
      document.querySelectorAll(".tabs a[data-tab]").forEach((t) => {
        t.classList.toggle("active", t === tab);
        document.getElementById(t.dataset.tab).hidden = t !== tab;
      });
      if (tab.dataset.tab === "preview") renderPreview();
      if (tab.dataset.tab === "logic") renderRules();
    });
  });

  const state = document.getElementById("save-state");
  const result = document.getElementById("save-result");
  document.getElementById("save").addEventListener("click", async () => {
    state.textContent = text("questionnaires.saving");
    result.replaceChildren();
    const compiled = compile();
    compiled.openkycRules = rules;
    const response = await fetch(data.saveUrl, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...csrf },
      body: JSON.stringify({ name: nameInput.value, description: descriptionInput.value, schema: JSON.stringify(compiled) }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      state.textContent = text("questionnaires.saved", body.version);
      document.getElementById("questionnaire-title").textContent = nameInput.value;
    } else {
      state.textContent = "";
      const problems = (body.errors || []).map((e) => e.message).join("; ");
      result.append(el("p", { class: "flash error", textContent: text("questionnaires.notSaved", problems) }));
    }
  });

  renderPages();
})();
