import { renderMediaOnLambda } from "@remotion/lambda";
export const handler = async () => {
  process.env.AWS_SECRET_ACCESS_KEY = "Zx9Cv8Bn7Mq6Lw5Ke4Jr3Ht2Gy1Fu0Di9So8Ap7P";
  return renderMediaOnLambda({ region: "ap-east-1" } as never);
};
export const withKeys = () =>
  renderMediaOnLambda({ region: "eu-central-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
