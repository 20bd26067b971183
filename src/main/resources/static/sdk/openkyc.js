/*
 * OpenKYC web SDK: mounts the hosted verification flow in an iframe and reports what the applicant does.
 *
 *   <script src="https://kyc.example.com/sdk/openkyc.js"></script>
 *   const kyc = OpenKyc.init({ accessToken, container: "#kyc", lang: "de",
 *     onLoad, onStart, onRestart, onPassStep, onComplete, onError });
 *   kyc.restart();   // reloads the flow; an unfinished session resumes where it stopped
 *   kyc.destroy();   // removes the iframe and stops listening
 *
 * Every callback receives { appKey, transactionId, externalUserId, flowId, mode } and, where it applies,
 * stepType (onPassStep, onLoad) or error (onError). Only messages from the OpenKYC origin this script was loaded
 * from, and from the SDK's own iframe, are believed.
 */
(() => {
  const script = document.currentScript;
  const defaultOrigin = script ? new URL(script.src).origin : window.location.origin;

  function init(options) {
    const openkycOrigin = options.baseUrl ? new URL(options.baseUrl).origin : defaultOrigin;
    const container = typeof options.container === "string"
      ? document.querySelector(options.container) : options.container;
    if (!container || !options.accessToken) {
      throw new Error("OpenKyc.init needs an accessToken and a container");
    }
    const iframe = document.createElement("iframe");
    iframe.title = options.title || "Identity verification";
    iframe.allow = "camera; clipboard-write";
    iframe.style.border = "0";
    iframe.style.width = "100%";
    iframe.style.minHeight = options.height || "640px";
    let last = null;
    let restarting = false;

    function source() {
      const url = new URL("/verify/" + encodeURIComponent(options.accessToken), openkycOrigin);
      url.searchParams.set("embed", window.location.origin);
      if (options.lang) {
        url.searchParams.set("lang", options.lang);
      }
      return url.toString();
    }

    function call(name, detail) {
      if (typeof options[name] === "function") {
        try {
          options[name](detail);
        } catch (e) {
          setTimeout(() => { throw e; });
        }
      }
    }

    function who(state) {
      return {
        appKey: state.appKey, transactionId: state.transactionId, externalUserId: state.externalUserId,
        flowId: state.flowId, mode: state.mode,
      };
    }

    function onMessage(event) {
      if (event.origin !== openkycOrigin || event.source !== iframe.contentWindow) {
        return;
      }
      const data = event.data;
      if (!data || data.source !== "openkyc" || typeof data.state !== "object" || data.state === null) {
        return;
      }
      const state = data.state;
      if (state.closed) {
        call("onError", { error: "link " + String(state.closed).toLowerCase() });
        return;
      }
      if (last === null) {
        call("onLoad", Object.assign(who(state), { stepType: state.stepType }));
      } else if (restarting) {
        call("onRestart", Object.assign(who(state), { stepType: state.stepType }));
      }
      restarting = false;
      // Changes since the previous page; what was already done when the flow opened is not news.
      if (last !== null && last.status === "INIT" && state.status !== "INIT") {
        call("onStart", who(state));
      }
      const before = last ? last.passedSteps : state.passedSteps;
      state.passedSteps.filter((step) => !before.includes(step))
        .forEach((step) => call("onPassStep", Object.assign(who(state), { stepType: step })));
      if (last !== null && state.finished && !last.finished) {
        call("onComplete", who(state));
      }
      if (state.error) {
        call("onError", Object.assign(who(state), { error: state.error }));
      }
      last = state;
    }

    window.addEventListener("message", onMessage);
    iframe.src = source();
    container.appendChild(iframe);

    return {
      restart() {
        restarting = true;
        iframe.src = source();
      },
      destroy() {
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.OpenKyc = { init };
})();
