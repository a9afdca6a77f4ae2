package dev.bulwark.support.json;

import dev.bulwark.support.contribution.Contribution;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ledger entry as JSON: the columns of the library's CSV format plus {@code eligible}. A node
 * adds who entered it and when. Stateless and thread-safe.
 */
public final class ContributionJson {
  private ContributionJson() {}

  public static ObjectNode entry(Contribution c) {
    ObjectNode x = Json.MAPPER.createObjectNode();
    x.put("id", c.id());
    x.put("donor", c.donor());
    x.put("date", c.date().toString());
    x.put("status", Json.lower(c.status()));
    x.put("category", Json.lower(c.category()));
    x.put("eligible", c.category().eligible());
    x.put("channel", Json.lower(c.channel()));
    x.put("coalition", c.coalition().map(Json::lower).orElse(null));
    x.put("amount", c.amount().toPlainString());
    x.put("currency", c.currency());
    x.put("eur", c.eur().toPlainString());
    x.put("valuation", Json.lower(c.valuation()));
    x.put("fx_basis", c.fxBasis());
    x.put("description", c.description());
    x.put("source", c.source());
    return x;
  }
}
