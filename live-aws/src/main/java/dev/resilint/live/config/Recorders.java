package dev.resilint.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which resource types AWS Config records in each account and region, from the configuration
 * recorders Config itself records as {@code AWS::Config::ConfigurationRecorder} items (their
 * {@code configuration} is PascalCase: {@code Recording}, {@code RecordingGroup.AllSupported},
 * {@code RecordingGroup.ResourceTypes}, {@code RecordingGroup.ExclusionByResourceTypes.ResourceTypes},
 * {@code RecordingGroup.RecordingStrategy.UseOnly}).
 *
 * <p>Where the aggregator has no recorder item for a scope (a recorder Config has not recorded as a
 * resource, or one not aggregated), whether a type is recorded there cannot be known from the
 * aggregator account: such a scope's types with no items are not evaluated, never taken as empty.
 */
final class Recorders {

    /** The Config type of configuration recorders. */
    static final String TYPE = "AWS::Config::ConfigurationRecorder";

    private final Map<Scope, List<JsonNode>> byScope = new HashMap<>();

    void add(ConfigItem recorder) {
        if (recorder.exists()) {
            byScope.computeIfAbsent(recorder.scope(), s -> new ArrayList<>()).add(recorder.configuration());
        }
    }

    /**
     * Whether a recorder of the scope records {@code type}: empty when the scope has no recorder item
     * or its settings cannot be read.
     */
    Optional<Boolean> records(Scope scope, String type) {
        List<JsonNode> recorders = byScope.get(scope);
        if (recorders == null || recorders.isEmpty()) {
            return Optional.empty();
        }
        boolean unknown = false;
        for (JsonNode r : recorders) {
            Optional<Boolean> records = records(r, type);
            if (records.isEmpty()) {
                unknown = true;
            } else if (records.get()) {
                return Optional.of(true);
            }
        }
        return unknown ? Optional.empty() : Optional.of(false);
    }

    private static Optional<Boolean> records(JsonNode recorder, String type) {
        JsonNode recording = ConfigAdapter.member(recorder, "Recording");
        JsonNode group = ConfigAdapter.member(recorder, "RecordingGroup");
        if (recording == null || !recording.isBoolean() || group == null || !group.isObject()) {
            return Optional.empty();
        }
        if (!recording.booleanValue()) {
            return Optional.of(false);
        }
        JsonNode strategy = ConfigAdapter.member(ConfigAdapter.member(group, "RecordingStrategy"), "UseOnly");
        String useOnly = strategy == null ? "" : strategy.asText();
        JsonNode all = ConfigAdapter.member(group, "AllSupported");
        if (useOnly.equals("EXCLUSION_BY_RESOURCE_TYPES")) {
            return Optional.of(!contains(ConfigAdapter.member(ConfigAdapter.member(group, "ExclusionByResourceTypes"),
                    "ResourceTypes"), type));
        }
        if (useOnly.equals("ALL_SUPPORTED_RESOURCE_TYPES") || (all != null && all.asBoolean(false))) {
            return Optional.of(true);
        }
        JsonNode types = ConfigAdapter.member(group, "ResourceTypes");
        if (useOnly.equals("INCLUSION_BY_RESOURCE_TYPES") || (types != null && types.isArray())) {
            return Optional.of(contains(types, type));
        }
        return Optional.empty();
    }

    private static boolean contains(JsonNode list, String type) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode t : list) {
            if (type.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
