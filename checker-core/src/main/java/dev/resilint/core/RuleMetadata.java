package dev.resilint.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything resilint knows about a rule apart from its logic. This is the one place a rule's
 * documentation lives: {@code resilint rules}, {@code resilint explain}, the SARIF rule
 * descriptors and {@code docs/rules.md} are all generated from it.
 *
 * @param id stable identifier: two upper-case letters naming the area and two digits ({@code AZ01})
 * @param name PascalCase name ({@code AutoScalingGroupSingleAz})
 * @param defaultSeverity severity unless the configuration overrides it
 * @param summary one line: what the rule flags
 * @param rationale why it matters: the failure it predicts
 * @param remediation how to fix it
 * @param references Well-Architected best practices and other tools' equivalent checks
 * @param tags free-form tags for selection and display
 * @param sources which kinds of input the rule judges
 * @param resourceTypes the CloudFormation resource types (or Java types) the rule reads: the rule sees
 *     nothing else, and a live scan does not evaluate it where one of them could not be read
 * @param judgedTypes the resource types, among {@code resourceTypes}, whose resources get findings
 * @param parameters settings users may change
 * @param firesOn the precise contract: each case the rule reports, one per item
 * @param quietWhen the cases that look alike but are not reported, including the values the rule
 *     cannot know; one per item
 * @param implementation the fully qualified name of the class that implements the rule, or the
 *     empty string
 * @param independentTypes whether the rule judges each of its types on its own (reading one type
 *     says nothing about another, as a tag rule does): where some of its types could not be read,
 *     it still judges the others, and only the missing ones are not evaluated
 * @param quietingTypes the types, among {@code resourceTypes}, that the rule reads only to stay quiet
 *     (a resource of one of them can only silence a finding, never cause one): where a source cannot
 *     read one of them, the rule still judges the others, and each resource it would report there is
 *     not evaluated instead, naming the unread type
 * @param typesReadWhereSupported the types, among {@code resourceTypes}, that the rule reads where a
 *     source has them at all: a source that does not support one of them (a live scan, which cannot
 *     see a template-only construct) still runs the rule, and only the UNSUPPORTED gap of such a type
 *     is ignored; a read of it that failed (denied, throttled) is a gap as any other
 */
public record RuleMetadata(
        String id,
        String name,
        Severity defaultSeverity,
        String summary,
        String rationale,
        String remediation,
        List<Reference> references,
        List<String> tags,
        Set<SourceKind> sources,
        List<String> resourceTypes,
        List<String> judgedTypes,
        List<RuleParameter> parameters,
        List<String> firesOn,
        List<String> quietWhen,
        String implementation,
        boolean independentTypes,
        List<String> quietingTypes,
        List<String> typesReadWhereSupported) {

    /** Rule ids: an area code of two capital letters and two digits. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Z]{2}[0-9]{2}");

    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Z][A-Za-z0-9]+");

    /** Where the generated per-rule documentation lives; used as SARIF {@code helpUri}. */
    public static final String DOCS_BASE_URL = "https://github.com/resilint/resilint/blob/main/docs/rules.md";

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like AZ01: " + id);
        }
        if (name == null || !NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("rule name must be PascalCase: " + name);
        }
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        requireText(summary, "summary", id);
        requireText(rationale, "rationale", id);
        requireText(remediation, "remediation", id);
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule applies to at least one source");
        }
        sources = Set.copyOf(EnumSet.copyOf(sources));
        resourceTypes = List.copyOf(resourceTypes);
        judgedTypes = List.copyOf(judgedTypes);
        if (!resourceTypes.containsAll(judgedTypes)) {
            throw new IllegalArgumentException(id + ": judged types must be read too: " + judgedTypes);
        }
        parameters = List.copyOf(parameters);
        firesOn = List.copyOf(firesOn);
        quietWhen = List.copyOf(quietWhen);
        implementation = implementation == null ? "" : implementation;
        quietingTypes = List.copyOf(quietingTypes);
        if (!resourceTypes.containsAll(quietingTypes) || quietingTypes.stream().anyMatch(judgedTypes::contains)) {
            throw new IllegalArgumentException(id + ": types read to stay quiet must be read and not judged: "
                    + quietingTypes);
        }
        typesReadWhereSupported = List.copyOf(typesReadWhereSupported);
        if (!resourceTypes.containsAll(typesReadWhereSupported)
                || typesReadWhereSupported.stream().anyMatch(judgedTypes::contains)) {
            throw new IllegalArgumentException(id + ": types read where supported must be read and not judged: "
                    + typesReadWhereSupported);
        }
    }

    /** A rule whose types every source must read. */
    public RuleMetadata(String id, String name, Severity defaultSeverity, String summary, String rationale,
            String remediation, List<Reference> references, List<String> tags, Set<SourceKind> sources,
            List<String> resourceTypes, List<String> judgedTypes, List<RuleParameter> parameters,
            List<String> firesOn, List<String> quietWhen, String implementation, boolean independentTypes,
            List<String> quietingTypes) {
        this(id, name, defaultSeverity, summary, rationale, remediation, references, tags, sources, resourceTypes,
                judgedTypes, parameters, firesOn, quietWhen, implementation, independentTypes, quietingTypes,
                List.of());
    }

    /** A rule without types read only to stay quiet. */
    public RuleMetadata(String id, String name, Severity defaultSeverity, String summary, String rationale,
            String remediation, List<Reference> references, List<String> tags, Set<SourceKind> sources,
            List<String> resourceTypes, List<String> judgedTypes, List<RuleParameter> parameters,
            List<String> firesOn, List<String> quietWhen, String implementation, boolean independentTypes) {
        this(id, name, defaultSeverity, summary, rationale, remediation, references, tags, sources, resourceTypes,
                judgedTypes, parameters, firesOn, quietWhen, implementation, independentTypes, List.of(), List.of());
    }

    private static void requireText(String value, String what, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": " + what + " is required");
        }
    }

    /** The link to this rule's generated documentation. */
    public String helpUri() {
        return DOCS_BASE_URL + "#" + id.toLowerCase(java.util.Locale.ROOT) + "-"
                + name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The sources in declaration order (template, live, code). */
    public List<SourceKind> sourcesInOrder() {
        List<SourceKind> ordered = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            if (sources.contains(kind)) {
                ordered.add(kind);
            }
        }
        return ordered;
    }

    /** The Well-Architected best practices among the references. */
    public List<Reference> wellArchitected() {
        return references.stream().filter(r -> r.kind() == Reference.Kind.WELL_ARCHITECTED).toList();
    }

    public RuleParameter parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no parameter " + parameterName));
    }

    public static Builder builder(String id, String name) {
        return new Builder(id, name, "");
    }

    /** A rule implemented by {@code implementation}: its name is the class's simple name. */
    public static Builder builder(String id, Class<?> implementation) {
        return new Builder(id, implementation.getSimpleName(), implementation.getName());
    }

    /** Fluent construction, so that a rule's metadata reads like a declaration. */
    public static final class Builder {
        private final String id;
        private final String name;
        private Severity severity = Severity.WARNING;
        private String summary;
        private String rationale;
        private String remediation;
        private final List<Reference> references = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final Set<SourceKind> sources = EnumSet.noneOf(SourceKind.class);
        private final List<String> resourceTypes = new ArrayList<>();
        private final List<String> judgedTypes = new ArrayList<>();
        private final List<RuleParameter> parameters = new ArrayList<>();
        private final List<String> firesOn = new ArrayList<>();
        private final List<String> quietWhen = new ArrayList<>();
        private final String implementation;
        private boolean independentTypes;
        private final List<String> quietingTypes = new ArrayList<>();
        private final List<String> typesReadWhereSupported = new ArrayList<>();

        private Builder(String id, String name, String implementation) {
            this.id = id;
            this.name = name;
            this.implementation = implementation;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        public Builder summary(String value) {
            this.summary = value;
            return this;
        }

        public Builder rationale(String value) {
            this.rationale = value;
            return this;
        }

        public Builder remediation(String value) {
            this.remediation = value;
            return this;
        }

        public Builder wellArchitected(String... bestPractices) {
            for (String bp : bestPractices) {
                references.add(Reference.wellArchitected(bp));
            }
            return this;
        }

        /** Other tools' checks of the same problem, built by the factories of {@link Reference}. */
        public Builder anchors(Reference... anchors) {
            references.addAll(List.of(anchors));
            return this;
        }

        public Builder reference(Reference reference) {
            references.add(reference);
            return this;
        }

        public Builder tags(String... values) {
            tags.addAll(List.of(values));
            return this;
        }

        public Builder sources(SourceKind... values) {
            sources.addAll(List.of(values));
            return this;
        }

        /** Types the rule reads besides those it judges. */
        public Builder resourceTypes(String... values) {
            for (String v : values) {
                if (!resourceTypes.contains(v)) {
                    resourceTypes.add(v);
                }
            }
            return this;
        }

        /** Types whose resources the rule judges (reports findings on); they are read too. */
        public Builder judges(String... values) {
            for (String v : values) {
                if (!judgedTypes.contains(v)) {
                    judgedTypes.add(v);
                }
            }
            return resourceTypes(values);
        }

        /** Types the rule reads to judge others (a subnet's zone, a queue's consumers). */
        public Builder reads(String... values) {
            return resourceTypes(values);
        }

        /** Types a shared reading helper reads, as it lists them. */
        public Builder reads(java.util.Collection<String> values) {
            return resourceTypes(values.toArray(String[]::new));
        }

        /**
         * Types the rule reads only to stay quiet: a resource of one of them (a consumer that acts on
         * an alarm) can silence a finding, never cause one. Where a source cannot read one of them
         * (a live scan that does not collect it), the rule still runs, and each resource it would
         * report is not evaluated instead, naming the type: never a false alarm, never a silent pass.
         */
        public Builder readsToStayQuiet(String... values) {
            for (String v : values) {
                if (!quietingTypes.contains(v)) {
                    quietingTypes.add(v);
                }
            }
            return resourceTypes(values);
        }

        /**
         * Types the rule reads where a source has them: constructs that exist only in some sources (an
         * SNS topic's inline subscriptions, CDK's bucket notification resource: templates only), whose
         * effect another declared type also shows where they are missing (the Lambda permission each
         * of them needs). A source that does not support one of them still runs the rule, and its
         * UNSUPPORTED gap is ignored; a failed read of a type the source does support is a gap as any
         * other. Say in the rule's {@code quietWhen} why nothing is lost.
         */
        public Builder readsWhereSupported(java.util.Collection<String> values) {
            for (String v : values) {
                if (!typesReadWhereSupported.contains(v)) {
                    typesReadWhereSupported.add(v);
                }
            }
            return resourceTypes(values.toArray(String[]::new));
        }

        /**
         * The rule judges each of its types on its own, reading nothing else: where some cannot be
         * read, the others are still judged.
         */
        public Builder judgesTypesIndependently() {
            this.independentTypes = true;
            return this;
        }

        /** One case the rule reports. */
        public Builder firesOn(String... cases) {
            firesOn.addAll(List.of(cases));
            return this;
        }

        /** One case the rule deliberately does not report. */
        public Builder quietWhen(String... cases) {
            quietWhen.addAll(List.of(cases));
            return this;
        }

        /** Cases the rule does not report, as a shared reading helper lists them. */
        public Builder quietWhen(java.util.Collection<String> cases) {
            quietWhen.addAll(cases);
            return this;
        }

        public Builder parameter(RuleParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public RuleMetadata build() {
            return new RuleMetadata(id, name, severity, summary, rationale, remediation, references, tags,
                    sources, resourceTypes, judgedTypes, parameters, firesOn, quietWhen, implementation,
                    independentTypes, quietingTypes, typesReadWhereSupported);
        }
    }
}
