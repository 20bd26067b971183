package org.openkyc.hosted;

import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.openkyc.flows.definition.StepSettings.PhoneChannel;

/**
 * The stand-in for an SMS provider during development and evaluation: nothing leaves the machine, and every
 * message shows in the development mailbox, addressed {@code sms:+…} or {@code call:+…}.
 */
final class LocalPhoneGateway implements PhoneGateway {

    private final Mailer mailer;

    LocalPhoneGateway(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(String number, String text, PhoneChannel channel) {
        String scheme = channel == PhoneChannel.CALL ? "call:" : "sms:";
        mailer.recordForDevelopment(
                new Mail(scheme + number, channel == PhoneChannel.CALL ? "Voice call" : "SMS", text));
    }
}
