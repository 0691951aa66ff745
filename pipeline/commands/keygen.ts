/** `effekt keygen --out DIR`: an Ed25519 key pair for signing runs. */
import { generateKeys } from "../seal/keys.ts";
import { shown } from "../io/paths.ts";
import { EXIT_OK, guarded, say, text, UsageError, type Command } from "./command.ts";

export const keygenCommand: Command = {
  name: "keygen",
  synopsis: "effekt keygen --out DIR                                 an Ed25519 key pair: DIR/private.pem, DIR/public.pem",
  help: `effekt keygen --out DIR

Writes a new Ed25519 key pair: DIR/private.pem (PKCS#8, readable by you only; keep it with the
municipality and sign runs with effekt run … --sign DIR/private.pem) and DIR/public.pem (give it to
the investors: effekt verify-run RUN --public-key public.pem). Never overwrites an existing key.

Options:
  --out DIR            the folder for the two files
  -h, --help           this help`,
  options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const out = text(values, "out");
    if (out === undefined || positionals.length > 0) throw new UsageError("effekt keygen: expected --out DIR and nothing else");
    return guarded("keygen", async () => {
      const keys = await generateKeys(out);
      say(`private key: ${shown(keys.privatePath)} (keep it secret)`);
      say(`public key:  ${shown(keys.publicPath)} (SHA-256 ${keys.publicKeySha256})`);
      return EXIT_OK;
    });
  },
};
