// Compiles contracts/KycAttestationVerifier.sol with solc-js and runs it in an EVM (@ethereumjs/evm), so the tests can
// check OpenKYC's attestations against the verifier contract itself.
//   node verify-on-chain.mjs address <issuer>              prints {"contract": …} (where the verifier is deployed)
//   node verify-on-chain.mjs verify <issuer> <file>        file: {"typedData": …, "signature": …}; prints
//                                                          {"contract": …, "approved": true|false, "digest": …}
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import solc from "solc";
import { createEVM } from "@ethereumjs/evm";
import { createAddressFromString, hexToBytes, bytesToHex } from "@ethereumjs/util";
import { Interface } from "ethers";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = readFileSync(path.join(here, "../../../contracts/KycAttestationVerifier.sol"), "utf8");
const compiled = JSON.parse(solc.compile(JSON.stringify({
  language: "Solidity",
  sources: { "KycAttestationVerifier.sol": { content: source } },
  settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
})));
const errors = (compiled.errors || []).filter((e) => e.severity === "error");
if (errors.length) {
  console.error(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(2);
}
const contract = compiled.contracts["KycAttestationVerifier.sol"].KycAttestationVerifier;
const abi = new Interface(contract.abi);

const [mode, issuer, file] = process.argv.slice(2);
const evm = await createEVM();
const caller = createAddressFromString("0x00000000000000000000000000000000000c0de0");
const deployed = await evm.runCall({
  caller,
  gasLimit: 10_000_000n,
  data: hexToBytes("0x" + contract.evm.bytecode.object + abi.encodeDeploy([issuer]).slice(2)),
});
if (deployed.execResult.exceptionError) {
  console.error(String(deployed.execResult.exceptionError.error));
  process.exit(3);
}
const address = deployed.createdAddress;
if (mode === "address") {
  console.log(JSON.stringify({ contract: address.toString() }));
  process.exit(0);
}
const { typedData, signature } = JSON.parse(readFileSync(file, "utf8"));
const m = typedData.message;
const attestation = [m.wallet, m.status, m.subject, m.issuer, m.issuedAt, m.expiresAt];
async function call(name, args) {
  const result = await evm.runCall({ caller, to: address, gasLimit: 1_000_000n, data: hexToBytes(abi.encodeFunctionData(name, args)) });
  if (result.execResult.exceptionError) {
    throw new Error(String(result.execResult.exceptionError.error));
  }
  return abi.decodeFunctionResult(name, bytesToHex(result.execResult.returnValue))[0];
}
const approved = await call("isApproved", [attestation, signature]);
const digest = await call("digest", [attestation]);
console.log(JSON.stringify({ contract: address.toString(), approved, digest }));
