// Recovers the signer of EIP-712 typed data with ethers.js, so the tests can check OpenKYC's attestations against an
// implementation that is not its own.
//   node verify-typed-data.mjs <file with {"typedData": …, "signature": …}>   prints {"signer": …, "hash": …}
import { readFileSync } from "node:fs";
import { TypedDataEncoder, verifyTypedData } from "ethers";

const { typedData, signature } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const types = { ...typedData.types };
delete types.EIP712Domain;
const signer = verifyTypedData(typedData.domain, types, typedData.message, signature);
const hash = TypedDataEncoder.hash(typedData.domain, types, typedData.message);
console.log(JSON.stringify({ signer, hash }));
