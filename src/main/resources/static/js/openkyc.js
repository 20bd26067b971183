// Small behaviours of the workplace; everything works without them except the mobile menu toggle.
document.addEventListener("DOMContentLoaded", () => {
  const menuButton = document.querySelector("[data-toggle-menu]");
  const sidebar = document.getElementById("sidebar");
  if (menuButton && sidebar) {
    menuButton.addEventListener("click", () => {
      const open = sidebar.classList.toggle("open");
      menuButton.setAttribute("aria-expanded", String(open));
    });
  }
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});

// Copy buttons: data-copy names the field whose value is copied.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.querySelector(button.dataset.copy);
  if (field) {
    field.select();
    navigator.clipboard?.writeText(field.value);
  }
});

// Liveness recordings: the Play button shows the attempt's frames one after another, five a second.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".recording .play");
  if (!button) {
    return;
  }
  const recording = button.closest(".recording");
  const image = recording.querySelector("img");
  const frames = recording.dataset.frames.split(" ").filter(Boolean);
  const first = image.src;
  button.disabled = true;
  frames.forEach((id, i) => setTimeout(() => {
    image.src = recording.dataset.base + id;
    if (i === frames.length - 1) {
      setTimeout(() => { image.src = first; button.disabled = false; }, 400);
    }
  }, i * 200));
});
