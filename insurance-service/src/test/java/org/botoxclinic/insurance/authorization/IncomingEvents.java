package org.botoxclinic.insurance.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;

/** The issue-12 events other services publish, as these tests send them (each checked against its contract shape). */
final class IncomingEvents {

    private IncomingEvents() {
    }

    static String documentAttached(UUID referralId, UUID patientId, UUID documentId, String type, String fileName,
                                   String sha256) {
        return ConsumedEventContract.valid("DocumentAttached", """
                {"referralId":"%s","patientId":%s,"documentId":"%s","documentType":"%s","fileName":"%s",
                 "contentType":"application/pdf","sizeBytes":48213,"sha256":"%s","attachedAt":"%s"}"""
                .formatted(referralId, quoted(patientId), documentId, type, fileName, sha256,
                        SampleEvents.iso(TestClock.now().minusHours(2))));
    }

    static String patientMerged(UUID survivor, UUID merged, List<UUID> referralIds) {
        return ConsumedEventContract.valid("PatientMerged", """
                {"patientId":"%s","mergedPatientId":"%s","referralIds":[%s],"mergedAt":"%s"}"""
                .formatted(survivor, merged, referralIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")),
                        SampleEvents.iso(TestClock.now())));
    }

    /** An outcome of the measure against a baseline of the same measure (null: the referral gave none). */
    static String outcomeRecorded(UUID outcomeId, UUID referralId, String indication, String measure, BigDecimal value,
                                  BigDecimal baseline, LocalDate assessedOn) {
        return ConsumedEventContract.valid("OutcomeRecorded", outcome(outcomeId, referralId, indication, measure, value,
                baseline, assessedOn));
    }

    /** Not checked against the contract: for a measure from outside its vocabulary (a newer producer). */
    static String outcome(UUID outcomeId, UUID referralId, String indication, String measure, BigDecimal value,
                          BigDecimal baseline, LocalDate assessedOn) {
        String improvement = baseline == null || baseline.signum() == 0 ? "null"
                : baseline.subtract(value).multiply(BigDecimal.valueOf(100))
                        .divide(baseline, 1, java.math.RoundingMode.HALF_UP).toPlainString();
        return """
                {"outcomeId":"%s","referralId":"%s","patientId":null,"indication":"%s","measure":"%s","value":%s,
                 "assessedOn":"%s","baseline":%s,"improvementPercent":%s,"treatmentsCompleted":2,"recordedAt":"%s"}"""
                .formatted(outcomeId, referralId, indication, measure, value.toPlainString(), assessedOn,
                        baseline == null ? "null" : "{\"measure\":\"" + measure + "\",\"value\":" + baseline.toPlainString() + "}",
                        improvement, SampleEvents.iso(TestClock.now()));
    }

    /** A ReferralAccepted as referral-service publishes it since patients have ids. */
    static String referralAccepted(UUID referralId, UUID patientId, String indication, String payerId, String details) {
        String json = Fixtures.referralAccepted(referralId, indication, payerId, details)
                .replaceFirst("\\{\"referralId\":\"" + referralId + "\",",
                        "{\"referralId\":\"" + referralId + "\",\"patientId\":" + quoted(patientId) + ",");
        EventContract.assertValid("ReferralAccepted", json);
        return json;
    }

    static void sendReferralEvent(String kafka, String type, String key, String json) {
        UUID subject = UUID.fromString(key);
        KafkaProbe.send(kafka, "referral-events", key, json,
                SampleEvents.headers(UUID.randomUUID(), type, "/referral-service", subject));
    }

    static void sendSchedulingEvent(String kafka, String type, UUID referralId, String json) {
        KafkaProbe.send(kafka, "scheduling-events", referralId.toString(), json,
                SampleEvents.headers(UUID.randomUUID(), type, "/scheduling-service", referralId));
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }
}
