/**
 * The disclosure engine's fact sources, in the order they are collected (an equation can only
 * tie facts already registered: intake and arms first, the business tables last). Each names the
 * report tables it reads by their typed ids (factBook.ts).
 */
import { balanceFacts } from "./balance.ts";
import { consortFacts } from "./consort.ts";
import { effectFacts } from "./effects.ts";
import type { DisclosedTable, FactSource } from "./factBook.ts";
import { intakeFacts } from "./intake.ts";
import { kpiFacts } from "./kpis.ts";
import { ledgerFacts } from "./ledger.ts";
import { outcomeStatusFacts } from "./outcomeStatus.ts";
import { subgroupFacts } from "./subgroups.ts";

export const FACT_SOURCES = {
  intake: intakeFacts,
  outcomeStatus: outcomeStatusFacts,
  consort: consortFacts,
  effects: effectFacts,
  subgroups: subgroupFacts,
  kpis: kpiFacts,
  balance: balanceFacts,
  ledger: ledgerFacts,
} satisfies Record<string, FactSource<DisclosedTable>>;
