// Sends a large request body the way a client would, to see when and how the server answers.
import { request } from "node:http";

/**
 * POSTs `bytes` bytes of form data to `url` in 64 kB writes, chunked unless `contentLength` is
 * given, and stops writing as soon as the answer arrives. Resolves with the status, the text, how
 * long the answer took and how many bytes had been sent by then.
 */
export function upload(url: string, bytes: number, { contentLength }: { contentLength?: number } = {}) {
  const started = performance.now();
  return new Promise<{ status: number; body: string; ms: number; sentBeforeAnswer: number }>((resolve, reject) => {
    const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (contentLength !== undefined) headers["Content-Length"] = contentLength;
    const req = request(url, { method: "POST", headers });
    let answered = false;
    let sent = 0;
    req.on("response", (res) => {
      answered = true;
      const ms = performance.now() - started;
      const sentBeforeAnswer = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode!, body, ms, sentBeforeAnswer }));
      res.on("error", () => resolve({ status: res.statusCode!, body, ms, sentBeforeAnswer }));
    });
    // Once the server has answered and closed the connection, our writes fail: that is the refusal.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const write = () => {
      while (sent < bytes && !answered && !req.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", write);
      }
      if (!answered && !req.destroyed) req.end();
    };
    write();
  });
}
