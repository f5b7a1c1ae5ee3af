package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static final List<RequirementTemplate> MIGRAINE = List.of(
            new RequirementTemplate("HEADACHE_DIARY", "diary", true, RequirementStage.INITIAL, "headacheDaysPerMonth >= 15", 1),
            new RequirementTemplate("SPECIALIST_PRESCRIBER", "specialist", true, RequirementStage.BOTH, null, 3),
            new RequirementTemplate("DOCUMENTED_BENEFIT", "benefit", true, RequirementStage.REAUTHORIZATION, null, 5));

    private static List<String> codes(List<RequirementTemplate> items) {
        return items.stream().map(RequirementTemplate::code).toList();
    }

    @Test
    void shouldSplitTheCatalogueIntoFirstRequestAndReauthorization() {
        assertEquals(List.of("HEADACHE_DIARY", "SPECIALIST_PRESCRIBER"), codes(Checklist.effective(MIGRAINE, List.of(), false)));
        assertEquals(List.of("SPECIALIST_PRESCRIBER", "DOCUMENTED_BENEFIT"), codes(Checklist.effective(MIGRAINE, List.of(), true)));
    }

    @Test
    void shouldLetAPayerRelaxDropAndAddItems() {
        List<PayerRequirement> payer = List.of(
                new PayerRequirement("SPECIALIST_PRESCRIBER", null, false, null, null, null, false),
                new PayerRequirement("HEADACHE_DIARY", null, null, null, null, null, true),
                new PayerRequirement("STEP_THERAPY_FORM", "Payer's own step-therapy form", null, RequirementStage.INITIAL, null, 2, false));
        List<RequirementTemplate> items = Checklist.effective(MIGRAINE, payer, false);
        assertEquals(List.of("STEP_THERAPY_FORM", "SPECIALIST_PRESCRIBER"), codes(items));
        assertFalse(items.get(1).required());
        assertEquals("specialist", items.get(1).description());
    }
}
