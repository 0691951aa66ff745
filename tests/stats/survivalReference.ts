/** The survival reference sets of fixtures/reference/survival.R (R survival 3.5), shared by the Kaplan–Meier, log-rank, Cox and RMST tests. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { expectRelativelyClose } from "../helpers.ts";

export const reference = JSON.parse(readFileSync("fixtures/reference/survival.json", "utf8"));
export const sets = Object.keys(reference).filter((k) => typeof reference[k] === "object");

export function readSet(name: string) {
  const [header, ...lines] = readFileSync(`fixtures/reference/survival-${name}.csv`, "utf8").trim().split("\n");
  const columns = header!.split(",").map((c) => c.replaceAll('"', ""));
  const rows = lines.map((line) => line.split(",").map((c) => c.replaceAll('"', "")));
  const column = (name: string) => rows.map((r) => r[columns.indexOf(name)]!);
  return { arm: column("arm"), time: column("time").map(Number), event: column("event").map(Number), number: (c: string) => column(c).map(Number) };
}

/** The times and events of one arm of a set. */
export function inArm(data: ReturnType<typeof readSet>, arm: string) {
  const idx = data.arm.map((a, i) => (a === arm ? i : -1)).filter((i) => i >= 0);
  return { time: idx.map((i) => data.time[i]!), event: idx.map((i) => data.event[i]!) };
}

export const close = (actual: number | null, expected: number | null, label: string) => {
  if (expected === null) expect(actual, label).toBeNull();
  else expectRelativelyClose(actual!, expected, 1e-8, label);
};
