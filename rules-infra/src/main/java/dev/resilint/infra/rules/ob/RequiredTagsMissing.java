package dev.resilint.infra.rules.ob;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleSettings;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import dev.resilint.infra.rules.support.TaggableTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OB01: a taggable resource lacks a tag key that the configuration requires ({@code requiredTags} in
 * {@code .resilint.yaml}). Inactive, with no findings at all, while no tags are required. What it
 * fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class RequiredTagsMissing extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("OB01", RequiredTagsMissing.class)
            .severity(Severity.WARNING)
            .summary("A taggable resource lacks a tag key that the configuration requires.")
            .rationale("During an incident, responders need to know at a glance who owns a resource, which "
                    + "service and environment it belongs to and how critical it is; cost reports, backup plans "
                    + "and automated runbooks select resources by the same tags. An untagged resource is found "
                    + "late and handled by guesswork.")
            .remediation("Add the missing keys to the resource's `Tags` (`FileSystemTags` for EFS), or apply them "
                    + "to every resource of the app (AWS CDK `Tags.of(app).add(...)`, SAM `Globals`). The keys "
                    + "come from `requiredTags` in `.resilint.yaml`; the rule does nothing until that lists some.")
            .wellArchitected("REL06-BP01")
            .anchors(Reference.conformityMonkey("owner tag"), Reference.awsConfig("required-tags"))
            .tags("tagging", "ownership")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(TaggableTypes.types())
            .judgesTypesIndependently()
            .firesOn("A resource of a taggable type (the judged types, each read through its own tag property in "
                            + "its shape: a list of `{Key, Value}` or a map) that lacks a key of `requiredTags` in "
                            + "every possibility of its tags. One finding per resource, listing the missing keys in "
                            + "the configured order. Keys are compared exactly, as AWS does (tag keys are "
                            + "case-sensitive).",
                    "Tags that CloudFormation adds at deployment (stack-level tags, which propagate to the stack's "
                            + "resources) are invisible in a template: configure only keys that templates are expected "
                            + "to set.")
            .quietWhen("No tags are required (`requiredTags` is empty): the rule is inactive.",
                    "A key that one branch of an `Fn::If` whose condition is unknown has and another lacks.",
                    "The tags cannot be known: a parameter, an import, a tag entry whose key is unknown.",
                    "The resource's `Condition` is provably false.")
            .build();

    /** Inactive until tag keys are required: nothing to judge, nothing to read. */
    @Override
    public boolean isActive(RuleSettings settings) {
        return !settings.requiredTags().isEmpty();
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        List<String> required = context.requiredTags();
        if (required.isEmpty()) {
            return;
        }
        TaggableTypes.Tagging tagging = TaggableTypes.of(r.type()).orElseThrow();
        Optional<List<Set<String>>> keySets = graph.property(r, tagging.property())
                .readEach(option -> keys(option, tagging.shape()));
        if (keySets.isEmpty()) {
            return; // cannot tell which keys are there
        }
        List<String> missing = new ArrayList<>();
        for (String key : new LinkedHashSet<>(required)) {
            if (keySets.get().stream().noneMatch(keys -> keys.contains(key))) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            String property = tagging.property();
            context.report(r.locateProperty(property), r.type() + " " + r.displayName() + " lacks the required "
                    + (missing.size() == 1 ? "tag " : "tags ") + String.join(", ", missing) + "; add "
                    + (missing.size() == 1 ? "it" : "them") + " to " + property);
        }
    }

    /** The tag keys of one possibility of the tag property; empty when they cannot be known. */
    private static Optional<Set<String>> keys(Value tags, TaggableTypes.Shape shape) {
        if (tags instanceof Value.Absent) {
            return Optional.of(Set.of());
        }
        if (!(tags instanceof Value.Known)) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (shape == TaggableTypes.Shape.MAP) {
            Optional<MapNode> map = tags.asMap();
            if (map.isEmpty()) {
                return Optional.empty();
            }
            keys.addAll(map.get().keys());
            return Optional.of(keys);
        }
        Optional<List<Value>> items = tags.asList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        for (Value item : items.get()) {
            Optional<String> key = ListItems.text(item, "Key");
            if (key.isEmpty()) {
                return Optional.empty();
            }
            keys.add(key.get());
        }
        return Optional.of(keys);
    }
}
