// Photo capture for the hosted flow's document and selfie steps: the camera with a guide frame, a manual shutter,
// and (when the flow allows autocapture) a shot taken by itself once the picture has been steady and sharp for a
// moment. The photo lands in the form's file input, so the form posts it like a file picked from the gallery.
(() => {
  const SAMPLE_WIDTH = 160;
  const CHECK_EVERY_MS = 200;
  const STEADY_CHECKS = 4;

  document.querySelectorAll("form[data-capture]").forEach((form) => {
    const ways = (form.dataset.captureWays || "GALLERY CAMERA").split(" ");
    const camera = ways.includes("CAMERA") || ways.includes("AUTOCAPTURE");
    const auto = ways.includes("AUTOCAPTURE");
    const hints = form.dataset;
    const type = form.querySelector("[name=documentType]");
    const twoSided = (form.dataset.twoSided || "").split(" ");
    const back = form.querySelector("[data-side=back]");

    function syncBack() {
      if (!type || !back) {
        return;
      }
      const needed = twoSided.includes(type.value);
      back.hidden = !needed;
      back.querySelector("input[type=file]").required = needed;
    }
    if (type) {
      type.addEventListener("change", syncBack);
      syncBack();
    }
    form.querySelectorAll(".capture").forEach((side) => setUp(side, camera, auto, hints, form.dataset.facing));
  });

  function setUp(side, camera, auto, hints, facing) {
    const input = side.querySelector("input[type=file]");
    const open = side.querySelector(".open-camera");
    const box = side.querySelector(".camera");
    const video = box.querySelector("video");
    const guide = box.querySelector(".guide");
    const hint = side.querySelector(".capture-hint");
    const shoot = box.querySelector(".shoot");
    const preview = side.querySelector(".preview");
    let stream = null;
    let timer = null;

    input.addEventListener("change", () => {
      if (input.files && input.files[0]) {
        show(input.files[0]);
      }
    });
    if (!camera || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return;
    }
    open.hidden = false;
    open.addEventListener("click", start);
    shoot.addEventListener("click", take);

    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: facing || "environment", width: { ideal: 1920 }, height: { ideal: 1080 } },
          audio: false,
        });
      } catch (e) {
        hint.textContent = hints.hintDenied || "";
        box.hidden = false;
        shoot.hidden = true;
        return;
      }
      video.srcObject = stream;
      box.hidden = false;
      shoot.hidden = false;
      open.hidden = true;
      hint.textContent = hints.hintStart || "";
      if (auto) {
        watch();
      }
    }

    // Sharpness as the variance of the Laplacian and motion as the mean change between checks, both on a small
    // greyscale copy of the frame; sharpness is judged against the best seen so far, so any camera can pass.
    function watch() {
      const canvas = document.createElement("canvas");
      const context = canvas.getContext("2d", { willReadFrequently: true });
      let previous = null;
      let best = 0;
      let steady = 0;
      timer = setInterval(() => {
        if (!video.videoWidth) {
          return;
        }
        canvas.width = SAMPLE_WIDTH;
        canvas.height = Math.round(SAMPLE_WIDTH * video.videoHeight / video.videoWidth);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const grey = toGrey(context.getImageData(0, 0, canvas.width, canvas.height));
        const sharpness = laplacianVariance(grey, canvas.width, canvas.height);
        const motion = previous ? meanDifference(grey, previous) : 255;
        previous = grey;
        best = Math.max(best, sharpness);
        const sharp = sharpness >= 20 && sharpness >= best * 0.7;
        const still = motion < 4;
        steady = sharp && still ? steady + 1 : 0;
        guide.classList.toggle("steady", steady > 0);
        hint.textContent = !sharp ? hints.hintFocus || "" : !still ? hints.hintSteady || "" : hints.hintStart || "";
        if (steady >= STEADY_CHECKS) {
          take();
        }
      }, CHECK_EVERY_MS);
    }

    function take() {
      if (!video.videoWidth) {
        return;
      }
      const canvas = document.createElement("canvas");
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext("2d").drawImage(video, 0, 0);
      stop();
      canvas.toBlob((blob) => {
        const file = new File([blob], side.dataset.side + ".jpg", { type: "image/jpeg" });
        const transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        show(file);
        box.hidden = true;
        open.hidden = false;
        side.dataset.captured = "true";
        guide.classList.remove("steady");
        hint.textContent = hints.hintTaken || "";
      }, "image/jpeg", 0.92);
    }

    function stop() {
      clearInterval(timer);
      if (stream) {
        stream.getTracks().forEach((track) => track.stop());
        stream = null;
      }
    }

    function show(file) {
      preview.src = URL.createObjectURL(file);
      preview.hidden = false;
    }
  }

  function toGrey(image) {
    const grey = new Float32Array(image.width * image.height);
    for (let i = 0; i < grey.length; i++) {
      grey[i] = 0.299 * image.data[i * 4] + 0.587 * image.data[i * 4 + 1] + 0.114 * image.data[i * 4 + 2];
    }
    return grey;
  }

  function laplacianVariance(grey, width, height) {
    let sum = 0;
    let squares = 0;
    let count = 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        const value = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - 4 * grey[i];
        sum += value;
        squares += value * value;
        count++;
      }
    }
    const mean = sum / count;
    return squares / count - mean * mean;
  }

  function meanDifference(a, b) {
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      total += Math.abs(a[i] - b[i]);
    }
    return total / a.length;
  }
})();
