// Verifies and decrypts an OpenKYC webhook with Node's crypto module, and decrypts encrypted API payloads.
//
//   OPENKYC_WEBHOOK_SECRETS=<webhook secret> OPENKYC_CRYPTO_KEY=<crypto key> node decrypt.mjs < delivery.json
//
// where delivery.json is {"id": <webhook-id>, "timestamp": <webhook-timestamp>, "signature": <webhook-signature>,
// "body": <raw body as a string>}. Prints the decrypted event, or exits with 1 and the reason.
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 5 * 60;

// base64(iv ‖ ciphertext), AES-256-CBC with PKCS#7 padding: the same for webhook events and API payloads.
export function decrypt(data, cryptoKey) {
  const raw = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-cbc", Buffer.from(cryptoKey, "base64"), raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8");
}

export function verify({ id, timestamp, signature, body }, secrets, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    throw new Error("webhook-timestamp is outside the tolerance window");
  }
  const given = signature.trim().split(/ +/)
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => Buffer.from(entry.slice(3), "base64"));
  const signed = secrets.some((secret) => {
    const expected = createHmac("sha256", Buffer.from(secret, "base64"))
      .update(`${id}.${timestamp}.${body}`)
      .digest();
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
  if (!signed) {
    throw new Error("no valid signature");
  }
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const delivery = JSON.parse(input);
  try {
    verify(delivery, process.env.OPENKYC_WEBHOOK_SECRETS.split(","));
    console.log(decrypt(JSON.parse(delivery.body).data, process.env.OPENKYC_CRYPTO_KEY));
  } catch (e) {
    console.error(`refused: ${e.message}`);
    process.exit(1);
  }
}

await main();
