package dev.bulwark.support.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.report.ReportFixturesAccess;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

class IatiExporterTest {

  private static Schema schema() throws Exception {
    URL xsd = IatiExporterTest.class.getResource("iati-activities-schema.xsd");
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
  }

  private static String export() {
    StringWriter w = new StringWriter();
    new IatiExporter(Allies.nato(), IatiExporter.Publisher.standalone())
        .write(ReportFixturesAccess.ledger(), OffsetDateTime.parse("2025-01-15T10:00:00Z"), w);
    return w.toString();
  }

  @Test
  void exportValidatesAgainstTheIati203Schema() throws Exception {
    String xml = export();
    schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    assertThat(xml)
        .contains("<iati-activities version=\"2.03\" generated-datetime=\"2025-01-15T10:00:00Z\">");
    assertThat(xml).contains("<iati-identifier>XM-BULWARK-UKR-SUPPORT-USA</iati-identifier>");
    assertThat(xml)
        .contains("<transaction-type code=\"12\">")
        .contains("<transaction-type code=\"3\">")
        .contains("<transaction-type code=\"2\">");
    assertThat(xml).contains(">-5000000</value>");
    assertThat(xml.split("<iati-activity ", -1)).hasSize(1 + 3);
  }

  @Test
  void theSchemaCheckWouldCatchAMissingElement() throws Exception {
    String broken = export().replaceFirst("<activity-status code=\"2\"></activity-status>", "");
    assertThatThrownBy(
            () -> schema().newValidator().validate(new StreamSource(new StringReader(broken))))
        .isInstanceOf(SAXParseException.class);
  }

  @Test
  void refusesAnEmptyExport() {
    assertThatThrownBy(
            () ->
                new IatiExporter(Allies.nato(), IatiExporter.Publisher.standalone())
                    .write(List.of(), OffsetDateTime.now(), new StringWriter()))
        .hasMessageContaining("no contributions to export");
  }
}
