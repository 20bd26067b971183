package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnConsolidatedListTest {

    @Test
    void malformedOrForeignXmlIsRefusedWithAReason() {
        assertThatThrownBy(() -> UnConsolidatedList.read(stream("<CONSOLIDATED_LIST><INDIVIDUALS>")))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("The UN list is not well-formed XML");
        assertThatThrownBy(() -> UnConsolidatedList.read(stream("<export><sanctionEntity/></export>")))
                .hasMessage("Not the UN consolidated list: the root element is export");
        assertThatThrownBy(() -> UnConsolidatedList.read(stream("<CONSOLIDATED_LIST/>")))
                .hasMessage("The UN list holds no individuals or entities");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL>"
                + "</INDIVIDUALS></CONSOLIDATED_LIST>";
        assertThatThrownBy(() -> UnConsolidatedList.read(stream(xxe))).isInstanceOf(ListFormatException.class);
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
