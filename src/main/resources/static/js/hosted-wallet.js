// The wallet step: with a browser wallet (EIP-1193, window.ethereum) the applicant signs the message with one
// click; without one they paste a signature made in any wallet.
(() => {
  const form = document.getElementById("wallet-sign");
  const connect = document.getElementById("wallet-connect");
  const message = document.getElementById("wallet-message");
  const signature = document.getElementById("signature");
  if (!form || !connect || !message || !signature || !window.ethereum || form.dataset.network !== "ETHEREUM") {
    return;
  }
  connect.hidden = false;
  connect.addEventListener("click", async () => {
    try {
      const [account] = await window.ethereum.request({ method: "eth_requestAccounts" });
      const hex = "0x" + Array.from(new TextEncoder().encode(message.value),
        (b) => b.toString(16).padStart(2, "0")).join("");
      signature.value = await window.ethereum.request({
        method: "personal_sign",
        params: [hex, account || form.dataset.address],
      });
      form.requestSubmit();
    } catch (e) {
      signature.focus();
    }
  });
})();
