// Lists every module under src/ with logic that has no mirror test file (#27). The rule, and the exemptions with
// their reasons, are in scripts/mirrorSurvey.ts; tests/layout.test.ts fails on the same list.
//
//   npm run mirror-tests            prints the modules with logic and no mirror that are not exempt; exit 1 if any
//   npm run mirror-tests -- --all   also prints the exempt ones with their reasons, and the counts
import { MIRROR_EXEMPT, mirrorOf, surveyMirrors } from "./mirrorSurvey.ts";

function main(): void {
  const showAll = process.argv.includes("--all");
  const survey = surveyMirrors();
  for (const path of survey.missing) console.log(`${path}  no mirror: ${mirrorOf(path)}`);
  for (const path of survey.staleExemptions) console.log(`${path}  exempt in MIRROR_EXEMPT, but has a mirror, no logic, or no file: remove the entry`);
  if (showAll) for (const path of survey.exempt) console.log(`${path}  exempt: ${MIRROR_EXEMPT[path]}`);
  console.log(
    `${survey.missing.length} module(s) with logic and no mirror test` +
      (showAll
        ? `; ${survey.modules.length} modules under src/, ${survey.withLogic.length} with logic, ${survey.mirrored.length} mirrored, ${survey.exempt.length} exempt`
        : ""),
  );
  process.exitCode = survey.missing.length === 0 && survey.staleExemptions.length === 0 ? 0 : 1;
}

main();
