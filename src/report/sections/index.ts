/**
 * The report's sections in reading order, one file each: a section is `(input, texts) => section`.
 * Adding one is a file and a line here; the record's type names a section that lacks its builder.
 */
import { appendixSection } from "./appendix.ts";
import { balanceSection } from "./balance.ts";
import { changesSection } from "./changes.ts";
import { consortSection } from "./consort.ts";
import { designSection } from "./design.ts";
import { effectsSection } from "./effects.ts";
import { manifestSection } from "./manifest.ts";
import { methodsSection } from "./methods.ts";
import { publishedSection } from "./published.ts";
import { qualitySection } from "./quality.ts";
import { repaymentSection } from "./repayment.ts";
import { savingsSection } from "./savings.ts";
import type { SectionBuilder } from "./section.ts";
import { statusSection } from "./status.ts";
import { summarySection } from "./summary.ts";

/** Reading order; each id is also the section's anchor and its title's text key. */
export const SECTION_IDS = ["summary", "consort", "balance", "effects", "design", "savings", "repayment", "published", "quality", "methods", "appendix", "manifest", "status", "changes"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTIONS = {
  summary: summarySection,
  consort: consortSection,
  balance: balanceSection,
  effects: effectsSection,
  design: designSection,
  savings: savingsSection,
  repayment: repaymentSection,
  published: publishedSection,
  quality: qualitySection,
  methods: methodsSection,
  appendix: appendixSection,
  manifest: manifestSection,
  status: statusSection,
  changes: changesSection,
} as const satisfies { readonly [K in SectionId]: SectionBuilder };
