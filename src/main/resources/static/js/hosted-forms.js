// The hosted flow's forms submit through the /sdk/v1 API with the access token, like any other client; the page
// then shows where the applicant stands. Without JavaScript the forms post to the page itself, which does the same.
(() => {
  const script = document.getElementById("hosted-forms");
  const token = script && script.dataset.token;
  if (!token || !window.fetch) {
    return;
  }

  function problemKey(form, response, body) {
    const code = body && Array.isArray(body.errors) && body.errors[0] ? String(body.errors[0].code) : "";
    const map = form.dataset.problems ? JSON.parse(form.dataset.problems) : {};
    if (map[String(response.status)]) {
      return map[String(response.status)];
    }
    if (code && map[code]) {
      return map[code];
    }
    if (code && form.dataset.problemPrefix) {
      return form.dataset.problemPrefix + code;
    }
    return map["*"] || null;
  }

  document.querySelectorAll("form[data-api]").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const fields = {};
      new FormData(form).forEach((value, name) => {
        if (name !== "lang" && name !== "embed") {
          fields[name] = value;
        }
      });
      let response;
      try {
        response = await fetch(form.dataset.api, {
          method: "POST",
          headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
          body: JSON.stringify(fields),
        });
      } catch (e) {
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      const next = new URL(form.dataset.next || window.location.pathname, window.location.origin);
      const current = new URLSearchParams(window.location.search);
      ["lang", "embed"].forEach((name) => {
        if (current.get(name)) {
          next.searchParams.set(name, current.get(name));
        }
      });
      if (response.ok) {
        if (form.dataset.notice) {
          next.searchParams.set("notice", form.dataset.notice);
        }
      } else {
        const body = await response.json().catch(() => null);
        const key = problemKey(form, response, body);
        if (key) {
          next.searchParams.set("problem", key);
        }
      }
      window.location.assign(next.toString());
    });
  });
})();
