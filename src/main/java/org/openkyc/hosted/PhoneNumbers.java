package org.openkyc.hosted;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.InvalidInputException;
import org.openkyc.flows.definition.StepSettings.PhoneChannel;

/**
 * Phone numbers as the applicant types them, checked with libphonenumber: valid for their region, of a type that
 * can take the chosen channel (an SMS needs a mobile number; a call also reaches fixed lines), never premium-rate
 * or shared-cost. Free of Spring.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> SMS =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final Set<PhoneNumberType> CALL = Set.of(
            PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE,
            PhoneNumberType.FIXED_LINE,
            PhoneNumberType.VOIP,
            PhoneNumberType.PERSONAL_NUMBER);

    private PhoneNumbers() {}

    /** A checked number: E.164 form, ISO region and number type. */
    record Checked(String e164, String region, String type) {}

    /**
     * @param defaultRegion where a number without country code is taken to be (ISO alpha-2), if known
     */
    static Checked check(String typed, @Nullable String defaultRegion, PhoneChannel channel) {
        PhoneNumber number;
        try {
            number = UTIL.parse(typed.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw InvalidInputException.of(
                    "phone", "phone", "is not a phone number; start it with + and the country code");
        }
        if (!UTIL.isValidNumber(number)) {
            throw InvalidInputException.of("phone", "phone", "is not a valid number in its country");
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (!(channel == PhoneChannel.CALL ? CALL : SMS).contains(type)) {
            throw InvalidInputException.of(
                    "phone",
                    channel == PhoneChannel.CALL ? "notCallable" : "notMobile",
                    channel == PhoneChannel.CALL ? "cannot take a verification call" : "cannot receive text messages");
        }
        return new Checked(
                UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                String.valueOf(UTIL.getRegionCodeForNumber(number)),
                type.name());
    }
}
