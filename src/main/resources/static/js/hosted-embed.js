// Inside the web SDK's iframe: tells the embedding page where the applicant stands, after every page load.
// Messages go to the one origin the SDK named, never to "*".
(() => {
  const element = document.getElementById("openkyc-state");
  const parentOrigin = element && element.dataset.parent;
  if (!element || !parentOrigin || window.parent === window) {
    return;
  }
  window.parent.postMessage({ source: "openkyc", state: JSON.parse(element.textContent) }, parentOrigin);
})();
