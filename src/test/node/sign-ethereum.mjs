// Signs a message the way Ethereum wallets do (personal_sign, EIP-191), with ethers.js, so the tests can check
// OpenKYC's verification against an implementation that is not its own.
//   node sign-ethereum.mjs <private key hex> <message>   prints {"address": …, "signature": …}
import { Wallet } from "ethers";

const [privateKey, message] = process.argv.slice(2);
const wallet = new Wallet(privateKey);
const signature = await wallet.signMessage(message);
console.log(JSON.stringify({ address: wallet.address, signature }));
