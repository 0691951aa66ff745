/** Method notes: how effects, p-values, windows and savings are worked out, in a few plain lines. */
import { escapeHtml } from "../table.ts";
import type { SectionBuilder } from "./section.ts";

const LINES = ["methodItt", "methodEstimators", "methodAdjustment", "methodWindows", "methodSavings", "methodTrace"] as const;

export const methodsSection: SectionBuilder = (_input, t) => ({ html: `<ul>${LINES.map((key) => `<li>${escapeHtml(t(key))}</li>`).join("")}</ul>`, tables: [] });
