package dev.resilint.live.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a scan reads AWS Config's view of an organisation ({@code --source config-aggregator}).
 *
 * @param name the configuration aggregator ({@code --aggregator})
 * @param region the region it lives in ({@code --aggregator-region}; the SDK's region by default)
 * @param maxAge how old a configuration item may be before its type is not evaluated, stale
 *     ({@code --max-age}, 26 hours by default)
 */
public record AggregatorSettings(String name, String region, Duration maxAge) {

    /** {@code --max-age}'s default: Config's daily recording, with two hours to spare. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(26);

    /** The IAM actions the aggregator source calls (in the aggregator's account), sorted. */
    public static final List<String> ACTIONS = List.of("config:DescribeConfigurationAggregatorSourcesStatus",
            "config:DescribeConfigurationAggregators", "config:SelectAggregateResourceConfig");

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    public AggregatorSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    /**
     * A duration as {@code --max-age} takes it: a whole number and a unit, {@code s}, {@code m},
     * {@code h} or {@code d} ({@code 26h}, {@code 90m}, {@code 2d}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 26h, 90m or 2d");
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
