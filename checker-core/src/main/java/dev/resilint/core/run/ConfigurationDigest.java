package dev.resilint.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Suppression;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import java.nio.charset.StandardCharsets;
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
 */
public final class ConfigurationDigest {

    /** Prefix of every digest, naming its algorithm. */
    public static final String PREFIX = "sha256:";

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode root = JSON.createObjectNode();
        root.put("digest", 1);
        ArrayNode ruleList = root.putArray("rules");
        for (RuleMetadata rule : rules.stream().sorted(java.util.Comparator.comparing(RuleMetadata::id)).toList()) {
            ObjectNode r = ruleList.addObject();
            r.put("id", rule.id());
            r.put("severity", config.severity().getOrDefault(rule.id(), rule.defaultSeverity()).label());
            ObjectNode params = r.putObject("parameters");
            Map<String, Object> configured = config.ruleParameters().getOrDefault(rule.id(), Map.of());
            for (RuleParameter p : rule.parameters().stream()
                    .sorted(java.util.Comparator.comparing(RuleParameter::name)).toList()) {
                params.put(p.name(), String.valueOf(configured.getOrDefault(p.name(), p.defaultValue())));
            }
        }
        ArrayNode tags = root.putArray("requiredTags");
        config.requiredTags().forEach(tags::add);
        root.put("maxFileSizeBytes", config.maxFileSizeBytes());
        ArrayNode suppressions = root.putArray("suppressions");
        for (Suppression s : config.suppressions()) {
            suppressions.addObject().put("ruleId", s.ruleId()).put("format", s.format().label())
                    .put("scope", s.scope().describe()).put("reason", s.reason())
                    .put("expires", s.expires().map(Object::toString).orElse(""))
                    .put("origin", s.origin().display());
        }
        if (baseline.isPresent()) {
            ArrayNode entries = root.putArray("baseline");
            baseline.get().entries().stream().map(Baseline.Entry::fingerprint).sorted().forEach(entries::add);
        } else {
            root.putNull("baseline");
        }
        ArrayNode analyzers = root.putArray("analyzers");
        analyzerSettings.forEach(analyzers::add);
        try {
            byte[] canonical = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) { // a tree of strings always serializes
            throw new IllegalStateException(e);
        }
    }
}
