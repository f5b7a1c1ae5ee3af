package org.botoxclinic.referral.referral;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.botoxclinic.referral.referral.domain.Npi;
import org.junit.jupiter.api.Test;

class NpiTest {

    @Test
    void shouldAcceptAnNpiWhoseCheckDigitMatches() {
        assertTrue(Npi.isValid("1234567893"));
        assertTrue(Npi.isValid("1245319599"));
    }

    @Test
    void shouldRejectAnNpiWithAWrongCheckDigitOrShape() {
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("1234567894"));
        assertFalse(Npi.isValid("3234567893"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid(null));
    }
}
