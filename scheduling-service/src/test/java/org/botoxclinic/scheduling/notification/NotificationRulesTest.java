package org.botoxclinic.scheduling.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.ConfirmationToken;
import org.botoxclinic.scheduling.notification.domain.ContactPreference;
import org.botoxclinic.scheduling.notification.domain.MessageText;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.domain.RetrySchedule;
import org.botoxclinic.scheduling.notification.domain.SendFailure;
import org.botoxclinic.scheduling.notification.domain.ReminderSchedule;
import org.junit.jupiter.api.Test;

/** The rules of messaging patients, without Quarkus: when reminders are due, tokens, addresses, texts, retries. */
class NotificationRulesTest {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 19);
    private static final ReminderSchedule D7_D1 = new ReminderSchedule(List.of(7, 1));
    private static final OffsetDateTime NOW = OffsetDateTime.of(2031, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theSevenDayReminderIsDueOnTheSeventhDayBeforeAndNotTheEighth() {
        assertEquals(Optional.empty(), D7_D1.due(DAY, DAY.minusDays(8)));
        assertEquals(Optional.of(7), D7_D1.due(DAY, DAY.minusDays(7)));
        assertEquals(Optional.of(7), D7_D1.due(DAY, DAY.minusDays(2)));
    }

    @Test
    void theOneDayReminderTakesOverOnTheEveAndOnTheDayItself() {
        assertEquals(Optional.of(1), D7_D1.due(DAY, DAY.minusDays(1)));
        assertEquals(Optional.of(1), D7_D1.due(DAY, DAY));
        assertEquals(Optional.empty(), D7_D1.due(DAY, DAY.plusDays(1)));
    }

    @Test
    void theScheduleIsConfigurableAndLooksAsFarAheadAsItsLongestLead() {
        ReminderSchedule schedule = new ReminderSchedule(List.of(2, 14, 2));
        assertEquals(List.of(2, 14), schedule.daysBefore());
        assertEquals(14, schedule.horizonDays());
        assertEquals(Optional.empty(), schedule.due(DAY, DAY.minusDays(15)));
        assertEquals(Optional.of(14), schedule.due(DAY, DAY.minusDays(14)));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSchedule(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSchedule(List.of(-1)));
    }

    @Test
    void aTokenConfirmsOnlyItsAppointmentAtItsSlot() {
        ConfirmationToken tokens = new ConfirmationToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        UUID appointment = UUID.randomUUID();
        AppointmentSlot slot = new AppointmentSlot(DAY, LocalTime.of(9, 30));
        String token = tokens.sign(appointment, slot);

        assertTrue(tokens.matches(token, appointment, slot));
        assertFalse(tokens.matches(token, appointment, new AppointmentSlot(DAY, LocalTime.of(9, 45))));
        assertFalse(tokens.matches(token, appointment, new AppointmentSlot(DAY.plusDays(28), LocalTime.of(9, 30))));
        assertFalse(tokens.matches(token, UUID.randomUUID(), slot));
        assertFalse(tokens.matches(null, appointment, slot));
        assertFalse(tokens.matches(token.substring(1), appointment, slot));
        ConfirmationToken otherSecret = new ConfirmationToken("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(token, otherSecret.sign(appointment, slot));
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationToken(new byte[31]));
    }

    @Test
    void messagesGoByThePreferredChannelElseTheOtherOneWithAnAddress() {
        ContactPreference both = ContactPreference.of(UUID.randomUUID(), NOW);
        both.contactDetails("555-0100", "pat@example.org", NOW);
        assertEquals(Channel.EMAIL, both.recipient().channel());
        both.choose(Channel.SMS, false, "scheduler", NOW);
        assertEquals(Channel.SMS, both.recipient().channel());
        assertEquals("555-0100", both.recipient().address());

        ContactPreference phoneOnly = ContactPreference.of(UUID.randomUUID(), NOW);
        phoneOnly.contactDetails("555-0100", null, NOW);
        phoneOnly.choose(Channel.EMAIL, false, "scheduler", NOW);
        assertEquals(Channel.SMS, phoneOnly.recipient().channel());

        ContactPreference none = ContactPreference.of(UUID.randomUUID(), NOW);
        assertEquals(Notification.NO_CONTACT_DETAILS, none.recipient().unreachableReason());

        both.choose(Channel.EMAIL, true, "scheduler", NOW);
        assertFalse(both.recipient().reachable());
        assertEquals(Notification.OPTED_OUT, both.recipient().unreachableReason());
        assertEquals(NOW, both.optedOutAt());
        both.choose(Channel.EMAIL, false, "scheduler", NOW);
        assertTrue(both.recipient().reachable());
    }

    @Test
    void aMergedPatientsOptOutStandsAndMissingDetailsAreTakenOver() {
        ContactPreference survivor = ContactPreference.of(UUID.randomUUID(), NOW);
        survivor.contactDetails(null, "pat@example.org", NOW);
        ContactPreference merged = ContactPreference.of(UUID.randomUUID(), NOW);
        merged.contactDetails("555-0100", "old@example.org", NOW);
        merged.choose(Channel.SMS, true, "scheduler", NOW);

        survivor.absorb(merged, NOW);

        assertEquals("pat@example.org", survivor.email());
        assertEquals("555-0100", survivor.phone());
        assertTrue(survivor.optedOut());
    }

    @Test
    void aReminderSaysDateTimeAndPlaceOnly() {
        MessageText text = MessageText.reminder(new AppointmentSlot(DAY, LocalTime.of(9, 5)), "Neurology clinic, room 2",
                "https://clinic.example/confirm?appointment=a&token=t");
        assertEquals("Appointment reminder: Wednesday 19 March 2031 at 09:05", text.subject());
        assertTrue(text.body().contains("Wednesday 19 March 2031 at 09:05"));
        assertTrue(text.body().contains("Place: Neurology clinic, room 2"));
        assertTrue(text.body().contains("https://clinic.example/confirm?appointment=a&token=t"));
        assertFalse(text.asSms().contains("\n"));
        assertEquals("https://c.example/confirm?x=1&appointment=" + UUID.nameUUIDFromBytes(new byte[0]) + "&token=t",
                MessageText.confirmLink("https://c.example/confirm?x=1", UUID.nameUUIDFromBytes(new byte[0]), "t"));
    }

    @Test
    void failuresAreStoredWithoutAddressesOrPhoneNumbers() {
        String described = SendFailure.describe(new IllegalStateException(
                "550 5.1.1 <pat.rivera@example.org>: Recipient address rejected; to +1 (555) 010-0199"));
        assertFalse(described.contains("pat.rivera"));
        assertFalse(described.contains("010-0199"));
        assertTrue(described.startsWith("IllegalStateException: 550 5.1.1 <<recipient>>"), described);
    }

    @Test
    void retriesBackOffAndGiveUpAfterTheLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5), 3);
        assertEquals(Duration.ofMinutes(1), schedule.delayAfter(1));
        assertEquals(Duration.ofMinutes(2), schedule.delayAfter(2));
        assertEquals(Duration.ofMinutes(5), schedule.delayAfter(4));
        assertFalse(schedule.givesUpAfter(2));
        assertTrue(schedule.givesUpAfter(3));
    }
}
