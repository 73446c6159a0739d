package dev.resilint.core.tree;

/**
 * A YAML or JSON value that remembers where it was written. Maps keep their insertion order and
 * the position of every key; scalars keep their text and their parsed type.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    /** Where the value starts. */
    Mark mark();

    /** The YAML tag without the leading {@code !}, for example {@code GetAtt}, or the empty string. */
    String tag();

    /** A short description of the kind of value, for error messages: "a map", "a list", "a string". */
    String kindDescription();
}
