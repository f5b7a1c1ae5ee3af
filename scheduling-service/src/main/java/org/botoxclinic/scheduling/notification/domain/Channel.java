package org.botoxclinic.scheduling.notification.domain;

/** How a message reaches the patient. */
public enum Channel {
    EMAIL, SMS
}
