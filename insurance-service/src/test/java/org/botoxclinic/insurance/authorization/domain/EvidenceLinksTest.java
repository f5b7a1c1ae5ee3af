package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.RuleRefusedException;
import org.junit.jupiter.api.Test;

class EvidenceLinksTest {

    private static final UUID DIARY = UUID.randomUUID();
    private static final UUID NOTE = UUID.randomUUID();
    private static final Map<UUID, String> DOCUMENTS = Map.of(DIARY, "HEADACHE_DIARY", NOTE, "CLINIC_NOTE");
    private static final List<String> DIARY_ONLY = List.of("HEADACHE_DIARY");

    @Test
    void shouldMeetAnItemThatNeedsEvidenceWithADocumentOfAnAcceptedType() {
        assertEquals(List.of(NOTE, DIARY), EvidenceLinks.check("HEADACHE_DIARY", true, DIARY_ONLY,
                List.of(NOTE, DIARY, NOTE), DOCUMENTS));
    }

    @Test
    void shouldRefuseToMeetAnItemThatNeedsEvidenceWithoutAnyDocument() {
        RuleRefusedException e = assertThrows(RuleRefusedException.class,
                () -> EvidenceLinks.check("HEADACHE_DIARY", true, DIARY_ONLY, List.of(), DOCUMENTS));
        assertEquals(EvidenceLinks.EVIDENCE_REQUIRED, e.code());
        assertEquals("HEADACHE_DIARY", e.properties().get("requirement"));
        assertEquals("evidenceDocumentIds", e.properties().get("field"));
    }

    @Test
    void shouldRefuseDocumentsOfNoAcceptedType() {
        RuleRefusedException e = assertThrows(RuleRefusedException.class,
                () -> EvidenceLinks.check("HEADACHE_DIARY", true, DIARY_ONLY, List.of(NOTE), DOCUMENTS));
        assertEquals(EvidenceLinks.TYPE_NOT_ACCEPTED, e.code());
        assertEquals(List.of("CLINIC_NOTE"), e.properties().get("linkedDocumentTypes"));
    }

    @Test
    void shouldRefuseAnIdThatIsNotADocumentOfTheReferralWhetherMetOrNot() {
        UUID elsewhere = UUID.randomUUID();
        for (boolean met : new boolean[] {true, false}) {
            RuleRefusedException e = assertThrows(RuleRefusedException.class,
                    () -> EvidenceLinks.check("HEADACHE_DIARY", met, DIARY_ONLY, List.of(DIARY, elsewhere), DOCUMENTS));
            assertEquals(EvidenceLinks.NOT_ON_REFERRAL, e.code());
            assertEquals(List.of(elsewhere), e.properties().get("unknownDocumentIds"));
        }
    }

    @Test
    void shouldLetItemsWithoutAnEvidenceRuleAndUnmetItemsGoWithoutDocuments() {
        assertEquals(List.of(), EvidenceLinks.check("SPECIALIST_PRESCRIBER", true, null, List.of(), DOCUMENTS));
        assertEquals(List.of(), EvidenceLinks.check("HEADACHE_DIARY", false, DIARY_ONLY, List.of(), DOCUMENTS));
        assertEquals(List.of(NOTE), EvidenceLinks.check("HEADACHE_DIARY", false, DIARY_ONLY, List.of(NOTE), DOCUMENTS));
    }
}
