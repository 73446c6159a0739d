package dev.resilint.code;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.resilint.code.rules.Violation;
import dev.resilint.core.Location;

/**
 * What the code rules look at: the imported classes, and where their sources are.
 *
 * @param classes the classes imported from the class directories and jars named
 * @param sources source file lookup for locations
 */
public record CodeTarget(JavaClasses classes, SourceFiles sources) {

    /** Where a violation is, for a finding. */
    Location locate(Violation v) {
        int line = v.line();
        if (v.atDeclaration()) {
            int declared = sources.declarationLine(v.owner(), v.member());
            line = declared > 0 ? declared : line;
        }
        return new Location.Code(v.owner().getName(), v.member(), sources.display(v.owner()), line);
    }
}
