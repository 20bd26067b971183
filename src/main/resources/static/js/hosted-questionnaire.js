// The questionnaire step: SurveyJS renders the flow's questionnaire (its logic runs in the browser), and the answers
// go to /sdk/v1/questionnaire, where the server checks them again. Answers it refuses are named, and the applicant
// answers again with what they gave kept.
(() => {
  const box = document.getElementById("questionnaire");
  const problem = document.getElementById("questionnaire-problem");
  const script = document.getElementById("hosted-forms");
  const token = script && script.dataset.token;
  if (!box || !token || !window.Survey || !window.SurveyUI) {
    return;
  }
  const schema = JSON.parse(box.dataset.schema);
  let answers = {};

  function render() {
    const survey = new Survey.Model(schema);
    survey.locale = box.dataset.locale || "en";
    survey.data = answers;
    survey.onCompleting.add(async (sender, options) => {
      options.allow = false;
      answers = sender.data;
      const response = await fetch("/sdk/v1/questionnaire", {
        method: "POST",
        headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
        body: JSON.stringify({ answers }),
      });
      if (response.ok) {
        const next = new URL(window.location.pathname, window.location.origin);
        const current = new URLSearchParams(window.location.search);
        ["lang", "embed"].forEach((name) => current.get(name) && next.searchParams.set(name, current.get(name)));
        window.location.assign(next.toString());
        return;
      }
      const body = await response.json().catch(() => null);
      const fields = body && Array.isArray(body.errors)
        ? body.errors.map((e) => String(e.field).replace(/^answers\./, "")).join(", ")
        : "";
      problem.textContent = box.dataset.problem.replace("{0}", fields);
      problem.hidden = false;
    });
    SurveyUI.renderSurvey(survey, box);
  }
  render();
})();
