package org.botoxclinic.referral.referral.domain;

/** The conditions the clinic treats with botulinum toxin. */
public enum Indication {
    CHRONIC_MIGRAINE,
    CERVICAL_DYSTONIA,
    LUMBAR_DYSTONIA,
    WRITERS_CRAMP,
    SPASTICITY,
    BLEPHAROSPASM,
    HEMIFACIAL_SPASM
}
