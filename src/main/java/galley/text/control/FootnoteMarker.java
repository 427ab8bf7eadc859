package galley.text.control;

import org.commonmark.node.CustomNode;

/** A citation of reference {@code number} in the body, written {@code [^n]} (or {@code [n]}). */
final class FootnoteMarker extends CustomNode {

    private final int number;
    private final boolean explicit;

    FootnoteMarker(int number, boolean explicit) {
        this.number = number;
        this.explicit = explicit;
    }

    int number() {
        return number;
    }

    /** Written in footnote syntax ({@code [^n]}) rather than as a bare bracketed number. */
    boolean explicit() {
        return explicit;
    }
}
