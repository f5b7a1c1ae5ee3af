package org.botoxclinic.referral.referral.domain;

/**
 * National Provider Identifier: ten digits, the first 1 or 2, the last a Luhn check digit computed over the
 * prefix 80840 and the first nine digits (equivalently, 24 added to the Luhn sum of those nine).
 */
public final class Npi {

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("[12][0-9]{9}")) {
            return false;
        }
        int sum = 24;
        for (int i = 8; i >= 0; i--) {
            int digit = npi.charAt(i) - '0';
            // Doubling starts from the rightmost of the nine payload digits.
            if ((8 - i) % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
