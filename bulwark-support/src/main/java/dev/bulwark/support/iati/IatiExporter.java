package dev.bulwark.support.iati;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes contributions as an IATI 2.03 activity file: one activity per donor ally ("military
 * support to Ukraine from X"), one transaction per ledger entry. Statuses map to IATI transaction
 * types: pledge 12 (outgoing pledge), commitment and allocation 2 (outgoing commitment), delivered
 * 3 (disbursement); corrections keep their negative value. Categories, channels and coalitions go
 * into transaction sectors with vocabulary 99 (reporting organisation's own). Values are in euros.
 * Immutable and thread-safe.
 *
 * @see <a href="https://iatistandard.org/en/iati-standard/203/">IATI Standard 2.03</a>
 */
public final class IatiExporter {

  /** Settings of the publishing organisation. */
  public record Publisher(String orgRef, String orgName, String orgType) {
    /**
     * A placeholder publisher for files made outside a node; "XM-" is IATI's prefix for
     * unregistered orgs.
     */
    public static Publisher standalone() {
      return new Publisher("XM-BULWARK", "Bulwark support planning ledger", "10");
    }
  }

  private final Allies allies;
  private final Publisher publisher;

  public IatiExporter(Allies allies, Publisher publisher) {
    this.allies = allies;
    this.publisher = publisher;
  }

  /**
   * Writes the file.
   *
   * @param generated the generated-datetime stamp (passed in so exports are reproducible)
   * @throws IllegalArgumentException when there is nothing to export (IATI needs one activity)
   */
  public void write(Collection<Contribution> contributions, OffsetDateTime generated, Writer out) {
    if (contributions.isEmpty()) {
      throw new IllegalArgumentException(
          "no contributions to export: an IATI file needs at least one activity");
    }
    Map<String, List<Contribution>> byDonor =
        contributions.stream()
            .collect(Collectors.groupingBy(Contribution::donor, TreeMap::new, Collectors.toList()));
    String stamp =
        generated
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("iati-activities");
      x.writeAttribute("version", "2.03");
      x.writeAttribute("generated-datetime", stamp);
      for (Map.Entry<String, List<Contribution>> e : byDonor.entrySet()) {
        activity(x, e.getKey(), e.getValue(), stamp);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write IATI XML", e);
    }
  }

  private void activity(XMLStreamWriter x, String donor, List<Contribution> entries, String stamp)
      throws XMLStreamException {
    String name = allies.byCode(donor).map(Ally::name).orElse(donor);
    List<Contribution> sorted =
        entries.stream()
            .sorted(Comparator.comparing(Contribution::date).thenComparing(Contribution::id))
            .toList();
    LocalDate first = sorted.get(0).date();
    x.writeCharacters("\n  ");
    x.writeStartElement("iati-activity");
    x.writeAttribute("last-updated-datetime", stamp);
    x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
    x.writeAttribute("default-currency", "EUR");
    simple(x, "iati-identifier", publisher.orgRef() + "-UKR-SUPPORT-" + donor);
    x.writeStartElement("reporting-org");
    x.writeAttribute("ref", publisher.orgRef());
    x.writeAttribute("type", publisher.orgType());
    narrative(x, publisher.orgName());
    x.writeEndElement();
    x.writeStartElement("title");
    narrative(x, "Military support to Ukraine from " + name);
    x.writeEndElement();
    x.writeStartElement("description");
    x.writeAttribute("type", "1");
    narrative(
        x,
        "Pledges, commitments, allocations and deliveries of support to Ukraine by "
            + name
            + ", as recorded in the Bulwark support ledger. Values in euros; corrections are negative transactions.");
    x.writeEndElement();
    org(x, "participating-org", "1", "10", "Government of " + name);
    org(x, "participating-org", "4", "10", "Government of Ukraine");
    x.writeStartElement("activity-status");
    x.writeAttribute("code", "2");
    x.writeEndElement();
    x.writeStartElement("activity-date");
    x.writeAttribute("type", "2");
    x.writeAttribute("iso-date", first.toString());
    x.writeEndElement();
    x.writeStartElement("recipient-country");
    x.writeAttribute("code", "UA");
    x.writeAttribute("percentage", "100");
    narrative(x, "Ukraine");
    x.writeEndElement();
    for (Contribution c : sorted) {
      transaction(x, c, name);
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void transaction(XMLStreamWriter x, Contribution c, String donorName)
      throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement("transaction");
    x.writeAttribute("ref", c.id());
    x.writeStartElement("transaction-type");
    x.writeAttribute("code", transactionType(c.status()));
    x.writeEndElement();
    x.writeStartElement("transaction-date");
    x.writeAttribute("iso-date", c.date().toString());
    x.writeEndElement();
    x.writeStartElement("value");
    x.writeAttribute("currency", "EUR");
    x.writeAttribute("value-date", c.date().toString());
    x.writeCharacters(c.eur().toPlainString());
    x.writeEndElement();
    x.writeStartElement("description");
    String text =
        (c.description().isBlank() ? lower(c.category()) : c.description())
            + " ("
            + lower(c.status())
            + ", "
            + lower(c.channel())
            + ", valued by "
            + lower(c.valuation())
            + (c.currency().equals("EUR")
                ? ""
                : ", originally "
                    + c.amount().toPlainString()
                    + " "
                    + c.currency()
                    + ", "
                    + c.fxBasis())
            + (c.source().isBlank() ? "" : "; source: " + c.source())
            + ")";
    narrative(x, text);
    x.writeEndElement();
    x.writeStartElement("provider-org");
    narrative(x, "Government of " + donorName);
    x.writeEndElement();
    x.writeStartElement("receiver-org");
    narrative(x, "Government of Ukraine");
    x.writeEndElement();
    sector(x, "category:" + lower(c.category()));
    sector(x, "channel:" + lower(c.channel()));
    if (c.coalition().isPresent()) {
      sector(x, "coalition:" + lower(c.coalition().get()));
    }
    x.writeEndElement();
  }

  private static void sector(XMLStreamWriter x, String code) throws XMLStreamException {
    x.writeStartElement("sector");
    x.writeAttribute("vocabulary", "99");
    x.writeAttribute("code", code);
    narrative(x, code);
    x.writeEndElement();
  }

  /** IATI TransactionType codes: 12 outgoing pledge, 2 outgoing commitment, 3 disbursement. */
  static String transactionType(Status status) {
    return switch (status) {
      case PLEDGE -> "12";
      case COMMITMENT, ALLOCATION -> "2";
      case DELIVERED -> "3";
    };
  }

  private static void org(XMLStreamWriter x, String element, String role, String type, String name)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeAttribute("role", role);
    x.writeAttribute("type", type);
    narrative(x, name);
    x.writeEndElement();
  }

  private static void simple(XMLStreamWriter x, String element, String text)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void narrative(XMLStreamWriter x, String text) throws XMLStreamException {
    x.writeStartElement("narrative");
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
