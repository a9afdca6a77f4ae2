package dev.bulwark.readiness.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.DeclarationCsv;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationResult;
import dev.bulwark.support.ally.Allies;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ForceDeclarationStixTest {
  private static final String CSV =
      "nation,unit,domain,unit_type,personnel,notice_to_move_days,regional_plan,status,c_level,"
          + "valid_from,tier,p_level,s_level,r_level,t_level,equipment\n"
          + "EST,1st Infantry Brigade,land,infantry brigade,3500,10,north,exercised,2,2026-01-01,"
          + "3,2,1,2,2,ifv=44;sph=18\n"
          + "NOR,Fregatt,maritime,frigate,120,5,north,snap-inspected,1,2026-01-01,,,,,,\n";

  private List<Declaration> declarations() throws Exception {
    return new DeclarationCsv(Allies.nato())
        .read(new StringReader(CSV), "t.csv").rows().stream()
            .map(DeclarationCsv.Row::declaration)
            .toList();
  }

  @Test
  void roundTripsAndValidates() throws Exception {
    StixValidator validator = new StixValidator();
    for (Declaration d : declarations()) {
      StixObject s =
          ForceDeclarationStix.toStix(
              d,
              "2026-12-07T10:00:00.000Z",
              "2026-12-07T10:00:00.000Z",
              List.of(Tlp.AMBER.markingDefinitionId()));
      ValidationResult v = validator.validate(s);
      assertThat(v.errors()).isEmpty();
      StixObject parsed = new StixCodec().parseObject(new StixCodec().write(s));
      assertThat(ForceDeclarationStix.fromStix(parsed)).isEqualTo(d);
      assertThat(s.id()).isEqualTo(ForceDeclarationStix.id(d.nation(), d.unit()));
    }
  }

  @Test
  void theExtensionDefinitionValidates() {
    ValidationResult v = new StixValidator().validate(ReadinessExtension.definition());
    assertThat(v.errors()).isEmpty();
    assertThat(ReadinessExtension.schema()).contains(ForceDeclarationStix.TYPE);
  }

  @Test
  void refusesAnObjectWhoseIdIsNotItsUnits() throws Exception {
    Declaration d = declarations().get(0);
    ObjectNode o =
        ForceDeclarationStix.toStix(
                d, "2026-12-07T10:00:00.000Z", "2026-12-07T10:00:00.000Z", List.of())
            .json()
            .deepCopy();
    o.put("unit", "another unit");
    assertThatThrownBy(() -> ForceDeclarationStix.fromStix(StixObject.of(o)))
        .isInstanceOf(IllegalArgumentException.class);
    o.remove("personnel");
    assertThatThrownBy(() -> ForceDeclarationStix.fromStix(StixObject.of(o)))
        .hasMessageContaining("personnel");
  }
}
