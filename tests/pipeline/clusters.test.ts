/**
 * The cluster-randomised example (fixtures/clusters/): whole caseworkers randomised within district.
 * The allocation log holds the clusters, every cluster is in one arm, and effects.json's estimators
 * are those of `estimate --table --clusters` on the same analysis table (the same functions, so 1e-12).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";
import { estimateFromTable } from "../../pipeline/commands/estimateTable.ts";
import { AssignmentArtefact } from "../../src/assign/schema.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { chainLines, formatLog, headerHash, parseLog } from "../../src/assign/allocationLog.ts";
import { verifyAllocation } from "../../src/assign/verifyAllocation.ts";
import { StopRun } from "../../src/shared/issues.ts";
import { expectRelativelyClose } from "../helpers.ts";

const log = () => {};
const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
/** The fixture's own population file: person → caseworker, read here without effekt. */
const caseworkerOf = new Map(rows(readFileSync("fixtures/clusters/population.csv", "utf8")).map((r) => [r.borger_id!, r.sagsbehandler!]));
const G = new Set(caseworkerOf.values()).size;

describe("a cluster-randomised evaluation (fixtures/clusters/spec.json)", () => {
  // A copy, so that the run's allocation log is written beside the copied spec, never into fixtures/.
  const dir = mkdtempSync(join(tmpdir(), "effekt-clusters-"));
  cpSync("fixtures/clusters", dir, { recursive: true });
  const out = join(dir, "out");
  const ready = runPipeline({ specPath: join(dir, "spec.json"), outDir: out, log });
  const read = (file: string) => readFileSync(join(out, file), "utf8");

  it("randomises whole caseworkers: the log names each person's cluster, and every cluster is in one arm", async () => {
    await ready;
    expect(G).toBe(30);
    const logText = readFileSync(join(dir, "clusters.allocation-log.csv"), "utf8");
    expect(logText).toContain("# clusters: sagsbehandler\nline,person_id,batch,block,cluster,arm,time,sha256\n");
    const lines = parseLog(logText).lines;
    expect(lines.length).toBe(caseworkerOf.size);
    const armsOf = new Map<string, Set<string>>();
    for (const line of lines) {
      expect(line.cluster, line.personId).toBe(caseworkerOf.get(line.personId));
      armsOf.set(line.cluster!, (armsOf.get(line.cluster!) ?? new Set()).add(line.arm));
    }
    expect(armsOf.size).toBe(30);
    for (const [cluster, arms] of armsOf) expect(arms.size, cluster).toBe(1);
    // Blocked by district: 15 caseworkers in each, 7 or 8 of them in the programme.
    for (const district of ["target_group=nord", "target_group=syd"]) {
      const clusters = [...new Set(lines.filter((l) => l.block === district).map((l) => l.cluster!))];
      expect(clusters.length).toBe(15);
      expect([7, 8]).toContain(clusters.filter((c) => [...armsOf.get(c)!][0] === "programme").length);
    }
    const assignment = AssignmentArtefact.parse(JSON.parse(read("assignment.json")));
    expect(assignment.design.cluster).toBe("sagsbehandler");
    expect(assignment.design.algorithm).toMatch(/^effekt-cluster-blocked-1/);
    expect(assignment.checks.find((c) => c.id === "cluster_in_one_arm")).toMatchObject({ passed: true, count: 0 });
    // The shipped log is this run's log: the committed fixture is what the pipeline writes.
    expect(logText).toBe(readFileSync("fixtures/clusters/clusters.allocation-log.csv", "utf8"));
    expect(verifyAllocation(logText, null).ok).toBe(true);
  });

  it("verify-allocation names a person moved out of their cluster's arm, even with the chain recomputed", async () => {
    await ready;
    const parsed = parseLog(readFileSync(join(dir, "clusters.allocation-log.csv"), "utf8"));
    const moved = parsed.lines.map(({ sha256: _, ...line }) => (line.line === 2 ? { ...line, arm: line.arm === "control" ? "programme" : "control" } : line));
    const forged = formatLog(parsed.headerText, chainLines(headerHash(parsed.headerText), moved));
    const result = verifyAllocation(forged, null);
    expect(result.chain.ok).toBe(true);
    expect(result.allocation.ok).toBe(false);
    expect(result.allocation.firstBadLine).toBe(2);
  });

  it("balances the clusters: per arm 15 caseworkers, each one unit with its persons' mean age", async () => {
    await ready;
    const balance = AssignmentArtefact.parse(JSON.parse(read("assignment.json"))).clusterBalance!;
    const row = balance.comparisons[0]!.rows.find((r) => r.covariate === "age")!;
    expect(balance.comparisons[0]!.clusters).toEqual({ programme: 15, control: 15 });
    // By hand from work/persons.csv and the log: the mean over the arm's caseworkers of their persons' mean age.
    const persons = rows(read("work/persons.csv"));
    const arm = new Map(parseLog(readFileSync(join(dir, "clusters.allocation-log.csv"), "utf8")).lines.map((l) => [l.personId, l.arm]));
    const clusterMeans = (armName: string) => {
      const sums = new Map<string, [number, number]>();
      for (const p of persons.filter((q) => arm.get(q.personId!) === armName)) {
        const s = sums.get(p.cluster!) ?? [0, 0];
        sums.set(p.cluster!, [s[0] + Number(p.age), s[1] + 1]);
      }
      const means = [...sums.values()].map(([total, n]) => total / n);
      return means.reduce((a, b) => a + b, 0) / means.length;
    };
    expectRelativelyClose(row.arms.find((a) => a.arm === "programme")!.mean!, clusterMeans("programme"), 1e-12, "programme");
    expectRelativelyClose(row.arms.find((a) => a.arm === "control")!.mean!, clusterMeans("control"), 1e-12, "control");
  });

  it("estimates with cluster-robust SEs over G = 30 clusters, exactly as estimate --table --clusters on the same table", async () => {
    await ready;
    const effects = EffectsArtefact.parse(JSON.parse(read("effects.json")));
    for (const id of ["ols", "ols_adjusted", "lin", "difference_in_means", "randomization"]) {
      const row = effects.estimates.find((e) => e.estimator === id)!;
      expect(row.clusters, id).toBe(G);
    }
    // The analysis table the pipeline estimated from, written as a researcher's CSV.
    const persons = new Map(rows(read("work/persons.csv")).map((p) => [p.personId!, p]));
    const outcomes = new Map(rows(read("work/outcomes.csv")).map((o) => [o.personId!, o]));
    const table = rows(read("work/assignments.csv")).map((a) => {
      const p = persons.get(a.personId!)!;
      return [a.arm, caseworkerOf.get(a.personId!)!, `${a.batch} | ${a.block}`, outcomes.get(a.personId!)!.paid_hours_12m, p.age, p.female].join(",");
    });
    const file = join(dir, "table.csv");
    writeFileSync(file, ["arm,caseworker,stratum,paid_hours_12m,age,female", ...table].join("\n") + "\n");
    const tableOut = join(dir, "table-out");
    await estimateFromTable({
      file, treatment: "arm", control: "control", outcomes: ["paid_hours_12m"], binary: [], counts: [], exposure: null, survival: null,
      covariates: ["age", "female"], categorical: [], missingCovariates: "stop", blocks: "stratum", clusters: "caseworker", subgroups: [],
      permutations: 2000, seed: 7, confidence: 0.95, outDir: tableOut, log,
    });
    const researcher = EffectsArtefact.parse(JSON.parse(readFileSync(join(tableOut, "effects.json"), "utf8")));
    expect(researcher.estimates.map((e) => e.estimator)).toEqual(effects.estimates.map((e) => e.estimator));
    for (const mine of effects.estimates) {
      const theirs = researcher.estimates.find((e) => e.estimator === mine.estimator)!;
      for (const key of ["estimate", "std_error", "df", "p_value", "conf_low", "conf_high"] as const) {
        if (theirs[key] === null) expect(mine[key], `${mine.estimator} ${key}`).toBeNull();
        else expectRelativelyClose(mine[key] as number, theirs[key] as number, 1e-12, `${mine.estimator} ${key}`);
      }
      expect(mine.clusters).toBe(theirs.clusters);
    }
  });
});

describe("a person without a cluster", () => {
  it("is quarantined with the file, line and column named, never assigned silently", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-clusters-empty-"));
    cpSync("fixtures/clusters", dir, { recursive: true });
    const population = readFileSync(join(dir, "population.csv"), "utf8").split("\n");
    population[4] = population[4]!.replace(/,SB\d\d$/, ",");
    writeFileSync(join(dir, "population.csv"), population.join("\n"));
    const out = join(dir, "out");
    try {
      await runPipeline({ specPath: join(dir, "spec.json"), outDir: out, log });
    } catch (error) {
      if (!(error instanceof StopRun)) throw error;
    }
    const quarantine = rows(readFileSync(join(out, "work/quarantine/population.csv"), "utf8"));
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]).toMatchObject({ line: "5", column: "sagsbehandler", rule: "missing_value" });
    const persons = rows(readFileSync(join(out, "work/persons.csv"), "utf8"));
    expect(persons.length).toBe(caseworkerOf.size - 1);
    expect(persons.every((p) => p.cluster !== "")).toBe(true);
    const assignment = AssignmentArtefact.parse(JSON.parse(readFileSync(join(out, "assignment.json"), "utf8")));
    expect(assignment.consort.excluded).toMatchObject({ total: 1, byRule: { missing_value: 1 } });
  });
});

describe("an allocation made elsewhere (mode existing) with a cluster column", () => {
  const existing = async (move: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-clusters-existing-"));
    cpSync("fixtures/clusters", dir, { recursive: true });
    const lines = parseLog(readFileSync("fixtures/clusters/clusters.allocation-log.csv", "utf8")).lines;
    // Move one person of caseworker SB01 to the other arm: the caseworker then holds both arms.
    const arms = lines.map((l) => [l.personId, move && l.personId === "P0001" ? (l.arm === "control" ? "programme" : "control") : l.arm]);
    writeFileSync(join(dir, "allocation.csv"), ["personId,arm", ...arms.map((a) => a.join(","))].join("\n") + "\n");
    const spec = JSON.parse(readFileSync(join(dir, "spec.json"), "utf8"));
    spec.assignment = { mode: "existing", file: "allocation.csv", arms: spec.assignment.arms, cluster: "sagsbehandler" };
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    const out = join(dir, "out");
    let stop: StopRun | null = null;
    try {
      await runPipeline({ specPath: join(dir, "spec.json"), outDir: out, log });
    } catch (error) {
      if (!(error instanceof StopRun)) throw error;
      stop = error;
    }
    return { out, stop, sb01: lines.filter((l) => l.cluster === "SB01").length };
  };

  it("passes cluster_in_one_arm when every cluster holds one arm, and estimates over the clusters", async () => {
    const { out, stop } = await existing(false);
    expect(stop).toBeNull();
    const assignment = AssignmentArtefact.parse(JSON.parse(readFileSync(join(out, "assignment.json"), "utf8")));
    expect(assignment.checks.find((c) => c.id === "cluster_in_one_arm")).toMatchObject({ passed: true, count: 0 });
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
    expect(effects.estimates.find((e) => e.estimator === "lin")!.clusters).toBe(G);
  });

  it("stops on a cluster holding two arms, listing each of its persons", async () => {
    const { out, stop, sb01 } = await existing(true);
    expect(stop).not.toBeNull();
    expect(stop!.issues.map((i) => i.code)).toContain("check_cluster_in_one_arm");
    const assignment = AssignmentArtefact.parse(JSON.parse(readFileSync(join(out, "assignment.json"), "utf8")));
    expect(assignment.checks.find((c) => c.id === "cluster_in_one_arm")).toMatchObject({ passed: false, count: sb01 });
    const listed = rows(readFileSync(join(out, "work/assignment-issues.csv"), "utf8")).filter((r) => r.check === "cluster_in_one_arm");
    expect(listed.length).toBe(sb01);
  });
});

describe("a design that cannot randomise whole clusters", () => {
  const stopWith = async (change: (assignment: Record<string, unknown>) => void) => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-clusters-design-"));
    cpSync("fixtures/clusters", dir, { recursive: true });
    const spec = JSON.parse(readFileSync(join(dir, "spec.json"), "utf8"));
    change(spec.assignment);
    spec.assignment.log = "new.allocation-log.csv";
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    try {
      await runPipeline({ specPath: join(dir, "spec.json"), outDir: join(dir, "out"), log });
    } catch (error) {
      if (error instanceof StopRun) return error.issues;
      throw error;
    }
    throw new Error("the run did not stop");
  };

  it("stops, naming the clusters, when blocks are person-level (a caseworker has women and men)", async () => {
    const issues = await stopWith((a) => (a.blocks = [{ covariate: "female" }]));
    expect(issues[0]!.code).toBe("clusters_across_blocks");
    expect(issues[0]!.message).toMatch(/^30 cluster\(s\) of column 'sagsbehandler' hold persons of more than one block \(SB01, SB02,/);
  });

  it("stops, naming the clusters, when a caseworker's persons fall in two quarterly batches", async () => {
    const issues = await stopWith((a) => (a.batches = "quarter"));
    expect(issues[0]!.code).toBe("clusters_across_batches");
    expect(issues[0]!.message).toContain("have persons in more than one batch");
  });
});
