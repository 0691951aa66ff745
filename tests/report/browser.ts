/**
 * Headless Chromium for the report's browser test, driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: commands on fd 3, answers on fd 4, each a JSON message ended by a NUL byte),
 * so no npm package is needed. One browser, one page; `open` loads a file on screen or in A4 print emulation,
 * collecting console errors, uncaught exceptions and failed loads.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p)) ?? null;

/** A4 (210 mm) less the report's print margins (14 mm each side), in CSS pixels (96 per inch). */
export const A4_CONTENT_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

type Message = { id?: number; method?: string; params?: any; result?: any; error?: { message: string }; sessionId?: string };

export class Browser {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  private buffer = "";
  private session = "";
  /** Errors seen since the last `open`. */
  errors: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    const output = child.stdio[4] as Readable;
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf("\u0000")) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  static async launch(): Promise<Browser> {
    const child = spawn(
      CHROMIUM!,
      ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars", `--user-data-dir=${mkdtempSync(join(tmpdir(), "effekt-chromium-"))}`, "about:blank"],
      { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
    );
    const browser = new Browser(child);
    const { targetId } = await browser.send("Target.createTarget", { url: "about:blank" }, false);
    browser.session = (await browser.send("Target.attachToTarget", { targetId, flatten: true }, false)).sessionId;
    browser.listeners.push((m) => {
      if (m.method === "Runtime.consoleAPICalled" && (m.params.type === "error" || m.params.type === "assert")) browser.errors.push(`console.${m.params.type}: ${m.params.args.map((a: any) => a.value ?? a.description).join(" ")}`);
      if (m.method === "Runtime.exceptionThrown") browser.errors.push(`exception: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
      if (m.method === "Log.entryAdded" && m.params.entry.level === "error") browser.errors.push(`log: ${m.params.entry.text} ${m.params.entry.url ?? ""}`);
    });
    for (const domain of ["Runtime.enable", "Log.enable", "Page.enable"]) await browser.send(domain);
    return browser;
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method: string, params: Record<string, unknown> = {}, inSession = true): Promise<any> {
    const id = this.nextId++;
    const message = { id, method, params, ...(inSession ? { sessionId: this.session } : {}) };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(JSON.stringify(message) + "\u0000");
    });
  }

  /** Loads a file: on screen at `width` px, or as printed on A4 (print media, the A4 content width). */
  async open(file: string, media: "screen" | "print", width = 1024): Promise<void> {
    this.errors = [];
    await this.send("Emulation.setEmulatedMedia", { media });
    await this.send("Emulation.setDeviceMetricsOverride", { width: media === "print" ? A4_CONTENT_WIDTH : width, height: 900, deviceScaleFactor: 1, mobile: false });
    const loaded = new Promise<void>((resolve) => {
      const listener = (m: Message) => {
        if (m.method === "Page.loadEventFired") {
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve();
        }
      };
      this.listeners.push(listener);
    });
    const { errorText } = await this.send("Page.navigate", { url: `file://${file}` });
    if (errorText) this.errors.push(`navigate: ${errorText}`);
    await loaded;
  }

  /** The value of an expression evaluated in the page (a string: the test's compiled functions would not survive being sent). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send("Runtime.evaluate", { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  async close(): Promise<void> {
    await this.send("Browser.close", {}, false).catch(() => {});
    if (this.child.exitCode === null) this.child.kill();
  }
}
