package org.botoxclinic.referral.referral.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * The clinic's screening criteria, one table for every indication. A criterion that is not met makes the
 * referral DOES_NOT_MEET_CRITERIA; one that cannot be judged for lack of data makes it NEEDS_REVIEW, naming
 * what is missing. Indications without criteria of their own are left to a clinician's review.
 */
public final class TriageRules {

    /** Minimum headache days a month for chronic migraine (ICHD-3 and the practice's article). */
    public static final int MIGRAINE_HEADACHE_DAYS = 15;
    /** Minimum hours of headache a day: the practice's own rule. */
    public static final double MIGRAINE_HEADACHE_HOURS = 4.0;
    /** Symptoms must have lasted more than this many months. */
    public static final int MIGRAINE_SYMPTOM_MONTHS = 3;
    public static final int ADULT_AGE = 18;
    public static final int BLEPHAROSPASM_MIN_AGE = 12;
    public static final int SPASTICITY_MIN_AGE = 2;

    private static final Map<Indication, List<Criterion>> TABLE = new EnumMap<>(Indication.class);

    static {
        TABLE.put(Indication.CHRONIC_MIGRAINE, List.of(
                atLeast("HEADACHE_DAYS", "headache on at least " + MIGRAINE_HEADACHE_DAYS + " days a month",
                        "clinicalDetails.headacheDaysPerMonth", ClinicalDetails::headacheDaysPerMonth, MIGRAINE_HEADACHE_DAYS),
                atLeast("HEADACHE_HOURS", "headache for at least 4 hours a day",
                        "clinicalDetails.headacheHoursPerDay", ClinicalDetails::headacheHoursPerDay, MIGRAINE_HEADACHE_HOURS),
                moreThan("SYMPTOM_DURATION", "symptoms for more than " + MIGRAINE_SYMPTOM_MONTHS + " months",
                        "clinicalDetails.symptomMonths", ClinicalDetails::symptomMonths, MIGRAINE_SYMPTOM_MONTHS),
                minimumAge("ADULT", "an adult patient (18 or over)", ADULT_AGE)));
        TABLE.put(Indication.CERVICAL_DYSTONIA, List.of(
                minimumAge("ADULT", "an adult patient (18 or over)", ADULT_AGE)));
        TABLE.put(Indication.BLEPHAROSPASM, List.of(
                minimumAge("MINIMUM_AGE", "a patient aged " + BLEPHAROSPASM_MIN_AGE + " or over", BLEPHAROSPASM_MIN_AGE)));
        TABLE.put(Indication.SPASTICITY, List.of(
                minimumAge("MINIMUM_AGE", "a patient aged " + SPASTICITY_MIN_AGE + " or over", SPASTICITY_MIN_AGE)));
    }

    private TriageRules() {
    }

    public static TriageResult screen(TriageInput input) {
        List<Criterion> criteria = TABLE.getOrDefault(input.indication(), List.of());
        if (criteria.isEmpty()) {
            return new TriageResult(TriageOutcome.NEEDS_REVIEW, List.of(new TriageReason("NO_SCREENING_RULES",
                    input.indication() + " has no automatic screening criteria: a clinician reviews it")));
        }
        List<TriageReason> notMet = new ArrayList<>();
        List<TriageReason> missing = new ArrayList<>();
        for (Criterion criterion : criteria) {
            Verdict verdict = criterion.judge(input);
            switch (verdict) {
                case NOT_MET -> notMet.add(new TriageReason(criterion.code() + "_NOT_MET", "needs " + criterion.text()));
                case MISSING -> missing.add(new TriageReason(criterion.code() + "_MISSING",
                        criterion.field() + " is missing: needed to check " + criterion.text()));
                case MET -> { }
            }
        }
        if (!notMet.isEmpty()) {
            List<TriageReason> reasons = new ArrayList<>(notMet);
            reasons.addAll(missing);
            return new TriageResult(TriageOutcome.DOES_NOT_MEET_CRITERIA, reasons);
        }
        if (!missing.isEmpty()) {
            return new TriageResult(TriageOutcome.NEEDS_REVIEW, missing);
        }
        return new TriageResult(TriageOutcome.MEETS_CRITERIA,
                List.of(new TriageReason("CRITERIA_MET", "meets the clinic's criteria for " + input.indication())));
    }

    enum Verdict { MET, NOT_MET, MISSING }

    /** One row of the table: a code, what it requires in words, the field it reads, and the test. */
    record Criterion(String code, String text, String field, Function<TriageInput, Verdict> test) {

        Verdict judge(TriageInput input) {
            return test.apply(input);
        }
    }

    private static Criterion atLeast(String code, String text, String field, Function<ClinicalDetails, ? extends Number> value,
                                     double minimum) {
        return new Criterion(code, text, field, input -> {
            Number n = value.apply(input.detailsOrEmpty());
            return n == null ? Verdict.MISSING : n.doubleValue() >= minimum ? Verdict.MET : Verdict.NOT_MET;
        });
    }

    private static Criterion moreThan(String code, String text, String field, Function<ClinicalDetails, ? extends Number> value,
                                      double bound) {
        return new Criterion(code, text, field, input -> {
            Number n = value.apply(input.detailsOrEmpty());
            return n == null ? Verdict.MISSING : n.doubleValue() > bound ? Verdict.MET : Verdict.NOT_MET;
        });
    }

    private static Criterion minimumAge(String code, String text, int years) {
        return new Criterion(code, text, "patient.dateOfBirth", input -> input.dateOfBirth() == null ? Verdict.MISSING
                : input.ageInYears() >= years ? Verdict.MET : Verdict.NOT_MET);
    }
}
