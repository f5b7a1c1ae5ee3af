package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvidenceRuleTest {

    private static final String DIARY = "headacheDaysPerMonth >= 15 and symptomMonths >= 3";

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void shouldProveTheDiaryAtFifteenDaysAndThreeMonthsButNotOneBelowEither() {
        assertTrue(EvidenceRule.proves(DIARY, details("headacheDaysPerMonth", 15, "symptomMonths", 3)));
        assertFalse(EvidenceRule.proves(DIARY, details("headacheDaysPerMonth", 14, "symptomMonths", 3)));
        assertFalse(EvidenceRule.proves(DIARY, details("headacheDaysPerMonth", 15, "symptomMonths", 2)));
    }

    @Test
    void shouldProveNothingFromAMissingValue() {
        assertFalse(EvidenceRule.proves(DIARY, details("headacheDaysPerMonth", 20)));
        assertFalse(EvidenceRule.proves(DIARY, null));
        assertFalse(EvidenceRule.proves(null, details("headacheDaysPerMonth", 20)));
    }

    @Test
    void shouldCountDistinctListEntries() {
        String rule = "priorPreventiveClasses.count >= 2";
        assertTrue(EvidenceRule.proves(rule, details("priorPreventiveClasses", List.of("BETA_BLOCKER", "ANTICONVULSANT"))));
        assertFalse(EvidenceRule.proves(rule, details("priorPreventiveClasses", List.of("BETA_BLOCKER"))));
        assertFalse(EvidenceRule.proves(rule, details("priorPreventiveClasses", List.of("BETA_BLOCKER", "BETA_BLOCKER"))));
    }

    @Test
    void shouldCompareBooleansAndDecimals() {
        assertTrue(EvidenceRule.proves("currentCgrpAntagonist = false", details("currentCgrpAntagonist", false)));
        assertFalse(EvidenceRule.proves("currentCgrpAntagonist = false", details("currentCgrpAntagonist", true)));
        assertTrue(EvidenceRule.proves("headacheHoursPerDay >= 4", details("headacheHoursPerDay", 4.0)));
        assertFalse(EvidenceRule.proves("headacheHoursPerDay >= 4", details("headacheHoursPerDay", 3.9)));
    }

    @Test
    void shouldProvePresenceOnlyForANonBlankValue() {
        assertTrue(EvidenceRule.proves("spasticityCause present", details("spasticityCause", "STROKE")));
        assertFalse(EvidenceRule.proves("spasticityCause present", details("spasticityCause", " ")));
    }

    @Test
    void shouldRefuseAConditionItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> EvidenceRule.check("headacheDaysPerMonth about 15"));
        EvidenceRule.check(DIARY);
    }
}
