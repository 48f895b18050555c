import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3123";
const pages = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking","--disable-component-update"] });
const ctxs = {};
for (const [who, path, name] of pages) {
  if (!ctxs[who]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (who !== "anon") {
      const p = await ctx.newPage();
      await p.goto(base + "/login"); await p.fill("input[name=email]", who); await p.fill("input[name=password]", "loopwise-demo");
      await Promise.all([p.waitForNavigation(), p.click("button[type=submit]")]); await p.close();
    }
    ctxs[who] = ctx;
  }
  const p = await ctxs[who].newPage();
  p.on("pageerror", e => console.log("PAGEERROR", path, e.message));
  p.on("console", m => { if (m.type() === "error") console.log("CONSOLE", path, m.text()); });
  const r = await p.goto(base + path);
  await p.waitForTimeout(300);
  await p.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: process.env.FULL === "1" });
  console.log(name, r.status());
  await p.close();
}
await browser.close();
