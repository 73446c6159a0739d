package dev.resilint.core.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Suppression;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest of a run's effective configuration: everything besides the inputs that changes which
 * findings a run reports and how (the JSON report's {@code run.configuration}). Two shards of one
 * scan agree on it, and {@code resilint merge} refuses reports whose digests differ.
 *
 * <p>It covers the rules that ran with their effective severity and every parameter's effective
 * value, the required tags, the input size limit, the suppressions of the
 * configuration (rule, format, scope, reason, expiry, where written), the baseline (its
 * fingerprints, or none), and what each analyzer adds ({@link Analyzer#configuration()}: a live
 * scan's account selection, regions and tag reading). It leaves out what only renders
 * ({@code --verbose}, colours, {@code --include-suppressed}), the date suppressions' expiry is judged
 * against, credentials, and a scan's {@code --shard}, which is what the shards of one scan differ
 * in. The fail threshold ({@code --fail-on}) is not part of it either: it decides the verdict, not the
 * findings, and the report states it on its own ({@code summary.threshold}); {@code resilint merge}
 * compares it apart, and can judge the merged findings again with a threshold of its own.
 *
 * <p>The digest is of compact JSON written with Jackson's streaming generator (what a data-binding
 * mapper writes for the same tree, byte for byte), so that a run does not pay for starting
 * Jackson's data binding just to name its configuration.
 */
public final class ConfigurationDigest {

    /** Prefix of every digest, naming its algorithm. */
    public static final String PREFIX = "sha256:";

    private static final JsonFactory JSON = new JsonFactory();

    private ConfigurationDigest() {
    }

    /**
     * The digest of a run.
     *
     * @param rules the rules that ran
     * @param analyzerSettings what the analyzers add, one entry per analyzer and line
     */
    public static String of(List<RuleMetadata> rules, Config config, Optional<Baseline> baseline,
            List<String> analyzerSettings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("digest", 1);
            g.writeArrayFieldStart("rules");
            for (RuleMetadata rule : rules.stream().sorted(java.util.Comparator.comparing(RuleMetadata::id)).toList()) {
                g.writeStartObject();
                g.writeStringField("id", rule.id());
                g.writeStringField("severity", config.severity().getOrDefault(rule.id(), rule.defaultSeverity()).label());
                g.writeObjectFieldStart("parameters");
                Map<String, Object> configured = config.ruleParameters().getOrDefault(rule.id(), Map.of());
                for (RuleParameter p : rule.parameters().stream()
                        .sorted(java.util.Comparator.comparing(RuleParameter::name)).toList()) {
                    g.writeStringField(p.name(), String.valueOf(configured.getOrDefault(p.name(), p.defaultValue())));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "requiredTags", config.requiredTags());
            g.writeNumberField("maxFileSizeBytes", config.maxFileSizeBytes());
            g.writeArrayFieldStart("suppressions");
            for (Suppression s : config.suppressions()) {
                g.writeStartObject();
                g.writeStringField("ruleId", s.ruleId());
                g.writeStringField("format", s.format().label());
                g.writeStringField("scope", s.scope().describe());
                g.writeStringField("reason", s.reason());
                g.writeStringField("expires", s.expires().map(Object::toString).orElse(""));
                g.writeStringField("origin", s.origin().display());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (baseline.isPresent()) {
                strings(g, "baseline", baseline.get().entries().stream().map(Baseline.Entry::fingerprint).sorted().toList());
            } else {
                g.writeNullField("baseline");
            }
            strings(g, "analyzers", analyzerSettings);
            g.writeEndObject();
        } catch (IOException e) { // into memory
            throw new UncheckedIOException(e);
        }
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) { // every JVM has SHA-256
            throw new IllegalStateException(e);
        }
    }

    private static void strings(JsonGenerator g, String field, java.util.Collection<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
