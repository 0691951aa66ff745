/** A note is a code and its parameters: the schema holds each code to its own parameters. */
import { describe, expect, it } from "vitest";
import { Note, note, noteToken } from "../../src/shared/note.ts";

describe("Note", () => {
  it("note(code, params) builds the artefact form, and Note parses it back", () => {
    expect(note("not_converged", { steps: 25 })).toEqual({ code: "not_converged", params: { steps: 25 } });
    expect(Note.parse({ code: "perfect_fit", params: {} })).toEqual({ code: "perfect_fit", params: {} });
  });

  it("Note rejects an unknown code and parameters another code carries", () => {
    expect(Note.safeParse({ code: "a sentence", params: {} }).success).toBe(false);
    expect(Note.safeParse({ code: "not_converged", params: { persons: 3 } }).success).toBe(false);
    expect(Note.safeParse({ code: "perfect_fit", params: { steps: 1 } }).success).toBe(false);
  });

  it("noteToken(note) writes one CSV token: the code, and its parameters in brackets", () => {
    expect(noteToken(note("perfect_fit"))).toBe("perfect_fit");
    expect(noteToken(note("too_few_observed_per_arm", { treated: 1, control: 3 }))).toBe("too_few_observed_per_arm(treated=1,control=3)");
  });
});
