package org.botoxclinic.referral.referral.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

import org.botoxclinic.referral.referral.domain.Indication;

/** Intake configuration: which ICD-10-CM code prefixes fit each indication. */
@ConfigMapping(prefix = "clinic.referral")
public interface ReferralConfig {

    Map<String, List<String>> indicationCodes();

    default Map<Indication, List<String>> codesByIndication() {
        Map<Indication, List<String>> codes = new EnumMap<>(Indication.class);
        indicationCodes().forEach((indication, prefixes) -> codes.put(Indication.valueOf(indication), List.copyOf(prefixes)));
        return codes;
    }
}
