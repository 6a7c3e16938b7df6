/**
 * Generated from docs/exchange-schemas by scripts/gen-exchange-schemas.ts (a unit test keeps it
 * current): what a receiver checks of each record without the county's tables. Do not edit by hand.
 */

/** Schema version the fields belong to (EXCHANGE_SCHEMA_VERSION). */
export const RECORD_SCHEMA_VERSION = 1;

/** Every field a record of the entity must carry (its schema's `required`). */
export const REQUIRED_RECORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  persons: ["id","idNumber","name","sex","birthDate","phone","phone2","ethnicityCode","politicalStatusCode","householdType","householdDivisionCode","householdAddress","residenceTownshipCode","residenceVillageCode","address","educationCode","school","major","graduationDate","disabilityGrade","healthStatus","isVeteran","lowIncomeStatus","femaleRetirementCategory","employmentStatus","intendedOccupationCode","intendedPlace","intendedSalaryMinFen","intendedSalaryMaxFen","trainingWishes","mergedIntoId","createdAt","updatedAt","createdBy","updatedBy","version","qualifications"],
  cases: ["id","receiptNo","matterType","personId","enterpriseId","itemCode","state","form","documents","preparedBy","acceptedBy","acceptedOn","stationId","dueDate","decidedBy","decidedAt","decisionComment","decisionSnapshot","followUpDue","reviewDue","lastReviewedOn","suspendedOn","suspensionReason","endedOn","endReason","endNote","endedBy","createdAt","updatedAt","createdBy","updatedBy","version","transitions","attachments","events"],
  person_contacts: ["id","personId","contactDate","kind","channel","staffUserId","vacancyId","content","outcome","stationId","createdAt","updatedAt","createdBy","updatedBy","version"],
  enterprises: ["id","creditCode","registrationNumber","name","entityType","industrySection","industryDivision","ownershipCode","sizeClass","address","townshipCode","isDigitalTransformation","isSpecialized","isKeyEnterprise","isLabourIntensive","status","createdAt","updatedAt","createdBy","updatedBy","version","formerNames","contacts","headcounts"],
  enterprise_visits: ["id","enterpriseId","kind","visitDate","mode","contactId","contactName","headcount","requests","notes","surveyQuarter","referenceDate","headcountPrevious","headcountChangeReason","shortageCount","startingPayFen","expectedHires","cancelledAt","cancelReason","createdAt","updatedAt","createdBy","updatedBy","version","staff","difficulties","policies","hiringPlans"],
  vacancies: ["id","enterpriseId","occupationCode","title","openings","salaryMinFen","salaryMaxFen","educationCode","experienceYears","requirements","workPlace","contractType","validFrom","validTo","source","visitId","status","statusReason","createdAt","updatedAt","createdBy","updatedBy","version"],
  fairs: ["id","name","campaign","targetGroup","channel","startDate","endDate","venue","organizer","notes","status","cancelReason","createdAt","updatedAt","createdBy","updatedBy","version","enterprises","vacancies"],
  fair_attendances: ["id","fairId","personId","checkedInAt","registeredAtDoor","createdAt","updatedAt","createdBy","updatedBy","version","intentions"],
  payment_lines: ["id","batchId","lineNo","entitlementId","payeeKind","payeeId","payeeName","payeeIdNumber","accountNumber","bankName","policyCode","policyName","policyVersion","periodFrom","periodTo","amountFen","state","reason","rebatchOfLineId","resultOn","ledger"],
  training_providers: ["id","name","creditCode","address","contactName","contactPhone","status","createdAt","updatedAt","createdBy","updatedBy","version"],
  training_programmes: ["id","providerId","name","occupationCode","skill","level","kind","eligibility","hours","subsidyPerPersonFen","validFrom","validTo","createdAt","updatedAt","createdBy","updatedBy","version"],
  training_classes: ["id","programmeId","classNumber","startDate","endDate","place","teacher","capacity","status","cancelReason","createdAt","updatedAt","createdBy","updatedBy","version","sessions"],
  training_enrolments: ["id","classId","personId","employerEnterpriseId","enrolledOn","status","completedOn","withdrawnReason","assessmentResult","assessedOn","createdAt","updatedAt","createdBy","updatedBy","version","attendance","certificates","subsidyClaims"],
  welfare_posts: ["id","employerName","enterpriseId","title","positions","periodFrom","periodTo","monthlySubsidyFen","status","createdAt","updatedAt","createdBy","updatedBy","version","placements","subsidyMonths"],
  gig_workers: ["id","personId","skills","occupationCode","availableDays","dayParts","townshipCode","contactConsent","consentOn","status","createdAt","updatedAt","createdBy","updatedBy","version"],
  gig_demands: ["id","source","enterpriseId","contactName","task","skills","occupationCode","townshipCode","address","workDate","startTime","endTime","payFen","payUnit","peopleNeeded","postedOn","status","cancelReason","createdAt","updatedAt","createdBy","updatedBy","version","dispatches"],
  stations: ["id","name","townshipCode","villageCode","address","status","createdAt","updatedAt","createdBy","updatedBy","version"],
  business_starts: ["id","personId","enterpriseId","startedOn","kind","subsidyCaseId","note","createdAt","updatedAt","createdBy","updatedBy","version","incubation"],
  startup_loans: ["id","businessStartId","borrower","amountFen","bank","termMonths","guaranteeKind","appliedOn","grantedOn","createdAt","updatedAt","createdBy","updatedBy","version","interestPeriods"],
  guidance_events: ["id","kind","title","eventDate","startTime","endTime","place","counselorUserId","capacity","notes","createdAt","updatedAt","createdBy","updatedBy","version","attendances"],
};

/** Entities that keep their corrections with reasons: a correction of them must say why. */
export const CORRECTED_WITH_REASONS: readonly string[] = ["persons","enterprises"];
