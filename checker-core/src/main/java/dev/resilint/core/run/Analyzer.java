package dev.resilint.core.run;

import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import java.util.List;

/**
 * A source of findings: reads one kind of input (CloudFormation templates, compiled classes, a live
 * account) and runs its rules over it through the {@link dev.resilint.core.Engine}. The command
 * line and the Maven plugin build the analyzers they offer, each with its rules
 * ({@link Analyzers}).
 */
public interface Analyzer {

    /** Short name used on the command line and in messages: {@code cloudformation}, {@code code}. */
    String name();

    /**
     * The kind of input this analyzer reads: a rule runs on a source when an analyzer of that kind
     * lists it in {@link #rules()}, whatever else its metadata names.
     */
    SourceKind kind();

    /** Metadata of every rule this analyzer can run. */
    List<RuleMetadata> rules();

    /**
     * What besides the rule configuration decides this analyzer's findings, for the run's
     * {@link ConfigurationDigest}: a live scan's account selection and regions, say. Nothing by
     * default; inputs (files) are not part of it.
     */
    default List<String> configuration() {
        return List.of();
    }

    /**
     * Analyzes the inputs. Unreadable inputs become input-error problems in the results; the
     * method itself throws only for resilint bugs.
     */
    Results analyze(AnalysisRequest request);
}
