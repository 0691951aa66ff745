/** 1 when a psychiatric admission began in the `months` months before the start date (start day excluded). */
import { addMonths, type DayNumber } from "../../shared/dates.ts";
import type { Read } from "../outcomes/evidence.ts";
import type { CovariateDefinition, CovariateOf } from "./types.ts";

const lookBack = (covariate: CovariateOf<"psychiatric_admission_before_start">, start: DayNumber): Read => ({ family: "psychiatric_contacts", from: addMonths(start, -covariate.months), to: start });

export const psychiatricAdmissionBeforeStart: CovariateDefinition<"psychiatric_admission_before_start"> = {
  type: "binary",
  extractKinds: ["psychiatric_contacts"],
  lookBack,
  derive: (covariate, records) => {
    const contacts = records.psychiatricContacts;
    if (!contacts) return null;
    return (person) => {
      const { from, to } = lookBack(covariate, person.startDate);
      return Number((contacts.get(person.personId) ?? []).some((c) => c.contactType === "admission" && c.startDate >= from && c.startDate < to));
    };
  },
};
