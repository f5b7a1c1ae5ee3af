package org.botoxclinic.scheduling.notification.service;

import java.time.Duration;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.MessageText;

/** E-mail through Quarkus Mailer over SMTP (CLINIC_SMTP_HOST, CLINIC_SMTP_PORT, ...); plain text only. */
@ApplicationScoped
public class EmailSender implements MessageSender {

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String address, MessageText text, Duration deadline) {
        mailer.send(Mail.withText(address, text.subject(), text.body())).await().atMost(deadline);
    }
}
