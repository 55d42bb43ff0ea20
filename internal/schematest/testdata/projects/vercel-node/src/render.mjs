import "dotenv/config";
import dotenv from "dotenv";
import { renderMediaOnLambda, getFunctions } from "@remotion/lambda/client";

dotenv.config({ path: ".env.production" });

const n = 2;
const key = process.env["AWS_KEY_" + n];
if (!process.env.AWS_ACCESS_KEY_ID) {
  throw new Error("missing");
}
process.env.REMOTION_AWS_ACCESS_KEY_ID = key;
process.env.REMOTION_AWS_REGION = "eu-west-1";
delete process.env.AWS_SESSION_TOKEN;
const secret = process.env.REMOTION_AWS_SECRET_ACESS_KEY;
const hardcoded = { accessKeyId: "AKIAQQQQRRRRSSSSXXXX" };

await renderMediaOnLambda({ region: "us-east-1", functionName: "f", serveUrl: "s", composition: "c", codec: "h264" });
await getFunctions({ region: process.env.REGION, compatibleOnly: true });
