package org.botoxclinic.scheduling.notification.api;

import jakarta.validation.constraints.NotNull;

import org.botoxclinic.scheduling.notification.domain.Channel;

/** The patient's choice: the channel they want messages by, and whether they want none at all. */
public record ContactPreferenceRequest(@NotNull Channel channel, @NotNull Boolean optedOut) {
}
