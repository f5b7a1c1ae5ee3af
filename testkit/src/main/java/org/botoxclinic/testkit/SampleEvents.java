package org.botoxclinic.testkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Events as the producing services publish them, for tests of a consuming service on its own. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** Accepted a day before the test clock's now. */
    public static String referralAccepted(UUID referralId) {
        return referralAccepted(referralId, TestClock.now().minusDays(1));
    }

    public static String referralAccepted(UUID referralId, OffsetDateTime acceptedAt) {
        return """
                {"referralId":"%s","acceptedAt":"%s","source":"PARTNER","partnerId":"pcp-north",
                 "externalReferralId":"EXT-%s","indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "urgency":"ROUTINE",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"1984-05-17","sex":"female"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789","groupNumber":"G-1","planType":"PPO"},
                 "clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6.0,"symptomMonths":24}}
                """.formatted(referralId, iso(acceptedAt), referralId.toString().substring(0, 8));
    }

    /**
     * Accepted a day before the test clock's now, with the baseline the referral reported on the indication's primary
     * measure (a chronic migraine referral: HEADACHE_DAYS_PER_MONTH); {@link #referralAccepted(UUID)} is a record
     * published before baselines travelled.
     */
    public static String referralAcceptedWithBaseline(UUID referralId, String measure, String value) {
        return referralAccepted(referralId).replace("\"urgency\":\"ROUTINE\",",
                "\"urgency\":\"ROUTINE\",\"baseline\":{\"measure\":\"%s\",\"value\":%s},".formatted(measure, value));
    }

    /**
     * A ReferralAccepted as referral-service publishes it since patients exist: with the patient's id and the baseline
     * of the indication's primary measure (20 headache days a month).
     */
    public static String referralAccepted(UUID referralId, UUID patientId) {
        String accepted = referralAccepted(referralId).strip();
        return accepted.substring(0, accepted.length() - 1) + """
                ,"patientId":"%s","baseline":{"measure":"HEADACHE_DAYS_PER_MONTH","value":20}}
                """.formatted(patientId).strip();
    }

    /** A PatientMerged: {@code mergedPatientId} merged into {@code patientId} (the record key), an hour before now. */
    public static String patientMerged(UUID patientId, UUID mergedPatientId, UUID... referralIds) {
        String ids = java.util.Arrays.stream(referralIds).map(id -> "\"" + id + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return """
                {"patientId":"%s","mergedPatientId":"%s","referralIds":[%s],"mergedAt":"%s"}
                """.formatted(patientId, mergedPatientId, ids, iso(TestClock.now().minusHours(1))).strip();
    }

    /**
     * A ReferralAccepted as published since patients exist, with the patient's phone and email (which
     * scheduling-service keeps for reminders).
     */
    public static String referralAccepted(UUID referralId, UUID patientId, String phone, String email) {
        return referralAccepted(referralId, patientId).replace("\"sex\":\"female\"}",
                "\"sex\":\"female\",\"phone\":\"%s\",\"email\":\"%s\"}".formatted(phone, email));
    }

    /**
     * A ReferralAccepted as published before the event dropped the patient's address (with phone and email): such
     * records may still sit in the topic, and consumers must accept them.
     */
    public static String referralAcceptedWithContactDetails(UUID referralId) {
        return referralAccepted(referralId).replace("\"sex\":\"female\"}", """
                "sex":"female","phone":"555-0100","email":"alex.rivera@example.org",
                 "address":{"line1":"1 Main St","line2":null,"city":"Springfield","state":"IL","postalCode":"62701"}}""");
    }

    /** Approved an hour before the test clock's now, valid from today for six months. */
    public static String authorizationApproved(UUID referralId, UUID authorizationId) {
        LocalDate today = TestClock.today();
        return authorizationApproved(referralId, authorizationId, today, today.plusMonths(6).minusDays(1),
                TestClock.now().minusHours(1));
    }

    public static String authorizationApproved(UUID referralId, UUID authorizationId, LocalDate validFrom, LocalDate validTo,
                                               OffsetDateTime decidedAt) {
        return """
                {"referralId":"%s","authorizationId":"%s","authorizationNumber":"AUTH-77","outcome":"APPROVED",
                 "approvedUnits":310,"approvedVisits":2,"validFrom":"%s","validTo":"%s",
                 "indication":"CHRONIC_MIGRAINE","procedureCode":"64615","payerId":"AETNA",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"1984-05-17","sex":"female"},
                 "decidedAt":"%s"}
                """.formatted(referralId, authorizationId, validFrom, validTo, iso(decidedAt));
    }

    /**
     * A ReferralAccepted carrying the patient's id, for the given indication and patient name (born 1984-05-17),
     * accepted a day before the test clock's now.
     */
    public static String referralAcceptedFor(UUID referralId, UUID patientId, String indication, String firstName,
                                             String lastName) {
        return referralAccepted(referralId)
                .replaceFirst("\\{\"referralId\":\"[^\"]+\",", "{\"referralId\":\"" + referralId + "\",\"patientId\":\"" + patientId + "\",")
                .replace("\"indication\":\"CHRONIC_MIGRAINE\"", "\"indication\":\"" + indication + "\"")
                .replace("\"diagnosisCodes\":[\"G43.709\"]",
                        "CERVICAL_DYSTONIA".equals(indication) ? "\"diagnosisCodes\":[\"G24.3\"]" : "\"diagnosisCodes\":[\"G43.709\"]")
                .replace("\"firstName\":\"Alex\",\"lastName\":\"Rivera\"",
                        "\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\"");
    }

    /** An approval for the given indication (and its CPT code), otherwise as {@link #authorizationApproved(UUID, UUID)}. */
    public static String authorizationApprovedFor(UUID referralId, UUID authorizationId, String indication) {
        String procedure = switch (indication) {
            case "CERVICAL_DYSTONIA" -> "64616";
            case "BLEPHAROSPASM", "HEMIFACIAL_SPASM" -> "64612";
            default -> "64615";
        };
        return authorizationApproved(referralId, authorizationId)
                .replace("\"indication\":\"CHRONIC_MIGRAINE\"", "\"indication\":\"" + indication + "\"")
                .replace("\"procedureCode\":\"64615\"", "\"procedureCode\":\"" + procedure + "\"");
    }

    /**
     * A PatientMerged as referral-service publishes it on referral-events (record key and ce_subject: the surviving
     * patient id): {@code mergedPatientId} ceases to exist, its referrals moved to {@code patientId}.
     */
    public static String patientMerged(UUID patientId, UUID mergedPatientId, java.util.List<UUID> referralIds,
                                       OffsetDateTime mergedAt) {
        String referrals = referralIds.stream().map(id -> "\"" + id + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return """
                {"patientId":"%s","mergedPatientId":"%s","referralIds":[%s],"mergedAt":"%s"}
                """.formatted(patientId, mergedPatientId, referrals, iso(mergedAt));
    }

    /** CloudEvents binary-mode headers as the outbox relay writes them. */
    public static Map<String, String> headers(UUID eventId, String type, String source, UUID referralId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId.toString());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_time", iso(TestClock.now()));
        headers.put("ce_subject", referralId.toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** RFC 3339 as the schemas want it: seconds always written (OffsetDateTime.toString drops ":00"). */
    public static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
