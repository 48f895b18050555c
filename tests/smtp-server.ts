// A minimal SMTP server on the loopback interface for tests: it accepts every message and keeps
// it. Only the part of RFC 5321 nodemailer uses without TLS or authentication.
import { createServer, type AddressInfo, type Socket } from "node:net";

const ANSWERS: Record<string, string> = {
  EHLO: "250 test.invalid",
  HELO: "250 test.invalid",
  DATA: "354 End data with <CR><LF>.<CR><LF>",
  QUIT: "221 Bye",
};

export type ReceivedMail = { from: string; to: string[]; data: string };

export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    let buffer = "";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test.invalid ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(mail);
            mail = { from: "", to: [], data: "" };
            reply("250 OK: queued");
          } else mail.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") mail.from = line.slice(10).trim();
        if (verb === "RCPT") mail.to.push(line.slice(8).trim());
        if (verb === "DATA") inData = true;
        reply(ANSWERS[verb] ?? "250 OK");
        if (verb === "QUIT") socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (taken from the OS, then released). */
export async function closedPort() {
  const probe = await startSmtpServer();
  await probe.close();
  return probe.port;
}
