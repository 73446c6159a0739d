package dev.resilint.live.fake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Scalars as text on the wire, in the timestamp format a member names or its protocol's default. */
final class WireValues {
    private WireValues() {
    }

    /** The text of a scalar in an XML body, a form, a query string or a header. */
    static String text(Shape.Member member, Object value, Shape.TimestampFormat protocolDefault) {
        if (value instanceof Instant instant) {
            Shape.TimestampFormat format = member.timestampFormat() == Shape.TimestampFormat.DEFAULT
                                           ? protocolDefault : member.timestampFormat();
            switch (format) {
                case RFC_822:
                    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
                case UNIX_TIMESTAMP:
                    return epochSeconds(instant).toPlainString();
                case UNIX_TIMESTAMP_MILLIS:
                    return Long.toString(instant.toEpochMilli());
                default:
                    return DateTimeFormatter.ISO_INSTANT.format(instant);
            }
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(value);
    }

    /** Epoch seconds with milliseconds, as JSON protocols send timestamps. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    }
}
