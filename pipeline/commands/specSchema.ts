/** `effekt spec-schema`: the spec's JSON Schema, for editors; `npm run schema` writes it to schemas/spec.schema.json. */
import { z } from "zod";
import { EvaluationSpec } from "../../src/spec/schema.ts";
import { EXIT_OK, say, type Command } from "./command.ts";

export function specJsonSchema(): unknown {
  return z.toJSONSchema(EvaluationSpec, { io: "input", unrepresentable: "any" });
}

export const specSchemaCommand: Command = {
  name: "spec-schema",
  synopsis: "effekt spec-schema                                      print the spec's JSON Schema",
  help: 'effekt spec-schema\n\nPrints the JSON Schema of the evaluation spec (for editors: "$schema" in the spec).',
  options: { help: { type: "boolean", short: "h" } },
  run: async () => {
    say(JSON.stringify(specJsonSchema(), null, 2));
    return EXIT_OK;
  },
};
