import { chromium } from "@playwright/test";
const base = "http://localhost:3293";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function shot(email, path, file, width, act) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  const r = await page.request.post(base + "/login", { form: { email, password: "loopwise-demo" }, maxRedirects: 0 });
  await page.goto(base + path);
  if (act) await act(page);
  await page.screenshot({ path: file, fullPage: width > 400 }); if (width < 400) { await page.mouse.wheel(0, 900); await page.screenshot({ path: file.replace(".png", "-b.png") }); }
  await ctx.close();
}
const [,, email, path, name] = process.argv;
await shot(email, path, `/tmp/shot-${name}-390.png`, 390);
await shot(email, path, `/tmp/shot-${name}-1280.png`, 1280);
await browser.close();
