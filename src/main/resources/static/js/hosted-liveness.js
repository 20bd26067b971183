// The liveness step: opens the front camera, asks the server for a challenge, takes frames while the applicant
// looks at the camera and then while they do each action, and sends them tagged with the part they belong to. The
// preview is mirrored, as people expect; the frames are not. The server judges; the page then shows where the
// applicant stands, or offers another try.
(() => {
  const box = document.getElementById("liveness");
  const video = document.getElementById("liveness-video");
  const hint = document.getElementById("liveness-hint");
  const start = document.getElementById("liveness-start");
  const script = document.getElementById("hosted-forms");
  const token = script && script.dataset.token;
  if (!box || !video || !hint || !start || !token || !navigator.mediaDevices) {
    return;
  }
  const say = (key) => { hint.textContent = box.dataset["hint" + key] || ""; };
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const canvas = document.createElement("canvas");
  const headers = { "Authorization": "Bearer " + token };
  const ACTION_KEYS = {
    TURN_LEFT: "TurnLeft", TURN_RIGHT: "TurnRight", LOOK_UP: "LookUp", LOOK_DOWN: "LookDown",
    SMILE: "Smile", BLINK: "Blink",
  };

  function frame() {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d").drawImage(video, 0, 0);
    return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  }

  async function take(frames, segment, count, every) {
    for (let i = 0; i < count; i++) {
      frames.push({ blob: await frame(), segment });
      await wait(every);
    }
  }

  function reload() {
    const next = new URL(window.location.pathname, window.location.origin);
    const current = new URLSearchParams(window.location.search);
    ["lang", "embed"].forEach((name) => current.get(name) && next.searchParams.set(name, current.get(name)));
    window.location.assign(next.toString());
  }

  start.addEventListener("click", async () => {
    start.disabled = true;
    try {
      if (!video.srcObject) {
        video.srcObject = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
        });
        await video.play();
        await wait(500);
      }
    } catch (e) {
      say("Denied");
      start.disabled = false;
      return;
    }
    const challenge = await fetch("/sdk/v1/liveness/challenge", { method: "POST", headers });
    if (!challenge.ok) {
      say("NoneLeft");
      await wait(1500);
      reload();
      return;
    }
    const { attempt, actions } = await challenge.json();
    const frames = [];
    say("Look");
    await take(frames, 0, 5, 200);
    const each = actions.length ? Math.max(4, Math.min(12, Math.floor(34 / actions.length))) : 0;
    for (let i = 0; i < actions.length; i++) {
      say(ACTION_KEYS[actions[i]] || "Look");
      await wait(400);
      await take(frames, i + 1, each, Math.round(2400 / each));
    }
    say("Sending");
    const form = new FormData();
    form.append("attempt", attempt);
    frames.forEach((f, i) => form.append("frames", f.blob, "frame-" + i + ".jpg"));
    form.append("segments", frames.map((f) => f.segment).join(","));
    const answer = await fetch("/sdk/v1/liveness", { method: "POST", headers, body: form });
    const body = await answer.json().catch(() => null);
    if (answer.ok && body && body.outcome && body.outcome.retry) {
      say("Failed");
      start.disabled = false;
      return;
    }
    reload();
  });
})();
