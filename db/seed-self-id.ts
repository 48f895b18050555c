// Past candidates' voluntary self-identification, so the fairness monitor shows a real picture:
// enough women and men to compare (with a stage whose impact ratio falls under 0.8 at these small
// numbers, which the exact test then shows is within chance), groups too small to report, people
// who preferred not to say and one who never opened the questions. Fictional, like the names:
// nothing here is inferred from a name. Candidates not listed never answered (counted as unknown).
import type { DISABILITY_ANSWERS, RACE_ANSWERS, SEX_ANSWERS, VETERAN_ANSWERS } from "./schema";

type Answers = {
  sex: (typeof SEX_ANSWERS)[number] | null;
  raceEthnicity: (typeof RACE_ANSWERS)[number] | null;
  disability?: (typeof DISABILITY_ANSWERS)[number] | null;
  veteran?: (typeof VETERAN_ANSWERS)[number] | null;
};

export const selfIdentifications: Record<string, Answers> = {
  "Tendai Moyo": { sex: "male", raceEthnicity: "black", disability: "no", veteran: "not_veteran" },
  "Jonas Berg": { sex: "male", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Priya Raman": { sex: "female", raceEthnicity: "asian", disability: "no", veteran: "not_veteran" },
  "Lucía Fernández": { sex: "female", raceEthnicity: "hispanic_latino", disability: "prefer_not", veteran: "not_veteran" },
  "Kenji Watanabe": { sex: "male", raceEthnicity: "asian", disability: "no", veteran: "not_veteran" },
  "Fatima Zahra El Idrissi": { sex: "female", raceEthnicity: "prefer_not", disability: "no", veteran: "not_veteran" },
  "Oliver Grant": { sex: "male", raceEthnicity: "white", disability: "yes", veteran: "protected_veteran" },
  "Ngozi Eze": { sex: "female", raceEthnicity: "black", disability: "no", veteran: "not_veteran" },
  "Mateusz Kowalski": { sex: "male", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Leila Haddad": { sex: "female", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Sven Andersson": { sex: "prefer_not", raceEthnicity: "white", disability: "prefer_not", veteran: "prefer_not" },
  "Chiara Russo": { sex: "female", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Daniel Kim": { sex: "male", raceEthnicity: "asian", disability: "no", veteran: "not_veteran" },
  "Aylin Demir": { sex: "female", raceEthnicity: "white", disability: "no", veteran: null },
  "Tobias Weber": { sex: "male", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Ines Carvalho": { sex: "female", raceEthnicity: "white", disability: "yes", veteran: "not_veteran" },
  "Rahul Mehta": { sex: "male", raceEthnicity: "asian", disability: "no", veteran: "not_veteran" },
  "Hana Novak": { sex: "female", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  // Kofi Boateng never opened the questions.
  "Emma Laurent": { sex: "female", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Yusuf Aydın": { sex: "male", raceEthnicity: "white", disability: null, veteran: null },
  "Clara Schmidt": { sex: "female", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
  "Arjun Pillai": { sex: "male", raceEthnicity: "asian", disability: "no", veteran: "not_veteran" },
  "Zoë van Dijk": { sex: "another", raceEthnicity: "white", disability: "no", veteran: "not_veteran" },
};
