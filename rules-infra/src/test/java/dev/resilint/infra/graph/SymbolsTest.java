package dev.resilint.infra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.Mark;
import org.junit.jupiter.api.Test;

class SymbolsTest {

    @Test
    void aTemplateAttributeMayHoldDotsAndALiveIdMayToo() {
        assertThat(Symbols.resourceRef(Symbols.getAtt("Db", "Endpoint.Address", Mark.UNKNOWN)))
                .contains(new Symbols.ResourceRef("Db", "Endpoint.Address"));
        String fifo = "arn:aws:sqs:eu-west-1:111122223333:jobs.fifo";
        assertThat(Symbols.resourceRef(Symbols.getAtt(fifo, "Arn", Mark.UNKNOWN)))
                .contains(new Symbols.ResourceRef(fifo, "Arn"));
        assertThat(Symbols.resourceRef(Symbols.ref(fifo, Mark.UNKNOWN))).contains(new Symbols.ResourceRef(fifo, ""));
    }
}
