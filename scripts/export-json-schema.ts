/** Writes schemas/spec.schema.json from the zod spec schema (npm run schema); a test keeps the two in step. */
import { writeFileSync } from "node:fs";
import { specJsonSchema } from "../pipeline/cli.ts";

writeFileSync("schemas/spec.schema.json", JSON.stringify(specJsonSchema(), null, 2) + "\n");
console.error("wrote schemas/spec.schema.json");
